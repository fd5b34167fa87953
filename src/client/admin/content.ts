// Back-office scripts of the content area, by data-module name.
export const contentModules: Record<string, (el: HTMLElement) => void> = {};
