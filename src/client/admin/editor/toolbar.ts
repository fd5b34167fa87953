// The editor's toolbar, following the WAI-ARIA toolbar pattern: one tab stop (roving
// tabindex), Left/Right/Home/End move between buttons, Tab leaves; toggles expose their
// state with aria-pressed; unavailable actions stay focusable with aria-disabled.
// Alt+F10 in the text moves to the toolbar and Escape in the toolbar goes back to the text.
import type { Editor } from "@tiptap/core";

export interface ToolbarButton {
  /** Accessible name, also shown as a tooltip. */
  label: string;
  /** Short visible text (a glyph); the label is used when absent. */
  glyph?: string;
  glyphClass?: string;
  /** Tiptap's shortcut, e.g. "Mod-b". */
  shortcut?: string;
  run: () => void;
  isActive?: () => boolean;
  isEnabled?: () => boolean;
  opensDialog?: boolean;
}

export interface ToolbarGroup {
  label: string;
  buttons: ToolbarButton[];
}

const IS_MAC = typeof navigator !== "undefined" && /Mac|iPhone|iPad|iPod/.test(navigator.platform);

/** "Mod-Shift-8" -> { aria: "Control+Shift+8", visible: "Ctrl+Maj+8" } (Meta / ⌘ on Apple devices). */
export function describeShortcut(shortcut: string, mac = IS_MAC): { aria: string; visible: string } {
  const parts = shortcut.split("-");
  const aria = parts.map((p) => (p === "Mod" ? (mac ? "Meta" : "Control") : p.length === 1 ? p.toUpperCase() : p)).join("+");
  const names: Record<string, string> = { Mod: mac ? "⌘" : "Ctrl", Shift: "Maj", Alt: mac ? "⌥" : "Alt" };
  const visible = parts.map((p) => names[p] ?? (p.length === 1 ? p.toUpperCase() : p)).join("+");
  return { aria, visible };
}

export interface Toolbar {
  element: HTMLElement;
  refresh(): void;
  focus(): void;
}

export function createToolbar(editor: Editor, groups: ToolbarGroup[], label: string, controls: string): Toolbar {
  const toolbar = document.createElement("div");
  toolbar.className = "rte__toolbar";
  toolbar.setAttribute("role", "toolbar");
  toolbar.setAttribute("aria-label", label);
  toolbar.setAttribute("aria-controls", controls);

  const entries: Array<{ el: HTMLButtonElement; spec: ToolbarButton }> = [];
  for (const group of groups) {
    const groupEl = document.createElement("div");
    groupEl.className = "rte__group";
    groupEl.setAttribute("role", "group");
    groupEl.setAttribute("aria-label", group.label);
    for (const spec of group.buttons) {
      const el = document.createElement("button");
      el.type = "button";
      el.className = "rte__button";
      el.tabIndex = -1;
      const shortcut = spec.shortcut ? describeShortcut(spec.shortcut) : null;
      el.title = shortcut ? `${spec.label} (${shortcut.visible})` : spec.label;
      if (shortcut) el.setAttribute("aria-keyshortcuts", shortcut.aria);
      if (spec.glyph) {
        el.setAttribute("aria-label", spec.label);
        const glyph = document.createElement("span");
        glyph.setAttribute("aria-hidden", "true");
        glyph.className = `rte__glyph ${spec.glyphClass ?? ""}`.trim();
        glyph.textContent = spec.glyph;
        el.append(glyph);
      } else {
        el.textContent = spec.label;
      }
      if (spec.isActive) el.setAttribute("aria-pressed", "false");
      if (spec.opensDialog) el.setAttribute("aria-haspopup", "dialog");
      // Keep the text selection when a button is pressed with the mouse.
      el.addEventListener("mousedown", (event) => event.preventDefault());
      el.addEventListener("click", () => {
        if (el.getAttribute("aria-disabled") === "true") return;
        spec.run();
        // Tiptap moves the focus on the next animation frame; typing right away must
        // already go to the text.
        if (!spec.opensDialog) editor.view.focus();
      });
      groupEl.append(el);
      entries.push({ el, spec });
    }
    toolbar.append(groupEl);
  }

  let current = 0;
  const setCurrent = (index: number, focus: boolean) => {
    current = (index + entries.length) % entries.length;
    entries.forEach((entry, i) => {
      entry.el.tabIndex = i === current ? 0 : -1;
    });
    if (focus) entries[current]?.el.focus();
  };
  setCurrent(0, false);

  toolbar.addEventListener("focusin", (event) => {
    const index = entries.findIndex((entry) => entry.el === event.target);
    if (index >= 0 && index !== current) setCurrent(index, false);
  });
  toolbar.addEventListener("keydown", (event) => {
    switch (event.key) {
      case "ArrowRight":
        setCurrent(current + 1, true);
        break;
      case "ArrowLeft":
        setCurrent(current - 1, true);
        break;
      case "Home":
        setCurrent(0, true);
        break;
      case "End":
        setCurrent(entries.length - 1, true);
        break;
      case "Escape":
        editor.commands.focus();
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  const refresh = () => {
    for (const entry of entries) {
      const el = entry.el;
      const spec = entry.spec;
      if (spec.isActive) el.setAttribute("aria-pressed", String(spec.isActive()));
      if (spec.isEnabled) {
        if (spec.isEnabled()) el.removeAttribute("aria-disabled");
        else el.setAttribute("aria-disabled", "true");
      }
    }
  };
  refresh();

  return { element: toolbar, refresh, focus: () => setCurrent(current, true) };
}
