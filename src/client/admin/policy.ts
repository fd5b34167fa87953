// Back-office scripts of the policy area, by data-module name.
export const policyModules: Record<string, (el: HTMLElement) => void> = {};
