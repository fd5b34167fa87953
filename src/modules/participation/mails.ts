// The participation module's e-mails (listed in the manifest for the mail catalogue test).
import { buildMail } from "../../core/mail/templates.js";

export const mails = {
  /** A moderator's decision on a contribution, with the public reason. */
  moderationNotice: (to: string, site: string, what: string, decision: string, reason: string, url: string) =>
    buildMail(
      to,
      `Modération de votre contribution – ${site}`,
      site,
      ["Bonjour,", `${what} : ${decision}.`, ...(reason ? [`Motif : ${reason}`] : [])],
      url ? { label: "Voir mes notifications", url } : undefined,
      "Vous recevez ce message parce que vous avez participé sur le site. Pour toute question, répondez via la page de contact du site.",
    ),
  /** An account blocked from participating for a period. */
  blockNotice: (to: string, site: string, until: string, reason: string) =>
    buildMail(to, `Participation suspendue – ${site}`, site, [
      "Bonjour,",
      `Votre compte ne peut plus publier de commentaires, d’idées ni de signalements jusqu’au ${until}.`,
      `Motif : ${reason}`,
    ]),
};
