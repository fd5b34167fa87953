// "Ajouter à mes favoris". Accounts do not exist yet: for an anonymous visitor the
// control is a link to the sign-in route, which brings them back here afterwards.
// The accounts module will render the real toggle (a form button with aria-pressed).
export function FavouriteButton({ returnTo, title, compact }: { returnTo: string; title: string; compact?: boolean }) {
  const href = `/compte/connexion?retour=${encodeURIComponent(returnTo)}`;
  return (
    <a class={compact ? "favourite favourite--compact" : "favourite"} href={href}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" width="20" height="20">
        <path d="M12 20.5 4.2 13a4.8 4.8 0 0 1 6.8-6.8l1 1 1-1a4.8 4.8 0 0 1 6.8 6.8z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
      </svg>
      <span>Ajouter à mes favoris</span>
      {compact ? <span class="sr-only"> : {title}</span> : null}
    </a>
  );
}
