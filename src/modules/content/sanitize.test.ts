import { describe, expect, it } from "vitest";
import { sanitizeBody } from "./sanitize.js";

describe("sanitizeBody", () => {
  it("keeps the allowed structure", () => {
    const html =
      '<h2>Titre</h2><p>Un <strong>mot</strong>, <em>deux</em>, <a href="/page">lien</a>.</p><ul><li>a</li></ul><blockquote><p>Citation</p></blockquote><figure><img src="https://exemple.fr/i.jpg" alt="x"><figcaption>Légende</figcaption></figure>';
    expect(sanitizeBody(html)).toBe(html.replace('alt="x">', 'alt="x" />'));
  });
  it.each([
    ["<script>alert(1)</script><p>ok</p>", "<p>ok</p>"],
    ['<p onclick="alert(1)">ok</p>', "<p>ok</p>"],
    ['<a href="javascript:alert(1)">x</a>', "<a>x</a>"],
    ['<a href="data:text/html,x">x</a>', "<a>x</a>"],
    ['<a href="//evil.example/">x</a>', "<a>x</a>"],
    ['<a href="http://insecure.example/">x</a>', "<a>x</a>"],
    ['<img src="x" onerror="alert(1)">', '<img src="x" alt="" />'],
    ['<iframe src="https://evil.example"></iframe><p>ok</p>', "<p>ok</p>"],
    ['<style>body{}</style><p style="color:red">ok</p>', "<p>ok</p>"],
    ["<svg><script>alert(1)</script></svg>", ""],
    ["<h1>Titre</h1>", "<h2>Titre</h2>"],
  ])("%s", (input, expected) => {
    expect(sanitizeBody(input)).toBe(expected);
  });
  it("keeps what the back office's editor produces", () => {
    const html = "<p><u>souligné</u> <s>barré</s> <code>x = 1</code><br /></p><hr /><pre><code>bloc</code></pre>";
    expect(sanitizeBody(html)).toBe(html);
    expect(sanitizeBody('<p><a target="_blank" rel="noopener noreferrer nofollow" href="/page">lien</a></p>')).toBe('<p><a href="/page">lien</a></p>');
  });
  it("keeps https and mailto links", () => {
    expect(sanitizeBody('<a href="https://exemple.fr">a</a><a href="mailto:a@b.fr">b</a>')).toBe(
      '<a href="https://exemple.fr">a</a><a href="mailto:a@b.fr">b</a>',
    );
  });
});
