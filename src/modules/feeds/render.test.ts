// The XML builders: whatever a title holds, the document stays well-formed and says the same text.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { el, escapeAttribute, escapeText, type Feed, renderAtom, renderRss, rfc822, rfc3339, xmlDocument } from "./render.js";

const VISIBLE = `a < b && c > d "q" 'a' </title><script>x</script> ]]> é 🎉\ttab`;
// the same text with characters XML 1.0 cannot carry: NUL, BEL, VT, U+FFFE, a lone surrogate
const HOSTILE = `${VISIBLE}\u0000\u0007\u000B\uFFFE\uD800`;

describe("escaping", () => {
  it("escapes markup and drops characters XML cannot carry", () => {
    expect(escapeText("<a> & b")).toBe("&lt;a&gt; &amp; b");
    expect(escapeText("x\u0000y\u0008z\uFFFF\uD83D")).toBe("xyz");
    expect(escapeText("🎉 é\n")).toBe("🎉 é\n");
    expect(escapeAttribute(`"a"\n\tb`)).toBe("&quot;a&quot;&#10;&#9;b");
  });

  it("refuses element and attribute names that are not names", () => {
    expect(() => el("a b", null)).toThrow();
    expect(() => el("a", { 'x="1" y': "2" })).toThrow();
  });

  it("round-trips hostile text through a real parser, in text and in attributes", () => {
    const doc = xmlDocument(el("root", { title: HOSTILE, skip: undefined }, el("t", null, HOSTILE)));
    expect(XMLValidator.validate(doc)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false, trimValues: false, htmlEntities: true }).parse(
      doc,
    );
    const expected = VISIBLE;
    expect(parsed.root.t).toBe(expected);
    expect(parsed.root["@_title"]).toBe(expected);
    expect(parsed.root["@_skip"]).toBeUndefined();
  });
});

describe("dates", () => {
  it("writes RFC 822 (GMT) for RSS and RFC 3339 (UTC, no fraction) for Atom", () => {
    const d = new Date("2026-03-05T08:09:10.123Z");
    expect(rfc822(d)).toBe("Thu, 05 Mar 2026 08:09:10 GMT");
    expect(rfc3339(d)).toBe("2026-03-05T08:09:10Z");
  });
});

describe("documents", () => {
  const feed: Feed = {
    id: "tag:example.org,2026:x",
    title: HOSTILE,
    description: HOSTILE,
    pageUrl: "https://example.org/a?b=1&c=2",
    rssUrl: "https://example.org/a/flux.xml",
    atomUrl: "https://example.org/a/flux.atom",
    author: "Ville & Co",
    updated: new Date("2026-03-05T08:09:10Z"),
    entries: [
      {
        id: "tag:example.org,2026:contenu:1",
        title: HOSTILE,
        url: "https://example.org/x?a=1&b=2",
        published: new Date("2026-03-05T08:09:10Z"),
        updated: new Date("2026-03-05T08:09:10Z"),
        summary: HOSTILE,
        categories: [HOSTILE],
        image: { url: "https://example.org/m.jpg?a&b", type: "image/jpeg", length: null },
      },
    ],
  };

  it("are well-formed whatever the text", () => {
    expect(XMLValidator.validate(renderRss(feed))).toBe(true);
    expect(XMLValidator.validate(renderAtom(feed))).toBe(true);
  });

  it("give an enclosure of unknown size the length 0 in RSS and no length in Atom", () => {
    expect(renderRss(feed)).toContain('<enclosure url="https://example.org/m.jpg?a&amp;b" length="0" type="image/jpeg"/>');
    expect(renderAtom(feed)).toContain('<link rel="enclosure" type="image/jpeg" href="https://example.org/m.jpg?a&amp;b"/>');
  });
});
