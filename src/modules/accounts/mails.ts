// The accounts module's e-mails: address checks, password resets and changes.
import { buildMail, NOT_YOU } from "../../core/mail/templates.js";

export const mails = {
  verifyEmail: (to: string, site: string, url: string) =>
    buildMail(
      to,
      `Confirmez votre adresse e-mail – ${site}`,
      site,
      ["Bonjour,", "Pour terminer la création de votre compte, confirmez votre adresse e-mail. Ce lien est valable 24 heures et ne sert qu’une fois."],
      { label: "Confirmer mon adresse", url },
      NOT_YOU,
    ),
  verifyNewEmail: (to: string, site: string, url: string) =>
    buildMail(
      to,
      `Confirmez votre nouvelle adresse e-mail – ${site}`,
      site,
      [
        "Bonjour,",
        "Vous avez demandé à utiliser cette adresse pour votre compte. Confirmez-la pour qu’elle remplace l’ancienne. Ce lien est valable 24 heures.",
      ],
      { label: "Confirmer cette adresse", url },
      NOT_YOU,
    ),
  alreadyRegistered: (to: string, site: string, signInUrl: string, resetUrl: string) =>
    buildMail(
      to,
      `Vous avez déjà un compte – ${site}`,
      site,
      [
        "Bonjour,",
        "Quelqu’un (sans doute vous) a voulu créer un compte avec cette adresse, mais vous en avez déjà un. Aucun nouveau compte n’a été créé.",
        `Si vous avez oublié votre mot de passe, choisissez-en un nouveau : ${resetUrl}`,
      ],
      { label: "Me connecter", url: signInUrl },
      NOT_YOU,
    ),
  resetPassword: (to: string, site: string, url: string) =>
    buildMail(
      to,
      `Choisissez un nouveau mot de passe – ${site}`,
      site,
      ["Bonjour,", "Vous avez demandé à changer de mot de passe. Ce lien est valable une heure et ne sert qu’une fois."],
      { label: "Choisir un nouveau mot de passe", url },
      NOT_YOU,
    ),
  passwordChanged: (to: string, site: string, resetUrl: string) =>
    buildMail(to, `Votre mot de passe a été modifié – ${site}`, site, [
      "Bonjour,",
      "Le mot de passe de votre compte vient d’être modifié, et vos autres connexions ont été fermées.",
      `Si ce n’est pas vous, choisissez tout de suite un nouveau mot de passe : ${resetUrl}`,
    ]),
  emailChanged: (to: string, site: string, newEmail: string) =>
    buildMail(to, `Votre adresse e-mail a été modifiée – ${site}`, site, [
      "Bonjour,",
      `L’adresse e-mail de votre compte est désormais ${newEmail}. Si ce n’est pas vous, contactez-nous.`,
    ]),
};
