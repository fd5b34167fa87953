// Allowlist sanitiser for rich text bodies. Applied when content is saved (seed, back
// office) and again when it is rendered, so a row written by any other path is safe too.
import sanitizeHtml from "sanitize-html";

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "a",
    "strong",
    "em",
    "b",
    "i",
    "blockquote",
    "figure",
    "figcaption",
    "img",
    // what the back office's editor (Tiptap StarterKit) also produces
    "u",
    "s",
    "hr",
    "code",
    "pre",
  ],
  allowedAttributes: {
    a: ["href", "title", "hreflang"],
    img: ["src", "alt", "width", "height"],
    ol: ["start"],
    blockquote: ["cite"],
  },
  allowedSchemes: ["https", "mailto"],
  allowedSchemesByTag: { img: ["https"] },
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Text inside removed <script>/<style> must not leak into the page as text either.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed"],
  enforceHtmlBoundary: false,
  transformTags: {
    // Headings below h2: the page title is the only h1.
    h1: "h2",
    b: "strong",
    i: "em",
    // Images must carry an alt attribute, even empty (decorative).
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, alt: attribs.alt ?? "" } }),
  },
};

export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}
