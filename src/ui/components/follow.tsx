// "Suivre ce quartier": adds a neighbourhood to a signed-in resident's interests, so
// its news and actions appear in "Pour vous". Anonymous visitors are asked to sign in.
import { safeReturnPath, signInHref } from "../../lib/return-path.js";
import { useViewer } from "../viewer.js";

export function FollowButton({ neighbourhoodId, name }: { neighbourhoodId: number; name: string }) {
  const viewer = useViewer();
  if (!viewer.signedIn) {
    return (
      <a class="button button--secondary follow" href={signInHref(viewer.currentUrl)}>
        Suivre ce quartier<span class="sr-only"> : {name}</span> (connexion)
      </a>
    );
  }
  const on = viewer.followed.has(neighbourhoodId);
  return (
    <form method="post" action="/compte/suivre" class="follow-form">
      <input type="hidden" name="_csrf" value={viewer.csrfToken} />
      <input type="hidden" name="quartier" value={String(neighbourhoodId)} />
      <input type="hidden" name="suivre" value={on ? "0" : "1"} />
      <input type="hidden" name="retour" value={safeReturnPath(viewer.currentUrl)} />
      <button type="submit" class="button button--secondary follow" aria-pressed={on ? "true" : "false"}>
        {on ? "Ne plus suivre ce quartier" : "Suivre ce quartier"}
        <span class="sr-only"> : {name}</span>
      </button>
    </form>
  );
}
