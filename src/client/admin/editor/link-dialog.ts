// The editor's link dialog: a modal <dialog> with the address (and the text to show when
// nothing is selected), checked before it is applied, and "Retirer le lien" on an existing
// link. It lives at the end of <body>, outside the content form, so that its own small form
// never submits the page. Escape or "Annuler" close it; focus returns to the editor.
import type { Editor } from "@tiptap/core";
import { checkLinkUrl } from "./link-url.js";

let counter = 0;

export interface LinkDialog {
  open(): void;
}

export function createLinkDialog(editor: Editor): LinkDialog {
  const id = `lien-dialogue-${++counter}`;
  const dialog = document.createElement("dialog");
  dialog.id = id;
  dialog.className = "dialog rte-link-dialog";
  dialog.setAttribute("aria-labelledby", `${id}-titre`);

  const heading = document.createElement("h2");
  heading.id = `${id}-titre`;
  heading.className = "dialog__title";

  const form = document.createElement("form");
  form.noValidate = true;
  form.className = "rte-link-dialog__form";

  const urlField = field(
    `${id}-adresse`,
    "Adresse du lien",
    "Une adresse qui commence par https://, une adresse e-mail précédée de mailto:, ou une page du site qui commence par / (par exemple /actualites).",
  );
  urlField.input.autocomplete = "off";
  urlField.input.spellcheck = false;
  urlField.input.inputMode = "url";
  const textField = field(`${id}-texte`, "Texte du lien", "Le texte sur lequel on clique. Laissez vide pour afficher l’adresse.");

  const actions = document.createElement("div");
  actions.className = "dialog__actions";
  const apply = button("Appliquer", "button", "submit");
  const remove = button("Retirer le lien", "button button--secondary", "button");
  const cancel = button("Annuler", "button button--secondary", "button");
  actions.append(apply, remove, cancel);
  form.append(urlField.wrapper, textField.wrapper, actions);
  dialog.append(heading, form);
  document.body.append(dialog);

  let editing = false;

  const clearError = () => {
    urlField.wrapper.classList.remove("field--error");
    urlField.input.removeAttribute("aria-invalid");
    urlField.error.hidden = true;
    urlField.error.textContent = "";
    urlField.input.setAttribute("aria-describedby", urlField.hint.id);
  };

  const showError = (message: string) => {
    urlField.wrapper.classList.add("field--error");
    urlField.input.setAttribute("aria-invalid", "true");
    urlField.error.hidden = false;
    const prefix = document.createElement("span");
    prefix.className = "sr-only";
    prefix.textContent = "Erreur : ";
    urlField.error.replaceChildren(prefix, document.createTextNode(message));
    urlField.input.setAttribute("aria-describedby", `${urlField.error.id} ${urlField.hint.id}`);
    urlField.input.focus();
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const result = checkLinkUrl(urlField.input.value);
    if (!result.ok) {
      showError(result.message);
      return;
    }
    const chain = editor.chain().focus();
    if (editing || !editor.state.selection.empty) {
      chain.extendMarkRange("link").setLink({ href: result.href }).run();
    } else {
      const text = textField.input.value.trim() || result.href;
      chain
        .insertContent({ type: "text", text, marks: [{ type: "link", attrs: { href: result.href } }] })
        .unsetMark("link")
        .run();
    }
    dialog.close();
  });

  remove.addEventListener("click", () => {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    dialog.close();
  });
  cancel.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => {
    if (!editor.isDestroyed && !editor.isFocused) editor.commands.focus();
  });
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close();
  });

  return {
    open() {
      syncSelectionFromDom(editor);
      const href = editor.getAttributes("link").href;
      editing = editor.isActive("link") && typeof href === "string";
      heading.textContent = editing ? "Modifier le lien" : "Ajouter un lien";
      apply.textContent = editing ? "Modifier le lien" : "Ajouter le lien";
      urlField.input.value = editing ? String(href) : "";
      textField.input.value = "";
      // Text is asked for only when there is none to turn into a link.
      textField.wrapper.hidden = editing || !editor.state.selection.empty;
      remove.hidden = !editing;
      clearError();
      dialog.showModal();
      urlField.input.focus();
      urlField.input.select();
    },
  };
}

/**
 * ProseMirror reads a new DOM selection on the next "selectionchange" event; a shortcut
 * pressed right after Shift+Home could otherwise open the dialog on the old selection.
 */
function syncSelectionFromDom(editor: Editor) {
  const selection = window.getSelection();
  const view = editor.view;
  if (!selection?.anchorNode || !selection.focusNode) return;
  if (!view.dom.contains(selection.anchorNode) || !view.dom.contains(selection.focusNode)) return;
  try {
    const anchor = view.posAtDOM(selection.anchorNode, selection.anchorOffset);
    const head = view.posAtDOM(selection.focusNode, selection.focusOffset);
    const current = editor.state.selection;
    if (current.anchor !== anchor || current.head !== head) {
      editor.commands.setTextSelection({ from: Math.min(anchor, head), to: Math.max(anchor, head) });
    }
  } catch {
    // A position ProseMirror cannot map: keep its own selection.
  }
}

function field(id: string, label: string, hint: string) {
  const wrapper = document.createElement("div");
  wrapper.className = "field";
  const labelEl = document.createElement("label");
  labelEl.htmlFor = id;
  labelEl.className = "field__label";
  labelEl.textContent = label;
  const hintEl = document.createElement("p");
  hintEl.id = `${id}-aide`;
  hintEl.className = "field__hint";
  hintEl.textContent = hint;
  const error = document.createElement("p");
  error.id = `${id}-erreur`;
  error.className = "field__error";
  error.hidden = true;
  const input = document.createElement("input");
  input.type = "text";
  input.id = id;
  input.className = "field__input";
  input.setAttribute("aria-describedby", hintEl.id);
  wrapper.append(labelEl, hintEl, error, input);
  return { wrapper, input, hint: hintEl, error };
}

function button(text: string, className: string, type: "button" | "submit") {
  const b = document.createElement("button");
  b.type = type;
  b.className = className;
  b.textContent = text;
  return b;
}
