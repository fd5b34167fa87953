// Map links come from data (quartier pages, QPV pages). Preact escapes attribute values but lets
// a "javascript:" URL through, so only relative URLs and web schemes are accepted.
const SAFE_HREF = /^(?:[/#?.]|https?:\/\/|mailto:)/i;

/** The href unchanged, or a TypeError for anything but a relative or http(s)/mailto URL. */
export function checkHref(href: string): string {
  if (!SAFE_HREF.test(href)) {
    throw new TypeError(`Lien de carte refusé : « ${href} ». Attendu un chemin relatif ou une URL http(s).`);
  }
  return href;
}
