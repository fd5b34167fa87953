// "Mes notifications": replies, moderation decisions, new comments on followed actions.
import type { PageContext } from "../../../ui/context.js";
import { CsrfField } from "../../../ui/components/form.js";
import { Pagination } from "../../../ui/components/pagination.js";
import { formatDateTime } from "../../../lib/format.js";
import { AccountFrame } from "../../accounts/index.js";
import { noticeKindLabel } from "./labels.js";
import type { inbox } from "./service.js";
import { INBOX_PATH } from "./service.js";

type Inbox = Awaited<ReturnType<typeof inbox>>;

export function InboxPage({ ctx, data }: { ctx: PageContext; data: Inbox }) {
  return (
    <AccountFrame ctx={ctx} title="Mes notifications" path={INBOX_PATH} menu>
      {data.total === 0 ? (
        <p class="empty">Aucune notification pour le moment. Vous serez prévenu ici des réponses à vos commentaires et des décisions de la modération.</p>
      ) : (
        <>
          <p class="result-count">
            {data.unread === 0 ? "Tout est lu." : data.unread === 1 ? "1 notification non lue." : `${data.unread} notifications non lues.`}
          </p>
          {data.unread > 0 ? (
            <form method="post" action={`${INBOX_PATH}/lues`}>
              <CsrfField token={ctx.viewer.csrfToken ?? ""} />
              <button type="submit" class="button button--secondary">
                Tout marquer comme lu
              </button>
            </form>
          ) : null}
          <ul class="notification-list">
            {data.items.map((n) => (
              <li class={n.read_at ? "notification" : "notification notification--unread"}>
                <p class="notification__meta">
                  <strong>{noticeKindLabel(n.kind)}</strong>
                  {n.read_at ? null : <span class="tag"> Non lue</span>} · <time dateTime={n.created_at.toISOString()}>{formatDateTime(n.created_at)}</time>
                </p>
                <p>{n.href ? <a href={n.href}>{n.message}</a> : n.message}</p>
              </li>
            ))}
          </ul>
          <Pagination page={data.page} pageCount={data.pages} href={(p) => (p > 1 ? `${INBOX_PATH}?page=${p}` : INBOX_PATH)} />
        </>
      )}
    </AccountFrame>
  );
}
