// Favourite toggle without reload: the form still works alone (POST + redirect); here
// the submit becomes a fetch, and the button's aria-pressed, label and hidden "action"
// follow the server's answer. The change is announced to screen readers.
import { announce } from "./live.js";

export function initFavourite(form: HTMLElement) {
  if (!(form instanceof HTMLFormElement) || typeof fetch !== "function") return;
  const button = form.querySelector<HTMLButtonElement>("button[aria-pressed]");
  const action = form.querySelector<HTMLInputElement>('input[name="action"]');
  const label = form.querySelector<HTMLElement>(".favourite__label");
  if (!button || !action || !label) return;

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (button.disabled) return;
    button.disabled = true;
    try {
      // form.action would be the hidden input named "action": read the attribute.
      const response = await fetch(form.getAttribute("action") ?? "/compte/favoris", {
        method: "POST",
        body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok) throw new Error(String(response.status));
      const data = (await response.json()) as { favourite: boolean; label: string };
      button.setAttribute("aria-pressed", String(data.favourite));
      button.classList.toggle("is-on", data.favourite);
      label.textContent = data.label;
      action.value = data.favourite ? "retirer" : "ajouter";
      announce(data.favourite ? "Ajouté à vos favoris." : "Retiré de vos favoris.");
    } catch {
      // Network or session problem: fall back to the plain form submission.
      form.submit();
    } finally {
      button.disabled = false;
    }
  });
}
