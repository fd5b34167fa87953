// The back office's e-mails: staff invitations and the notice of a role taken.
import { buildMail } from "../../core/mail/templates.js";

export const mails = {
  staffInvitation: (to: string, site: string, inviter: string, role: string, url: string) =>
    buildMail(
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
    buildMail(
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
    buildMail(to, `Votre accès à l’administration est ouvert – ${site}`, site, [
      "Bonjour,",
      `Votre compte a désormais le rôle « ${role} » dans l’administration du site. Son mot de passe vient d’être remplacé, toutes ses connexions ont été fermées, et la double authentification vous sera demandée à la prochaine connexion.`,
      `Si ce n’est pas vous, choisissez tout de suite un nouveau mot de passe : ${resetUrl}, et prévenez l’administrateur du site.`,
    ]),
};
