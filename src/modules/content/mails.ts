// The content module's e-mails: review requests to the people who can publish.
import { buildMail } from "../../core/mail/templates.js";

export const mails = {
  reviewRequested: (to: string, site: string, submitter: string, title: string, url: string) =>
    buildMail(
      to,
      `À relire : ${title} – ${site}`,
      site,
      ["Bonjour,", `${submitter} a soumis « ${title} » pour relecture. Vous pouvez le relire, le corriger, puis le publier ou le programmer.`],
      { label: "Relire le contenu", url },
      "Vous recevez ce message parce que vous pouvez publier des contenus sur le site.",
    ),
};
