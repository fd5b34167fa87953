// Checks the address typed in the editor's link dialog. Only secure web links, e-mail
// links and paths of the site are accepted; the messages say how to fix the address.
// (Links already in a body are not re-checked here: the server's sanitiser decides.)

export type LinkCheck = { ok: true; href: string } | { ok: false; message: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const EMAIL = /^[^\s/@:]+@[^\s/@]+\.[^\s/@]+$/;
const DOMAIN = /^(www\.[^\s/]+|[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,})(:\d+)?([/?#]|$)/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the regex exists to refuse control characters in a typed address
const CONTROL = /[\u0000-\u001f\u007f]/;

export function checkLinkUrl(raw: string): LinkCheck {
  const value = raw.trim();
  if (value === "") return { ok: false, message: "Saisissez l’adresse du lien." };
  if (/\s/.test(value) || CONTROL.test(value)) {
    return { ok: false, message: "L’adresse ne doit pas contenir d’espaces : vérifiez-la ou copiez-la depuis la barre d’adresse." };
  }
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  if (scheme === "https") {
    try {
      const url = new URL(value);
      if (url.hostname !== "" && /^https:\/\//i.test(value)) return { ok: true, href: value };
    } catch {
      // falls through to the message below
    }
    return { ok: false, message: "Cette adresse n’est pas valide : elle doit ressembler à https://www.exemple.fr/page." };
  }
  if (scheme === "mailto") {
    const address = value.slice("mailto:".length).split("?")[0] ?? "";
    if (EMAIL.test(decodeSafe(address))) return { ok: true, href: value };
    return { ok: false, message: "Cette adresse e-mail n’est pas valide : elle doit ressembler à mailto:nom@exemple.fr." };
  }
  if (scheme === "http") {
    return { ok: false, message: "Les liens doivent être sécurisés : utilisez une adresse qui commence par https://." };
  }
  if (scheme !== undefined || value.startsWith("//")) {
    return {
      ok: false,
      message: "Seules les adresses en https:, les adresses e-mail en mailto: et les pages du site (commençant par /) sont acceptées.",
    };
  }
  if (EMAIL.test(value)) {
    return { ok: false, message: `Pour une adresse e-mail, écrivez mailto: devant (mailto:${value}).` };
  }
  if (DOMAIN.test(value)) {
    return { ok: false, message: `Pour un autre site, écrivez l’adresse complète avec https:// devant (https://${value}).` };
  }
  // A path of this site: /actualites, #section, ?page=2, ./page, page.
  return { ok: true, href: value };
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
