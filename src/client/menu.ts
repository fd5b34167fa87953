// A navigation on small screens: a "Menu" button toggles the list. Without JavaScript
// the button stays hidden and the list is always shown. Used by the site's main menu and
// by the back office's side menu (data-menu-toggle / data-menu-list, and the width under
// which it folds in data-menu-breakpoint).
export function initMenu(nav: HTMLElement) {
  const button = nav.querySelector<HTMLButtonElement>("[data-menu-toggle], .main-nav__toggle");
  const list = nav.querySelector<HTMLElement>("[data-menu-list], .main-nav__list");
  if (!button || !list) return;
  const small = window.matchMedia(`(max-width: ${nav.dataset.menuBreakpoint ?? "47.99em"})`);
  const setOpen = (open: boolean) => {
    button.setAttribute("aria-expanded", String(open));
    list.classList.toggle("is-open", open);
  };
  const sync = () => {
    button.hidden = !small.matches;
    setOpen(!small.matches);
  };
  button.addEventListener("click", () => setOpen(button.getAttribute("aria-expanded") !== "true"));
  nav.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && small.matches && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
  small.addEventListener("change", sync);
  sync();
}
