// The digest e-mail, in HTML and plain text (French). Every link is absolute and points
// straight at the portal (no click counter, no shortener); no remote image but the items'
// own pictures, each with its alt text (an empty alt for none: decorative); no tracking pixel.
// Every value is escaped.
import type { MailMessage } from "../../core/mail/mailer.js";

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

export interface DigestEntry {
  title: string;
  url: string;
  teaser: string;
  /** "Nouveau" items: their date; "mis à jour": what changed. */
  meta: string;
  image: { src: string; alt: string } | null;
}

/** One of the resident's participation notices (a reply, the city's answer, a followed action). */
export interface DigestNoticeEntry {
  /** "Réponse", "Action suivie", "Réponse de la ville"... */
  label: string;
  message: string;
  /** Absolute link to what the notice is about, or "" (the text alone). */
  url: string;
  /** "Le 3 décembre 2026 à 14 h 05". */
  meta: string;
}

export interface DigestContent {
  to: string;
  toName: string;
  site: string;
  /** "quotidienne" or "hebdomadaire". */
  frequencyLabel: string;
  /** "depuis le 3 décembre". */
  periodLabel: string;
  fresh: DigestEntry[];
  updated: DigestEntry[];
  /** Items found beyond those shown. */
  more: number;
  /** The resident's unread notices of the period, newest first (at most MAX_NOTICES). */
  notices: DigestNoticeEntry[];
  /** Unread notices of the period beyond those shown. */
  noticesMore: number;
  /** The inbox (/compte/notifications), absolute. */
  noticesUrl: string;
  feedUrl: string;
  settingsUrl: string;
  unsubscribeUrl: string;
}

function entryHtml(e: DigestEntry, badge: string | null): string {
  const img = e.image
    ? `<img src="${escapeHtml(e.image.src)}" alt="${escapeHtml(e.image.alt)}" width="160" style="display:block;max-width:100%;height:auto;border-radius:4px;margin:0 0 .5rem">`
    : "";
  return `<li style="margin:0 0 1.25rem;padding:0;list-style:none">
${img}<h3 style="font-size:18px;margin:0 0 .25rem">${badge ? `<span style="font-size:14px;font-weight:normal;background:#e8eef7;color:#1d4f91;padding:0 .25rem;border-radius:3px;margin-right:.25rem">${escapeHtml(badge)}</span> ` : ""}<a href="${escapeHtml(e.url)}" style="color:#1d4f91">${escapeHtml(e.title)}</a></h3>
${e.meta ? `<p style="font-size:14px;color:#555;margin:0 0 .25rem">${escapeHtml(e.meta)}</p>` : ""}${e.teaser ? `<p style="margin:0">${escapeHtml(e.teaser)}</p>` : ""}
</li>`;
}

function entryText(e: DigestEntry, badge: string | null): string {
  return [`- ${badge ? `[${badge}] ` : ""}${e.title}`, e.meta ? `  ${e.meta}` : "", e.teaser ? `  ${e.teaser}` : "", `  ${e.url}`].filter(Boolean).join("\n");
}

function noticeHtml(n: DigestNoticeEntry): string {
  const text = n.url ? `<a href="${escapeHtml(n.url)}" style="color:#1d4f91">${escapeHtml(n.message)}</a>` : escapeHtml(n.message);
  return `<li style="margin:0 0 1rem;padding:0;list-style:none">
<p style="font-size:14px;color:#555;margin:0 0 .25rem"><strong style="color:#1e1e1e">${escapeHtml(n.label)}</strong>${n.meta ? ` · ${escapeHtml(n.meta)}` : ""}</p>
<p style="margin:0">${text}</p>
</li>`;
}

function noticeText(n: DigestNoticeEntry): string {
  return [`- [${n.label}] ${n.message}`, n.meta ? `  ${n.meta}` : "", n.url ? `  ${n.url}` : ""].filter(Boolean).join("\n");
}

const NOTICES_LINK = "Voir toutes vos notifications";

export function digestMail(c: DigestContent): MailMessage {
  const count = c.fresh.length + c.updated.length + c.more + c.notices.length + c.noticesMore;
  const subject = `Votre lettre ${c.frequencyLabel} : ${count === 1 ? "1 nouveauté" : `${count} nouveautés`} – ${c.site}`;
  const hello = c.toName ? `Bonjour ${c.toName},` : "Bonjour,";
  const onlyNotices = c.fresh.length + c.updated.length + c.more === 0;
  const intro = onlyNotices
    ? `Voici vos notifications ${c.periodLabel} sur ${c.site}.`
    : `Voici ce qui a changé ${c.periodLabel} dans vos thèmes, vos quartiers et vos favoris.`;
  const noticesMoreText = c.noticesMore > 0 ? ` (${c.noticesMore === 1 ? "1 autre" : `${c.noticesMore} autres`})` : "";
  const moreText = c.more > 0 ? `Et ${c.more === 1 ? "1 autre contenu" : `${c.more} autres contenus`} dans votre fil : ${c.feedUrl}` : "";
  const footer = `Vous recevez cette lettre ${c.frequencyLabel} parce que vous l’avez demandée sur ${c.site}.`;
  const text = [
    hello,
    intro,
    c.fresh.length ? `NOUVEAUTÉS\n\n${c.fresh.map((e) => entryText(e, null)).join("\n\n")}` : "",
    c.updated.length ? `MIS À JOUR\n\n${c.updated.map((e) => entryText(e, "Mis à jour")).join("\n\n")}` : "",
    moreText,
    c.notices.length ? `VOS NOTIFICATIONS\n\n${c.notices.map(noticeText).join("\n\n")}\n\n${NOTICES_LINK}${noticesMoreText} : ${c.noticesUrl}` : "",
    `${footer}\nChoisir la fréquence et le contenu : ${c.settingsUrl}\nSe désabonner : ${c.unsubscribeUrl}`,
    `— ${c.site}`,
  ]
    .filter(Boolean)
    .join("\n\n");
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1e1e1e;background:#fff;max-width:40rem;margin:0 auto;padding:1rem">
<main>
<h1 style="font-size:24px;margin:0 0 1rem">Votre lettre d’actualité – ${escapeHtml(c.site)}</h1>
<p>${escapeHtml(hello)}</p>
<p>${escapeHtml(intro)}</p>
${c.fresh.length ? `<h2 style="font-size:20px">Nouveautés</h2>\n<ul style="margin:0;padding:0">${c.fresh.map((e) => entryHtml(e, null)).join("\n")}</ul>` : ""}
${c.updated.length ? `<h2 style="font-size:20px">Mis à jour</h2>\n<ul style="margin:0;padding:0">${c.updated.map((e) => entryHtml(e, "Mis à jour")).join("\n")}</ul>` : ""}
${c.more > 0 ? `<p><a href="${escapeHtml(c.feedUrl)}" style="color:#1d4f91">Et ${c.more === 1 ? "1 autre contenu" : `${c.more} autres contenus`} dans votre fil</a></p>` : ""}
${c.notices.length ? `<h2 style="font-size:20px">Vos notifications</h2>\n<ul style="margin:0;padding:0">${c.notices.map(noticeHtml).join("\n")}</ul>\n<p><a href="${escapeHtml(c.noticesUrl)}" style="color:#1d4f91">${NOTICES_LINK}</a>${escapeHtml(noticesMoreText)}</p>` : ""}
</main>
<footer style="font-size:14px;color:#555;border-top:1px solid #ccc;margin-top:1.5rem;padding-top:1rem">
<p>${escapeHtml(footer)}</p>
<p><a href="${escapeHtml(c.settingsUrl)}" style="color:#1d4f91">Choisir la fréquence et le contenu de la lettre</a> · <a href="${escapeHtml(c.unsubscribeUrl)}" style="color:#1d4f91">Se désabonner</a></p>
<p>— ${escapeHtml(c.site)}</p>
</footer>
</body></html>`;
  return { to: c.to, toName: c.toName || undefined, subject, text: `${text}\n`, html };
}

/** The catalogue's sample (core/mail/catalogue.test.ts): one new item, every value escaped. */
export const mails = {
  digest: (to: string, site: string, title: string, url: string) =>
    digestMail({
      to,
      toName: "",
      site,
      frequencyLabel: "hebdomadaire",
      periodLabel: "depuis lundi",
      fresh: [{ title, url, teaser: title, meta: "Publié lundi", image: { src: url, alt: title } }],
      updated: [],
      more: 0,
      notices: [{ label: "Réponse", message: title, url, meta: "Le lundi" }],
      noticesMore: 0,
      noticesUrl: url,
      feedUrl: url,
      settingsUrl: url,
      unsubscribeUrl: url,
    }),
};
