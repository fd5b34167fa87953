// A submission for review is announced by e-mail to the people who can publish, through
// the job queue; not to the submitter, not to other roles, and not once the item has moved on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDueJobs } from "../../../core/jobs/queue.js";
import { createSite } from "../../../../test/factories.js";
import { createTestWorld, type TestWorld } from "../../../../test/helpers.js";
import { startMailServer, type MailBox } from "../../../../test/mail.js";
import { createStaff } from "../../../../test/staff.js";
import { contentJobHandlers } from "../index.js";

let w: TestWorld;
let mail: MailBox;
beforeAll(async () => {
  mail = await startMailServer();
  w = await createTestWorld({ smtpUrl: mail.url, now: new Date("2027-04-02T08:00:00Z") });
  await createSite(w.db, { site_name: "Ville d’Essai" });
});
afterAll(async () => {
  await w?.close();
  await mail?.close();
});

describe("review notices", () => {
  it("tells editors and admins that a contributor's draft waits for them", async () => {
    const contributor = await createStaff(w, "contributor", { displayName: "Léa Contrib" });
    const editor = await createStaff(w, "editor");
    const admin = await createStaff(w, "admin");
    const policy = await createStaff(w, "policy");
    const created = await contributor.agent.send("/admin/contenus/nouveau?type=article", { title: "Collecte de jouets à Moulins" });
    const id = Number(/contenus\/(\d+)/.exec(String(created.headers.location))![1]);
    expect((await contributor.agent.send(`/admin/contenus/${id}/soumettre`)).statusCode).toBe(303);

    const handlers = contentJobHandlers(w.app.deps);
    expect(await runDueJobs(w.db, handlers, w.clock.now)).toEqual({ done: 1, failed: 0 });
    const received = await mail.waitFor(editor.email, /À relire/);
    expect(received.subject).toBe("À relire : Collecte de jouets à Moulins – Ville d’Essai");
    expect(received.text).toContain("Léa Contrib a soumis « Collecte de jouets à Moulins » pour relecture.");
    expect(received.text).toContain(`https://portail.test/admin/contenus/${id}`);
    await mail.waitFor(admin.email, /À relire/);
    expect(mail.to(contributor.email)).toHaveLength(0);
    expect(mail.to(policy.email)).toHaveLength(0);
  });

  it("says nothing about an item that left review before the job ran", async () => {
    const contributor = await createStaff(w, "contributor");
    const editor = await createStaff(w, "editor");
    const created = await contributor.agent.send("/admin/contenus/nouveau?type=article", { title: "Déjà publié" });
    const id = Number(/contenus\/(\d+)/.exec(String(created.headers.location))![1]);
    await contributor.agent.send(`/admin/contenus/${id}/soumettre`);
    await editor.agent.send(`/admin/contenus/${id}/publier`);
    expect(await runDueJobs(w.db, contentJobHandlers(w.app.deps), w.clock.now)).toEqual({ done: 1, failed: 0 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(mail.messages.filter((m) => m.subject?.includes("Déjà publié"))).toHaveLength(0);
  });
});
