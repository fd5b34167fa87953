// Starts the enhanced components of a page: each element marked data-module="name" is set
// up on its own, so one failing component does not break the others, and never twice.
export type ModuleSetup = (el: HTMLElement) => void;

export function startModules(modules: Record<string, ModuleSetup>) {
  const init = () => {
    document.documentElement.classList.add("js");
    document.querySelectorAll<HTMLElement>("[data-module]").forEach((el) => {
      const name = el.dataset.module ?? "";
      const setup = modules[name];
      if (!setup || el.dataset.moduleReady) return;
      try {
        setup(el);
        el.dataset.moduleReady = "true";
      } catch (error) {
        console.error(`Module ${name} failed`, error);
      }
    });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
}
