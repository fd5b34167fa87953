// Warns before a back-office session ends for inactivity (staff sessions close after 30
// idle minutes) and lets the person extend it: WCAG 2.2.1 / RGAA 13.1. Five minutes before
// the end a modal dialog says so, with "Rester connecté" (focused) which pings the server;
// if the session has already ended, the dialog says so and offers to sign in again.
import { announce } from "../live.js";

const WARN_BEFORE_MS = 5 * 60_000;

export function initSessionTimeout(el: HTMLElement) {
  const idleMs = Number(el.dataset.idleSeconds ?? "0") * 1000;
  const csrf = el.dataset.csrf ?? "";
  if (!idleMs || idleMs <= WARN_BEFORE_MS || typeof HTMLDialogElement === "undefined") return;

  const dialog = document.createElement("dialog");
  dialog.className = "dialog session-dialog";
  dialog.setAttribute("aria-labelledby", "session-dialogue-titre");
  dialog.setAttribute("aria-describedby", "session-dialogue-texte");
  const title = document.createElement("h2");
  title.id = "session-dialogue-titre";
  title.className = "dialog__title";
  title.textContent = "Votre session va bientôt expirer";
  const text = document.createElement("p");
  text.id = "session-dialogue-texte";
  const stay = document.createElement("button");
  stay.type = "button";
  stay.className = "button";
  stay.textContent = "Rester connecté";
  const later = document.createElement("button");
  later.type = "button";
  later.className = "button button--secondary";
  later.textContent = "Fermer";
  const actions = document.createElement("div");
  actions.className = "dialog__actions";
  actions.append(stay, later);
  dialog.append(title, text, actions);
  document.body.append(dialog);

  let returnFocus: Element | null = null;
  let warnTimer = 0;
  let endTimer = 0;
  let deadline = 0;

  const schedule = () => {
    window.clearTimeout(warnTimer);
    window.clearTimeout(endTimer);
    deadline = Date.now() + idleMs;
    warnTimer = window.setTimeout(warn, idleMs - WARN_BEFORE_MS);
    endTimer = window.setTimeout(expired, idleMs);
  };

  const open = () => {
    if (dialog.open) return;
    returnFocus = document.activeElement;
    dialog.showModal();
    stay.focus();
  };
  const close = () => {
    if (dialog.open) dialog.close();
  };
  dialog.addEventListener("close", () => {
    if (returnFocus instanceof HTMLElement) returnFocus.focus();
  });

  function warn() {
    const minutes = Math.max(1, Math.round((deadline - Date.now()) / 60_000));
    title.textContent = "Votre session va bientôt expirer";
    text.textContent = `Sans activité de votre part, vous serez déconnecté dans ${minutes} minute${minutes > 1 ? "s" : ""}. Les modifications non enregistrées seraient perdues.`;
    stay.hidden = false;
    open();
  }

  function expired() {
    title.textContent = "Votre session a expiré";
    text.textContent =
      "Pour votre sécurité, vous avez été déconnecté après 30 minutes sans activité. Copiez vos modifications en cours avant de vous reconnecter dans un autre onglet.";
    stay.hidden = true;
    open();
    later.focus();
  }

  stay.addEventListener("click", async () => {
    try {
      const response = await fetch("/admin/session", {
        method: "POST",
        credentials: "same-origin",
        redirect: "manual",
        headers: { "X-CSRF-Token": csrf, Accept: "application/json" },
      });
      if (response.status === 204) {
        schedule();
        close();
        announce("Session prolongée.");
        return;
      }
    } catch {
      /* offline: fall through */
    }
    expired();
  });
  later.addEventListener("click", close);

  // Any save through the page's own scripts (autosave) counts as activity too.
  document.addEventListener("portail:server-activity", schedule);
  schedule();
}
