// Back-office scripts of the media area, by data-module name.
export const mediaModules: Record<string, (el: HTMLElement) => void> = {};
