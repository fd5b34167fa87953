// /compte/invitation: where an invitation link leads. Outside /admin on purpose: the
// invitee is not staff yet (and is usually signed out). GET only shows the form (mail
// scanners follow links); POST sets the password and gives the role.
import type { FastifyInstance } from "fastify";
import { ValidationError } from "../../core/errors.js";
import { csrfTokenFor } from "../../core/http/csrf.js";
import { forgetLinkToken, redirectWithoutToken, storedLinkToken, type LinkPage } from "../../core/http/link-token.js";
import { servePage } from "../../core/http/render.js";
import { clearSessionCookie, isSecure } from "../../core/http/session.js";
import { str } from "../accounts/validate.js";
import { acceptInvitation, INVITATION_PATH, peekInvitation } from "./invitations.js";
import { ROLE_LABELS } from "./staff-roles.js";
import { InvitationPage } from "./views/invitation.js";

const tokenQuery = { type: "object", properties: { jeton: { type: "string", maxLength: 100 } } } as const;
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

  app.post(INVITATION_PATH, async (request, reply) => {
    const token = str(request.body, "jeton", 100);
    const site = await app.deps.site.load();
    const deps = { db, mailer: app.deps.mailer, publicUrl: app.deps.config.publicUrl, siteName: site.view.name, now: app.deps.now() };
    try {
      const userId = await acceptInvitation(deps, { token, password: str(request.body, "password", 4096), ip: request.ip });
      if (userId === null) {
        return servePage(request, reply, async () => ({
          tags: [],
          private: true,
          status: 400,
          render: (ctx) => <InvitationPage ctx={ctx} csrf={csrfTokenFor(request, reply)} token="" invitation={null} errors={{}} />,
        }));
      }
      // Every session of the account ended, this browser's too: sign in again, with the new password.
      clearSessionCookie(reply, isSecure(request));
      forgetLinkToken(request, reply, INVITATION_PAGE);
      return reply.redirect(`/compte/connexion?statut=mot-de-passe-modifie&retour=${encodeURIComponent("/admin")}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const found = await peekInvitation(db, token, app.deps.now());
      const invitation = found ? { role: ROLE_LABELS[found.role], email: found.email } : null;
      return servePage(request, reply, async () => ({
        tags: [],
        private: true,
        status: 400,
        render: (ctx) => <InvitationPage ctx={ctx} csrf={csrfTokenFor(request, reply)} token={token} invitation={invitation} errors={error.fields} />,
      }));
    }
  });
}
