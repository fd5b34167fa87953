// The content form's scripts, by data-module name (registered in ../content.ts).
import { initContentForm } from "./autosave.js";
import { initRichText } from "./rich-text.js";

export const editorModules: Record<string, (el: HTMLElement) => void> = {
  // Slug from the title, unsaved-changes status and leave warning, draft autosave.
  "content-form": initContentForm,
  // The body's Tiptap editor over its plain textarea.
  "rich-text": initRichText,
};
