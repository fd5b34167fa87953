// Share dialog. The server renders the share links as a plain list; here the list is
// replaced by a "Partager" button that opens a modal <dialog> with the same links,
// "Copier le lien", the browser's native share when it exists, and "Fermer".
// Escape closes; Tab stays inside; focus returns to the button on close.
import { announce } from "./live.js";

let counter = 0;

export function initShare(section: HTMLElement) {
  const url = section.dataset.shareUrl ?? window.location.href;
  const title = section.dataset.shareTitle ?? document.title;
  const links = section.querySelector<HTMLUListElement>(".share__links");
  if (!links || typeof HTMLDialogElement === "undefined") return;
  const id = `partage-dialogue-${++counter}`;

  const trigger = document.createElement("button");
  trigger.type = "button";
  trigger.className = "button button--secondary share__trigger";
  trigger.setAttribute("aria-haspopup", "dialog");
  trigger.setAttribute("aria-controls", id);
  trigger.innerHTML =
    '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><circle cx="18" cy="5" r="2.5" fill="none" stroke="currentColor" stroke-width="2"/><circle cx="6" cy="12" r="2.5" fill="none" stroke="currentColor" stroke-width="2"/><circle cx="18" cy="19" r="2.5" fill="none" stroke="currentColor" stroke-width="2"/><path d="m8.2 10.8 7.6-4.4M8.2 13.2l7.6 4.4" stroke="currentColor" stroke-width="2"/></svg>';
  trigger.append(document.createTextNode("Partager"));

  const dialog = document.createElement("dialog");
  dialog.id = id;
  dialog.className = "dialog share-dialog";
  dialog.setAttribute("aria-labelledby", `${id}-titre`);
  const heading = document.createElement("h2");
  heading.id = `${id}-titre`;
  heading.className = "dialog__title";
  heading.textContent = "Partager la page";
  const list = links.cloneNode(true) as HTMLUListElement;
  list.className = "share-dialog__links";

  const copy = document.createElement("button");
  copy.type = "button";
  copy.className = "button button--secondary";
  copy.textContent = "Copier le lien";
  copy.addEventListener("click", async () => {
    const ok = await copyText(url);
    announce(ok ? "Lien copié dans le presse-papiers." : "La copie a échoué : sélectionnez le lien et copiez-le.");
    copy.textContent = ok ? "Lien copié" : "Copie impossible";
    window.setTimeout(() => (copy.textContent = "Copier le lien"), 2500);
  });

  const actions = document.createElement("div");
  actions.className = "dialog__actions";
  actions.append(copy);

  if (typeof navigator.share === "function") {
    const native = document.createElement("button");
    native.type = "button";
    native.className = "button button--secondary";
    native.textContent = "Autres applications…";
    native.addEventListener("click", () => {
      navigator.share({ title, url }).catch(() => {
        /* the person closed the system sheet: nothing to do */
      });
    });
    actions.append(native);
  }

  const close = document.createElement("button");
  close.type = "button";
  close.className = "button dialog__close";
  close.textContent = "Fermer";
  close.addEventListener("click", () => dialog.close());

  dialog.append(heading, list, actions, close);
  dialog.addEventListener("close", () => trigger.focus());
  // A click on the backdrop (outside the dialog box) closes it too.
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener("keydown", (event) => trapFocus(event, dialog));

  trigger.addEventListener("click", () => {
    dialog.showModal();
    heading.setAttribute("tabindex", "-1");
    (list.querySelector("a") as HTMLElement | null)?.focus();
  });

  section.classList.add("share--enhanced");
  section.append(trigger, dialog);
}

function trapFocus(event: KeyboardEvent, dialog: HTMLDialogElement) {
  if (event.key !== "Tab") return;
  const focusable = [...dialog.querySelectorAll<HTMLElement>("a[href], button:not([disabled])")].filter((el) => el.offsetParent !== null);
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older browsers or no clipboard permission: fall back to a hidden field.
    const field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "sr-only";
    document.body.append(field);
    field.select();
    const ok = document.execCommand("copy");
    field.remove();
    return ok;
  }
}
