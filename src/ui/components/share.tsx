// Share links that load nothing from third parties: plain URLs to each network's share
// endpoint. Without JavaScript they are listed under the content; with JavaScript the
// client turns the block into a "Partager" button opening a dialog (src/client/share.ts).

export interface ShareTarget {
  label: string;
  href: string;
}

export function shareTargets(url: string, title: string): ShareTarget[] {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return [
    { label: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { label: "X", href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { label: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { label: "WhatsApp", href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
    { label: "E-mail", href: `mailto:?subject=${t}&body=${u}` },
  ];
}

export function ShareBlock({ url, title, id }: { url: string; title: string; id: string }) {
  const headingId = `${id}-titre`;
  return (
    <section class="share" data-module="share" data-share-url={url} data-share-title={title} aria-labelledby={headingId}>
      <h2 id={headingId} class="share__title">
        Partager cette page
      </h2>
      <ul class="share__links">
        {shareTargets(url, title).map((target) => (
          <li>
            {target.href.startsWith("mailto:") ? (
              <a href={target.href}>Par e-mail</a>
            ) : (
              <a href={target.href} target="_blank" rel="noopener noreferrer">
                {target.label}
                <span class="sr-only"> (nouvelle fenêtre)</span>
              </a>
            )}
          </li>
        ))}
      </ul>
      <p class="share__copy">
        <label for={`${id}-lien`}>Lien de la page</label>
        <input id={`${id}-lien`} type="text" readOnly value={url} class="share__url" />
      </p>
    </section>
  );
}
