// /compte/invitation: where an invitation link leads. Outside /admin on purpose: the
// invitee is not staff yet (and is usually signed out). GET only shows the form (mail
// scanners follow links); POST sets the password and gives the role.
import type { FastifyInstance } from "fastify";
import { csrfTokenFor } from "../../core/http/csrf.js";
import { field, formBody, handleForm, queryOf, text } from "../../core/http/form.js";
import { forgetLinkToken, redirectWithoutToken, storedLinkToken, type LinkPage } from "../../core/http/link-token.js";
import { servePage } from "../../core/http/render.js";
import { clearSessionCookie, isSecure } from "../../core/http/session.js";
import { acceptInvitation, INVITATION_PATH, peekInvitation } from "./invitations.js";
import { ROLE_LABELS } from "./staff-roles.js";
import { InvitationPage } from "./views/invitation.js";

const tokenQuery = queryOf({ jeton: text(100) });
// A password of any length the hashing accepts (passwords.ts refuses the weak ones in French).
const acceptBody = formBody({ _csrf: text(200), jeton: text(100), password: text(4096) });
// The e-mailed link's GET moves the token out of the URL (core/http/link-token.ts).
const INVITATION_PAGE: LinkPage = { path: INVITATION_PATH, purpose: "invitation" };

export async function invitationRoutes(app: FastifyInstance) {
  const { db } = app.deps;

  app.get<{ Querystring: { jeton?: string } }>(INVITATION_PATH, { schema: { querystring: tokenQuery } }, async (request, reply) => {
    const moved = redirectWithoutToken(request, reply, INVITATION_PAGE);
    if (moved) return moved;
    const token = storedLinkToken(request, INVITATION_PAGE);
    const found = token ? await peekInvitation(db, token, app.deps.now()) : null;
    const invitation = found ? { role: ROLE_LABELS[found.role], email: found.email } : null;
    return servePage(request, reply, async () => ({
      tags: [],
      private: true,
      status: invitation ? 200 : 400,
      render: (ctx) => <InvitationPage ctx={ctx} csrf={csrfTokenFor(request, reply)} token={token} invitation={invitation} errors={{}} />,
    }));
  });

  app.post(INVITATION_PATH, { schema: { body: acceptBody } }, async (request, reply) => {
    const token = field(request.body, "jeton");
    const site = await app.deps.site.load();
    const deps = { db, mailer: app.deps.mailer, publicUrl: app.deps.config.publicUrl, siteName: site.view.name, now: app.deps.now() };
    const page = (status: 400, shownToken: string, invitation: { role: string; email: string } | null, errors: Record<string, string>) =>
      servePage(request, reply, async () => ({
        tags: [],
        private: true,
        status,
        render: (ctx) => <InvitationPage ctx={ctx} csrf={csrfTokenFor(request, reply)} token={shownToken} invitation={invitation} errors={errors} />,
      }));
    return handleForm(
      () => acceptInvitation(deps, { token, password: field(request.body, "password"), ip: request.ip }),
      (userId) => {
        // Unknown, used, revoked or expired link, or one that no longer matches its account.
        if (userId === null) return page(400, "", null, {});
        // Every session of the account ended, this browser's too: sign in again, with the new password.
        clearSessionCookie(reply, isSecure(request));
        forgetLinkToken(request, reply, INVITATION_PAGE);
        return reply.redirect(`/compte/connexion?statut=mot-de-passe-modifie&retour=${encodeURIComponent("/admin")}`, 303);
      },
      async ({ errors, status }) => {
        const found = await peekInvitation(db, token, app.deps.now());
        return page(status, token, found ? { role: ROLE_LABELS[found.role], email: found.email } : null, errors);
      },
    );
  });
}
