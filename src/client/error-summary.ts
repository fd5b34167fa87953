// The error summary at the top of a form takes focus when the page loads, so keyboard
// and screen-reader users hear at once what to correct; its links lead to each field.
export function initErrorSummary(summary: HTMLElement) {
  summary.focus();
  summary.addEventListener("click", (event) => {
    const link = (event.target as HTMLElement).closest("a");
    const id = link?.getAttribute("href")?.slice(1);
    const field = id ? document.getElementById(id) : null;
    if (!field) return;
    event.preventDefault();
    field.focus();
    field.scrollIntoView({ block: "center" });
  });
}
