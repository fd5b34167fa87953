// Every e-mail a module declares in its manifest renders in French, in HTML and plain text,
// with whatever it is given escaped: a display name or a title typed by someone else can
// never add markup or a link to a message sent by the portal.
import { describe, expect, it } from "vitest";
import { MODULES } from "../../modules.js";
import type { MailMessage } from "./mailer.js";

const HOSTILE = `<script>alert(1)</script><a href="https://evil.test">"x"</a>`;

const templates = MODULES.flatMap((m) => Object.entries(m.mails ?? {}).map(([name, render]) => ({ module: m.name, name, render })));

describe("mail catalogue", () => {
  it("has the e-mails of accounts, staff invitations and reviews", () => {
    expect(templates.map((t) => t.name)).toEqual(expect.arrayContaining(["verifyEmail", "resetPassword", "staffInvitation", "reviewRequested"]));
  });

  it.each(templates)("$module.$name renders French HTML and text, escaping every value", ({ render }) => {
    // Every template takes strings: the recipient first, then site name, names, titles, URLs.
    const args = Array.from({ length: render.length }, (_, i) => (i === 0 ? "alice@example.test" : i === 1 ? "Portail" : HOSTILE));
    const mail = (render as (...a: string[]) => MailMessage)(...args);
    expect(mail.to).toBe("alice@example.test");
    expect(mail.subject.length).toBeGreaterThan(5);
    expect(mail.html).toContain('<html lang="fr">');
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).not.toContain('href="https://evil.test"');
    expect(mail.text.trim().length).toBeGreaterThan(20);
    expect(mail.text).toContain("Portail");
  });
});
