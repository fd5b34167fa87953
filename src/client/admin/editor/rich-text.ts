// The body editor: a plain <textarea data-module="rich-text"> (what the page offers without
// JavaScript) becomes a Tiptap editor with a toolbar. The textarea stays in the form,
// hidden, and receives the HTML on every change (with an "input" event, so the form's
// autosave sees it): the form posts exactly what it would post without the editor.
// Headings are limited to h2 and h3 (the page has the h1); no code, no images here.
import { Editor } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { createLinkDialog } from "./link-dialog.js";
import { createToolbar, type ToolbarGroup } from "./toolbar.js";

export function initRichText(el: HTMLElement): void {
  if (!(el instanceof HTMLTextAreaElement)) return;
  const textarea = el;
  const id = textarea.id || `rte-${Math.random().toString(36).slice(2)}`;
  textarea.id = id;
  const label = document.querySelector<HTMLLabelElement>(`label[for="${id}"]`);
  if (label && !label.id) label.id = `${id}-label`;

  const wrapper = document.createElement("div");
  wrapper.className = "rte";
  if (textarea.getAttribute("aria-invalid") === "true") wrapper.classList.add("rte--invalid");
  const surface = document.createElement("div");
  surface.className = "rte__surface";

  const contentId = `${id}-editeur`;
  const attributes: Record<string, string> = {
    id: contentId,
    class: "rte__content",
    role: "textbox",
    "aria-multiline": "true",
  };
  if (label) attributes["aria-labelledby"] = label.id;
  else if (textarea.getAttribute("aria-label")) attributes["aria-label"] = textarea.getAttribute("aria-label") ?? "";
  const describedBy = textarea.getAttribute("aria-describedby");
  if (describedBy) attributes["aria-describedby"] = describedBy;
  if (textarea.getAttribute("aria-invalid") === "true") attributes["aria-invalid"] = "true";
  if (textarea.required) attributes["aria-required"] = "true";

  const editor = new Editor({
    element: surface,
    injectCSS: false, // the CSP allows no inline <style>: the needed rules are in editor.css
    content: textarea.value,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false,
        codeBlock: false,
        // No empty paragraph forced at the end: the body posted stays clean (the gap cursor
        // still lets people move after a list or a line by keyboard).
        trailingNode: false,
        link: {
          openOnClick: false,
          enableClickSelection: true,
          defaultProtocol: "https",
          HTMLAttributes: { target: null, rel: null, class: null },
        },
      }),
    ],
    editorProps: {
      attributes,
      handleKeyDown: (_view, event) => {
        if (event.altKey && event.key === "F10") {
          toolbar.focus();
          return true;
        }
        if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k") {
          linkDialog.open();
          return true;
        }
        return false;
      },
    },
  });

  const linkDialog = createLinkDialog(editor);
  const chain = () => editor.chain().focus();
  const groups: ToolbarGroup[] = [
    {
      label: "Titres",
      buttons: [
        {
          label: "Titre de niveau 2",
          glyph: "T2",
          shortcut: "Mod-Alt-2",
          run: () => chain().toggleHeading({ level: 2 }).run(),
          isActive: () => editor.isActive("heading", { level: 2 }),
        },
        {
          label: "Titre de niveau 3",
          glyph: "T3",
          shortcut: "Mod-Alt-3",
          run: () => chain().toggleHeading({ level: 3 }).run(),
          isActive: () => editor.isActive("heading", { level: 3 }),
        },
      ],
    },
    {
      label: "Mise en forme",
      buttons: [
        {
          label: "Gras",
          glyph: "G",
          glyphClass: "rte__glyph--bold",
          shortcut: "Mod-b",
          run: () => chain().toggleBold().run(),
          isActive: () => editor.isActive("bold"),
        },
        {
          label: "Italique",
          glyph: "I",
          glyphClass: "rte__glyph--italic",
          shortcut: "Mod-i",
          run: () => chain().toggleItalic().run(),
          isActive: () => editor.isActive("italic"),
        },
        {
          label: "Souligné",
          glyph: "S",
          glyphClass: "rte__glyph--underline",
          shortcut: "Mod-u",
          run: () => chain().toggleUnderline().run(),
          isActive: () => editor.isActive("underline"),
        },
        {
          label: "Barré",
          glyph: "abc",
          glyphClass: "rte__glyph--strike",
          shortcut: "Mod-Shift-s",
          run: () => chain().toggleStrike().run(),
          isActive: () => editor.isActive("strike"),
        },
      ],
    },
    {
      label: "Blocs",
      buttons: [
        {
          label: "Liste à puces",
          glyph: "•≡",
          shortcut: "Mod-Shift-8",
          run: () => chain().toggleBulletList().run(),
          isActive: () => editor.isActive("bulletList"),
        },
        {
          label: "Liste numérotée",
          glyph: "1.≡",
          shortcut: "Mod-Shift-7",
          run: () => chain().toggleOrderedList().run(),
          isActive: () => editor.isActive("orderedList"),
        },
        { label: "Citation", glyph: "«»", shortcut: "Mod-Shift-b", run: () => chain().toggleBlockquote().run(), isActive: () => editor.isActive("blockquote") },
        { label: "Ligne de séparation", glyph: "―", run: () => chain().setHorizontalRule().run() },
      ],
    },
    {
      label: "Liens",
      buttons: [
        { label: "Lien…", shortcut: "Mod-k", opensDialog: true, run: () => linkDialog.open() },
        {
          label: "Retirer le lien",
          run: () => chain().extendMarkRange("link").unsetLink().run(),
          isEnabled: () => editor.isActive("link"),
        },
      ],
    },
    {
      label: "Historique",
      buttons: [
        { label: "Annuler", glyph: "↶", shortcut: "Mod-z", run: () => chain().undo().run(), isEnabled: () => editor.can().undo() },
        { label: "Rétablir", glyph: "↷", shortcut: "Mod-Shift-z", run: () => chain().redo().run(), isEnabled: () => editor.can().redo() },
      ],
    },
  ];
  const toolbar = createToolbar(editor, groups, label ? `Mise en forme : ${label.textContent?.trim() ?? ""}` : "Mise en forme du texte", contentId);

  editor.on("transaction", () => toolbar.refresh());
  editor.on("update", () => {
    textarea.value = editor.isEmpty ? "" : editor.getHTML();
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  });
  editor.on("focus", () => wrapper.classList.add("rte--focused"));
  editor.on("blur", () => wrapper.classList.remove("rte--focused"));

  // The label, and the error summary's link to the field, lead to the editor.
  label?.addEventListener("click", (event) => {
    event.preventDefault();
    editor.commands.focus();
  });
  document.addEventListener("click", (event) => {
    const link = (event.target as Element | null)?.closest?.(`a[href="#${id}"]`);
    if (!link) return;
    event.preventDefault();
    editor.commands.focus();
    wrapper.scrollIntoView({ block: "center" });
  });

  // The hidden textarea must not block the submission with a native "required" bubble.
  textarea.required = false;
  textarea.hidden = true;
  wrapper.append(toolbar.element, surface);
  textarea.after(wrapper);
}
