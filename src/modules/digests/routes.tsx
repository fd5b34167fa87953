// The resident's digest settings (/compte/lettre, signed in, CSRF, handleForm) and the
// unsubscribe link of every digest (/lettre/desabonnement/<token>, no session: the signed
// token is the authority). Its POST is the RFC 8058 one-click target: mail providers post
// `List-Unsubscribe=One-Click` without any cookie or CSRF token, so this one route is let
// through the CSRF token check (route config `csrfSignedLink`; the browser checks still apply),
// and answers 404 to a token whose signature is wrong.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { NotFoundError } from "../../core/errors.js";
import { checkbox, field, formBody, handleForm, isChecked, oneOf, queryOf, text } from "../../core/http/form.js";
import { servePage } from "../../core/http/render.js";
import type { Errors } from "../../ui/components/form.js";
import { requireSession } from "../accounts/index.js";
import { unsubscribePath } from "./delivery.js";
import { formValues, presentSettings, type SettingsFormValues } from "./present.js";
import { changeFrequencyByLink, saveSettings, settingsOf, unsubscribeTarget } from "./service.js";
import { SettingsPage, UnsubscribePage } from "./views/settings.js";

const NOTICES: Record<string, string> = { enregistre: "Vos choix pour la lettre sont enregistrés." };

const statusQuery = queryOf({ statut: text(30) });
const settingsBody = formBody({ frequence: text(30), heure: text(5), jour: text(5), interets: checkbox, favoris: checkbox });
const tokenParams = { type: "object", required: ["jeton"], properties: { jeton: { type: "string", maxLength: 80 } } } as const;
const doneQuery = queryOf({ fait: oneOf(["desactivee", "hebdomadaire"]) });
const unsubscribeBody = formBody({ "List-Unsubscribe": oneOf(["One-Click"]), frequence: oneOf(["desactivee", "hebdomadaire"]), _csrf: text(200) });

/**
 * RFC 8058 lets the provider send the one-click body as multipart/form-data: read it here (a
 * few bytes, this plugin's routes only) into the same fields as the urlencoded form.
 */
function parseSmallMultipart(_req: FastifyRequest, body: string, done: (err: Error | null, body?: unknown) => void) {
  const fields: Record<string, string> = {};
  for (const m of body.matchAll(/name="([A-Za-z_-]{1,40})"\r?\n(?:[^\r\n]+\r?\n)*\r?\n([^\r\n]{0,100})/g)) fields[m[1]!] = m[2]!;
  done(null, fields);
}

export async function digestRoutes(app: FastifyInstance) {
  const settingsPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    userId: number,
    o: { values?: SettingsFormValues; errors?: Errors; status?: number; notice?: string },
  ) =>
    servePage(request, reply, async () => {
      const settings = await settingsOf(app.deps.db, userId);
      const view = presentSettings(settings);
      const values = o.values ?? formValues(settings);
      return {
        tags: [],
        private: true,
        status: o.status,
        render: (ctx) => <SettingsPage ctx={ctx} view={view} values={values} errors={o.errors ?? {}} notice={o.notice} />,
      };
    });

  app.get<{ Querystring: { statut?: string } }>("/compte/lettre", { schema: { querystring: statusQuery } }, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    return settingsPage(request, reply, session.user.id, { notice: NOTICES[request.query.statut ?? ""] });
  });

  app.post("/compte/lettre", { schema: { body: settingsBody } }, async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const body = request.body;
    const input = {
      frequence: field(body, "frequence"),
      heure: field(body, "heure"),
      jour: field(body, "jour"),
      interets: isChecked(body, "interets"),
      favoris: isChecked(body, "favoris"),
    };
    return handleForm(
      () => saveSettings(app.deps, session.user.id, input),
      () => reply.redirect("/compte/lettre?statut=enregistre", 303),
      ({ errors, status }) => settingsPage(request, reply, session.user.id, { values: input, errors, status }),
    );
  });

  await app.register(unsubscribeRoutes);
}

/** The unsubscribe link's page and one-click target, in a scope of their own (the multipart parser is theirs only). */
async function unsubscribeRoutes(app: FastifyInstance) {
  app.addContentTypeParser("multipart/form-data", { parseAs: "string", bodyLimit: 4096 }, parseSmallMultipart);

  const unsubscribePage = async (request: FastifyRequest, reply: FastifyReply, token: string, done: "off" | "weekly" | null) => {
    const target = await unsubscribeTarget(app.deps.db, token);
    if (!target) throw new NotFoundError("Unknown unsubscribe link");
    // The token is in the URL: never sent on to another site ("no-referrer" would also make
    // the browser send "Origin: null" with the page's own form, which the CSRF layer refuses).
    reply.header("referrer-policy", "same-origin");
    return servePage(request, reply, async () => ({
      tags: [],
      private: true,
      render: (ctx) => <UnsubscribePage ctx={ctx} action={unsubscribePath(token)} frequency={target.frequency} done={done} />,
    }));
  };

  app.get<{ Params: { jeton: string }; Querystring: { fait?: string } }>(
    "/lettre/desabonnement/:jeton",
    { schema: { params: tokenParams, querystring: doneQuery } },
    async (request, reply) => {
      const fait = request.query.fait;
      return unsubscribePage(request, reply, request.params.jeton, fait === "desactivee" ? "off" : fait === "hebdomadaire" ? "weekly" : null);
    },
  );

  app.post<{ Params: { jeton: string } }>(
    "/lettre/desabonnement/:jeton",
    { config: { csrfSignedLink: true }, schema: { params: tokenParams, body: unsubscribeBody } },
    async (request, reply) => {
      const target = await unsubscribeTarget(app.deps.db, request.params.jeton);
      if (!target) throw new NotFoundError("Unknown unsubscribe link");
      const body = request.body;
      const oneClick = field(body, "List-Unsubscribe") === "One-Click";
      const lower = !oneClick && field(body, "frequence") === "hebdomadaire" && target.frequency === "daily";
      await changeFrequencyByLink(app.deps, target.userId, lower ? "weekly" : "off");
      reply.header("cache-control", "no-store").header("referrer-policy", "same-origin");
      // A mail provider's one-click request needs only a 200; a person is shown the result.
      if (oneClick) return reply.type("text/plain; charset=utf-8").send("Désabonnement enregistré.\n");
      return reply.redirect(`${unsubscribePath(request.params.jeton)}?fait=${lower ? "hebdomadaire" : "desactivee"}`, 303);
    },
  );
}
