// The one layout of every French e-mail, in HTML and plain text. Links point straight at the
// portal: no tracking pixel, no redirect through a click counter. Each module writes its own
// e-mails with it (modules/<x>/mails.ts) and lists them in its manifest.
import type { MailMessage } from "./mailer.js";

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function buildMail(
  to: string,
  subject: string,
  site: string,
  paragraphs: string[],
  action?: { label: string; url: string },
  footer?: string,
): MailMessage {
  const textParts = [...paragraphs];
  if (action) textParts.push(`${action.label} : ${action.url}`);
  if (footer) textParts.push(footer);
  textParts.push(`— ${site}`);
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1e1e1e;max-width:36rem;margin:0 auto;padding:1rem">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${action ? `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#1d4f91;color:#fff;padding:.75rem 1.25rem;border-radius:4px;text-decoration:none">${escapeHtml(action.label)}</a></p><p style="font-size:14px">Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :<br>${escapeHtml(action.url)}</p>` : ""}
${footer ? `<p style="font-size:14px;color:#555">${escapeHtml(footer)}</p>` : ""}
<p style="font-size:14px;color:#555">— ${escapeHtml(site)}</p>
</body></html>`;
  return { to, subject, text: `${textParts.join("\n\n")}\n`, html };
}

/** The closing line of every e-mail sent after a request someone may not have made. */
export const NOT_YOU = "Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne sera modifié.";
