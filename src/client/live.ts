/** Announces a message to screen readers through the page's polite live region. */
export function announce(message: string) {
  const region = document.querySelector<HTMLElement>("[data-live-region]");
  if (!region) return;
  region.textContent = "";
  // A new text node after a tick is announced even when the message repeats.
  window.setTimeout(() => (region.textContent = message), 50);
}
