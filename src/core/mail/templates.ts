// French e-mails, each in HTML and plain text. Links point straight at the portal:
// no tracking pixel, no redirect through a click counter.
import type { MailMessage } from "./mailer.js";

function escape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function build(to: string, subject: string, site: string, paragraphs: string[], action?: { label: string; url: string }, footer?: string): MailMessage {
  const textParts = [...paragraphs];
  if (action) textParts.push(`${action.label} : ${action.url}`);
  if (footer) textParts.push(footer);
  textParts.push(`— ${site}`);
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escape(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1e1e1e;max-width:36rem;margin:0 auto;padding:1rem">
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join("\n")}
${action ? `<p><a href="${escape(action.url)}" style="display:inline-block;background:#1d4f91;color:#fff;padding:.75rem 1.25rem;border-radius:4px;text-decoration:none">${escape(action.label)}</a></p><p style="font-size:14px">Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :<br>${escape(action.url)}</p>` : ""}
${footer ? `<p style="font-size:14px;color:#555">${escape(footer)}</p>` : ""}
<p style="font-size:14px;color:#555">— ${escape(site)}</p>
</body></html>`;
  return { to, subject, text: textParts.join("\n\n") + "\n", html };
}

const IGNORE = "Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne sera modifié.";

export const mails = {
  verifyEmail: (to: string, site: string, url: string) =>
    build(
      to,
      `Confirmez votre adresse e-mail – ${site}`,
      site,
      ["Bonjour,", "Pour terminer la création de votre compte, confirmez votre adresse e-mail. Ce lien est valable 24 heures et ne sert qu’une fois."],
      { label: "Confirmer mon adresse", url },
      IGNORE,
    ),
  verifyNewEmail: (to: string, site: string, url: string) =>
    build(
      to,
      `Confirmez votre nouvelle adresse e-mail – ${site}`,
      site,
      ["Bonjour,", "Vous avez demandé à utiliser cette adresse pour votre compte. Confirmez-la pour qu’elle remplace l’ancienne. Ce lien est valable 24 heures."],
      { label: "Confirmer cette adresse", url },
      IGNORE,
    ),
  alreadyRegistered: (to: string, site: string, signInUrl: string, resetUrl: string) =>
    build(
      to,
      `Vous avez déjà un compte – ${site}`,
      site,
      [
        "Bonjour,",
        "Quelqu’un (sans doute vous) a voulu créer un compte avec cette adresse, mais vous en avez déjà un. Aucun nouveau compte n’a été créé.",
        `Si vous avez oublié votre mot de passe, choisissez-en un nouveau : ${resetUrl}`,
      ],
      { label: "Me connecter", url: signInUrl },
      IGNORE,
    ),
  resetPassword: (to: string, site: string, url: string) =>
    build(
      to,
      `Choisissez un nouveau mot de passe – ${site}`,
      site,
      ["Bonjour,", "Vous avez demandé à changer de mot de passe. Ce lien est valable une heure et ne sert qu’une fois."],
      { label: "Choisir un nouveau mot de passe", url },
      IGNORE,
    ),
  passwordChanged: (to: string, site: string, resetUrl: string) =>
    build(
      to,
      `Votre mot de passe a été modifié – ${site}`,
      site,
      [
        "Bonjour,",
        "Le mot de passe de votre compte vient d’être modifié, et vos autres connexions ont été fermées.",
        `Si ce n’est pas vous, choisissez tout de suite un nouveau mot de passe : ${resetUrl}`,
      ],
    ),
  emailChanged: (to: string, site: string, newEmail: string) =>
    build(to, `Votre adresse e-mail a été modifiée – ${site}`, site, [
      "Bonjour,",
      `L’adresse e-mail de votre compte est désormais ${newEmail}. Si ce n’est pas vous, contactez-nous.`,
    ]),
  staffInvitation: (to: string, site: string, inviter: string, role: string, url: string) =>
    build(
      to,
      `Invitation à l’administration du site – ${site}`,
      site,
      [
        "Bonjour,",
        `${inviter} vous a ouvert un accès à l’administration du site, avec le rôle « ${role} ».`,
        "Pour l’activer, choisissez votre mot de passe. Ce lien est valable 7 jours et ne sert qu’une fois.",
      ],
      { label: "Choisir mon mot de passe", url },
      "Si vous ne vous attendiez pas à ce message, ignorez-le : sans mot de passe choisi, le compte reste inutilisable.",
    ),
  // An address that already has an account: its holder learns that the role waits on a new password.
  staffInvitationExistingAccount: (to: string, site: string, inviter: string, role: string, url: string) =>
    build(
      to,
      `Invitation à l’administration du site – ${site}`,
      site,
      [
        "Bonjour,",
        `${inviter} vous invite à l’administration du site, avec le rôle « ${role} ». Un compte existe déjà avec cette adresse.`,
        "Ce rôle ne sera donné qu’une fois un nouveau mot de passe choisi avec ce lien : l’ancien mot de passe ne fonctionnera plus, toutes les connexions ouvertes seront fermées et la double authentification sera demandée à la prochaine connexion. Ce lien est valable 7 jours et ne sert qu’une fois.",
        "Si vous n’avez jamais créé de compte sur ce site, quelqu’un l’a fait avec votre adresse : ce lien vous en rend le contrôle.",
      ],
      { label: "Choisir un nouveau mot de passe", url },
      "Si vous ne vous attendiez pas à cette invitation, ignorez-la : votre compte reste tel qu’il est, sans accès à l’administration.",
    ),
  staffRoleTaken: (to: string, site: string, role: string, resetUrl: string) =>
    build(to, `Votre accès à l’administration est ouvert – ${site}`, site, [
      "Bonjour,",
      `Votre compte a désormais le rôle « ${role} » dans l’administration du site. Son mot de passe vient d’être remplacé, toutes ses connexions ont été fermées, et la double authentification vous sera demandée à la prochaine connexion.`,
      `Si ce n’est pas vous, choisissez tout de suite un nouveau mot de passe : ${resetUrl}, et prévenez l’administrateur du site.`,
    ]),
  reviewRequested: (to: string, site: string, submitter: string, title: string, url: string) =>
    build(
      to,
      `À relire : ${title} – ${site}`,
      site,
      ["Bonjour,", `${submitter} a soumis « ${title} » pour relecture. Vous pouvez le relire, le corriger, puis le publier ou le programmer.`],
      { label: "Relire le contenu", url },
      "Vous recevez ce message parce que vous pouvez publier des contenus sur le site.",
    ),
};
