// Links of a paginated list: "?page=N", none for the first page (one URL per page).

/** The href of page n of a list at `basePath`, keeping `extra` query parameters. */
export function pageHref(basePath: string, extra: Record<string, string> = {}) {
  return (n: number) => {
    const params = new URLSearchParams(extra);
    if (n > 1) params.set("page", String(n));
    const qs = params.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
}
