export interface PageLinks {
  page: number;
  pageCount: number;
  /** Builds the URL of page n (page 1 has no query parameter). */
  href: (n: number) => string;
}

/** Page numbers to show: first, last, and a window around the current page. */
export function pageWindow(page: number, pageCount: number, radius = 1): Array<number | "gap"> {
  const pages = new Set<number>([1, pageCount]);
  for (let n = page - radius; n <= page + radius; n++) if (n >= 1 && n <= pageCount) pages.add(n);
  const sorted = [...pages].sort((a, b) => a - b);
  const out: Array<number | "gap"> = [];
  sorted.forEach((n, i) => {
    const prev = sorted[i - 1];
    if (prev !== undefined && n - prev > 1) out.push("gap");
    out.push(n);
  });
  return out;
}

export function Pagination({ page, pageCount, href }: PageLinks) {
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label="Pagination">
      <ul>
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev">
              <span aria-hidden="true">‹ </span>Précédente
            </a>
          </li>
        ) : null}
        {pageWindow(page, pageCount).map((n) =>
          n === "gap" ? (
            <li class="pagination__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li>
              {n === page ? (
                <a href={href(n)} aria-current="page" aria-label={`Page ${n}, page actuelle`}>
                  {n}
                </a>
              ) : (
                <a href={href(n)} aria-label={`Page ${n}`}>
                  {n}
                </a>
              )}
            </li>
          ),
        )}
        {page < pageCount ? (
          <li>
            <a href={href(page + 1)} rel="next">
              Suivante<span aria-hidden="true"> ›</span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
