// Back-office scripts of the content area, by data-module name: the rich-text editor,
// autosave with the leave warning, and the slug that follows the title.
import { editorModules } from "./editor/index.js";

export const contentModules: Record<string, (el: HTMLElement) => void> = { ...editorModules };
