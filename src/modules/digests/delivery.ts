// Sending one digest (decision 0016): the `digests.send` job of a delivery row (the outbox).
//
//   pending --claim--> sending --SMTP 250--> sent
//                         |--4xx, or failed before the body left--> pending (job retried, backoff)
//                         |--5xx, invalid address, refused header--> failed (address marked, no retry)
//                         |--body sent, no answer (lost connection, timeout)--> uncertain
//   a job that finds its delivery still "sending" (the process died during the SMTP exchange)
//   --> uncertain, never sent again.
//
// The claim (pending -> sending) is a conditional update committed before the SMTP exchange:
// two workers, or a job offered again after its lease, cannot both pass it. Hence at most
// once per (resident, period); the one residual window is that SMTP exchange itself, when the
// outcome is unknown and the delivery is left "uncertain" (shown in the back office).
import type { AppDeps } from "../../core/deps.js";
import type { Job, JobHandler } from "../../core/jobs/queue.js";
import { MailDeliveryError } from "../../core/mail/mailer.js";
import { formatDate, formatDateTime } from "../../lib/format.js";
import { findItemsByIds, loadCards } from "../content/index.js";
import { INBOX_PATH, noticesForDigest } from "../participation/index.js";
import { statusLabel } from "../policy/index.js";
import { type DigestEntry, type DigestNoticeEntry, digestMail } from "./mails.js";
import * as q from "./queries.js";
import { SEND_MAX_DELAY_MS } from "./service.js";
import { unsubscribeToken } from "./token.js";

type Deps = Pick<AppDeps, "db" | "config" | "site" | "mailTransport">;
type Delivery = NonNullable<Awaited<ReturnType<typeof q.findDelivery>>>;

/** A display name with a control character is never put in a header: the address goes alone. */
export function safeDisplayName(name: string): string {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 32 || c === 127) return "";
  }
  return name.trim().slice(0, 80);
}

export const unsubscribePath = (token: string) => `/lettre/desabonnement/${token}`;

const absolute = (base: string, url: string) => (/^https?:\/\//.test(url) ? url : `${base}${url.startsWith("/") ? "" : "/"}${url}`);

/** The e-mail of a delivery, from its recorded item ids (items deleted since are left out). */
export async function renderDelivery(deps: Deps, d: Delivery) {
  const base = deps.config.publicUrl;
  const ids = [...d.items.n, ...d.items.u];
  const [rows, actions, noticeRows, site, token] = await Promise.all([
    findItemsByIds(deps.db, ids),
    q.actionsByIds(deps.db, d.items.a),
    noticesForDigest(deps.db, d.user_id, d.items.p ?? []),
    deps.site.load(),
    unsubscribeToken(deps.db, d.user_id),
  ]);
  const published = rows.filter((r) => r.status === "published");
  const cards = new Map((await loadCards(deps.db, published)).map((c) => [c.id, c]));
  const entry = (id: number, meta: (date: Date | null) => string): DigestEntry[] => {
    const c = cards.get(id);
    if (!c) return [];
    return [
      {
        title: c.title,
        url: absolute(base, c.url),
        teaser: c.teaser,
        meta: meta(c.date),
        image: c.image ? { src: absolute(base, c.image.fallbackSrc), alt: c.image.alt } : null,
      },
    ];
  };
  const fresh = d.items.n.flatMap((id) => entry(id, (date) => (date ? `Publié le ${formatDate(date)}` : "")));
  const updated = [
    ...d.items.u.flatMap((id) => entry(id, () => "Un contenu de vos favoris a été modifié.")),
    ...actions.map((a) => ({
      title: a.title,
      url: `${base}/politique-de-la-ville/actions/${a.slug}`,
      teaser: "",
      meta: `Action suivie : ${statusLabel(a.status)}, avancement ${a.progress} %`,
      image: null,
    })),
  ];
  // The resident's notices of the period, newest first (escaped by the template).
  const notices: DigestNoticeEntry[] = noticeRows.map((n) => ({
    label: n.label,
    message: n.message,
    url: n.href ? absolute(base, n.href) : "",
    meta: `Le ${formatDateTime(n.createdAt)}`,
  }));
  const noticeTotal = d.items.np ?? 0;
  const unsubscribeUrl = `${base}${unsubscribePath(token)}`;
  const weekly = d.period_key.startsWith("S");
  const shown = d.items.n.length + d.items.u.length + d.items.a.length + noticeTotal;
  const name = safeDisplayName(d.display_name);
  const message = digestMail({
    to: d.email,
    toName: name,
    site: site.view.name,
    frequencyLabel: weekly ? "hebdomadaire" : "quotidienne",
    periodLabel: `depuis le ${formatDate(d.since)}`,
    fresh,
    updated,
    more: Math.max(0, d.total - shown),
    notices,
    noticesMore: Math.max(0, noticeTotal - (d.items.p?.length ?? 0)),
    noticesUrl: `${base}${INBOX_PATH}`,
    feedUrl: `${base}/compte/mon-fil`,
    settingsUrl: `${base}/compte/lettre`,
    unsubscribeUrl,
  });
  const host = new URL(base).hostname;
  return {
    ...message,
    // RFC 2369 and RFC 8058: the mail client offers "unsubscribe" and may POST to the link.
    headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    // The same Message-ID for every try of this delivery.
    messageId: `<digest-${d.id}-${d.period_key}@${host}>`,
    fresh: fresh.length + updated.length + notices.length,
  };
}

function reasonOf(error: unknown): string {
  return String((error as Error)?.message ?? error).slice(0, 500);
}

/** Sends one delivery; see the state diagram above. */
export async function sendDelivery(deps: Deps, job: Job, now: Date): Promise<void> {
  const id = (job.payload as { delivery?: unknown } | null)?.delivery;
  if (typeof id !== "number") return;
  const d = await q.findDelivery(deps.db, id);
  if (!d) return;
  if (d.status === "sending") {
    // An earlier try claimed it and never recorded the outcome: the message may have left.
    await q.settleDelivery(deps.db, id, ["sending"], "uncertain", { at: now, error: "Envoi interrompu : le message est peut-être parti." });
    return;
  }
  if (d.status !== "pending") return;
  const sub = await q.findSubscription(deps.db, d.user_id);
  if (!d.digest_consent || sub?.frequency === "off" || sub?.bounced_at) {
    await q.settleDelivery(deps.db, id, ["pending"], "failed", { at: now, error: "Désabonné avant l’envoi : rien n’a été envoyé." });
    return;
  }
  // Rendered before the claim: a failure here leaves it pending and the job is tried again.
  const { fresh, ...message } = await renderDelivery(deps, d);
  if (fresh === 0) {
    await q.settleDelivery(deps.db, id, ["pending"], "failed", { at: now, error: "Plus rien à montrer (contenus retirés) : rien n’a été envoyé." });
    return;
  }
  if (!(await q.claimDelivery(deps.db, id, now))) return;
  try {
    await deps.mailTransport.deliver(message);
  } catch (error) {
    const failure = error instanceof MailDeliveryError ? error.failure : "temporary";
    const reason = reasonOf(error);
    if (failure === "permanent") {
      await q.settleDelivery(deps.db, id, ["sending"], "failed", { at: now, error: reason });
      await q.markBounced(deps.db, d.user_id, reason, now);
      return;
    }
    if (failure === "uncertain") {
      await q.settleDelivery(deps.db, id, ["sending"], "uncertain", { at: now, error: reason });
      return;
    }
    if (job.attempts >= job.maxAttempts) {
      await q.settleDelivery(deps.db, id, ["sending"], "failed", { at: now, error: `Abandonné après ${job.attempts} essais : ${reason}` });
      return;
    }
    await q.settleDelivery(deps.db, id, ["sending"], "pending", { at: now, error: reason });
    throw error;
  }
  await q.settleDelivery(deps.db, id, ["sending", "uncertain"], "sent", { at: now });
}

export function sendJobHandler(deps: Deps): JobHandler {
  const handler: JobHandler = (job, ctx) => sendDelivery(deps, job, ctx.now);
  handler.maxRetryDelayMs = SEND_MAX_DELAY_MS;
  return handler;
}
