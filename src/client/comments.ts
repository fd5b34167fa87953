// Comments posted without reload. The form works alone (POST, then the page again at the new
// comment, or the form page with its errors); here the submit becomes a fetch with
// `Accept: application/json`. On success the comments section is fetched again (this viewer's
// page, never cached) and swapped in; on a refusal the French message goes next to the field.
import { announce } from "./live.js";

export function initComments(form: HTMLElement) {
  if (!(form instanceof HTMLFormElement) || typeof fetch !== "function" || typeof DOMParser !== "function") return;
  const section = form.closest<HTMLElement>("#commentaires");
  // Only the form embedded in a page's comments section: the stand-alone form page reloads.
  if (!section) return;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const status = form.querySelector<HTMLElement>(".comment-form__status");

  const showError = (name: string, message: string) => {
    const control = form.querySelector<HTMLElement>(`[name="${name}"]`) ?? form.querySelector<HTMLElement>('[name="body"]');
    if (!control) return;
    const id = `${control.id}-erreur`;
    let p = form.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    if (!p) {
      p = document.createElement("p");
      p.id = id;
      p.className = "field__error";
      control.parentElement?.insertBefore(p, control);
    }
    p.textContent = message;
    control.setAttribute("aria-invalid", "true");
    const described = new Set((control.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean));
    described.add(id);
    control.setAttribute("aria-describedby", [...described].join(" "));
    control.closest(".field")?.classList.add("field--error");
    control.focus();
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (button?.disabled) return;
    if (button) button.disabled = true;
    try {
      const response = await fetch(form.getAttribute("action") ?? "/participation/commentaires", {
        method: "POST",
        body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      if (response.status === 400 || response.status === 403) {
        const data = (await response.json()) as { errors?: Record<string, string> };
        const first = Object.entries(data.errors ?? {})[0];
        const message = first ? first[1] : "Le commentaire n’a pas pu être publié.";
        showError(first ? first[0] : "body", message);
        announce(message);
        return;
      }
      if (!response.ok) throw new Error(String(response.status));
      const data = (await response.json()) as { message: string; id: number };
      const page = await fetch(window.location.pathname + window.location.search, { credentials: "same-origin", headers: { Accept: "text/html" } });
      if (!page.ok) throw new Error(String(page.status));
      const fresh = new DOMParser().parseFromString(await page.text(), "text/html").querySelector<HTMLElement>("#commentaires");
      if (!fresh) throw new Error("no comments section");
      section.replaceWith(fresh);
      const next = fresh.querySelector<HTMLElement>('form[data-module="comments"]');
      if (next) {
        initComments(next);
        next.dataset.moduleReady = "true";
        const note = next.querySelector<HTMLElement>(".comment-form__status");
        if (note) note.textContent = data.message;
      }
      fresh.querySelector<HTMLElement>(`#commentaire-${data.id}`)?.setAttribute("tabindex", "-1");
      fresh.querySelector<HTMLElement>(`#commentaire-${data.id}`)?.focus();
      announce(data.message);
    } catch {
      // Network or session problem: the plain form submission does the same.
      if (status) status.textContent = "";
      form.submit();
    } finally {
      if (button) button.disabled = false;
    }
  });
}
