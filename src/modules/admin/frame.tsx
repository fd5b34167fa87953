// The back-office frame: its own top bar and side navigation (links shown only to roles
// that may use them), the public stylesheet plus the back-office one, and the back-office
// script. Every /admin page renders inside it, through serveAdminPage().
import type { ComponentChildren, VNode } from "preact";
import type { FastifyReply, FastifyRequest } from "fastify";
import { can } from "../../core/auth/roles.js";
import { STAFF_IDLE_MS } from "../../core/auth/sessions.js";
import { servePage } from "../../core/http/render.js";
import type { PageContext } from "../../ui/context.js";
import { Breadcrumb, type Crumb } from "../../ui/components/breadcrumb.js";
import { ViewerContext } from "../../ui/viewer.js";
import { staffActor, type StaffActor } from "./guard.js";

type MenuLink = NonNullable<PageContext["adminMenu"]>[number];

function currentLink(links: readonly MenuLink[], path: string): string | null {
  // the longest link that prefixes the path ("/admin" only for the dashboard itself)
  let best: string | null = null;
  for (const l of links) {
    const match = l.href === "/admin" ? path === "/admin" : path === l.href || path.startsWith(`${l.href}/`);
    if (match && (best === null || l.href.length > best.length)) best = l.href;
  }
  return best;
}

export interface AdminFrameProps {
  ctx: PageContext;
  actor: StaffActor;
  title: string;
  /** Crumbs after "Administration"; the title is added as the last one when omitted. */
  breadcrumb?: Crumb[];
  /** Replaces the <h1> (e.g. a heading with a status badge); the title still names the document. */
  heading?: ComponentChildren;
  children: ComponentChildren;
}

export function AdminFrame(props: AdminFrameProps) {
  const { ctx, actor } = props;
  const path = ctx.currentUrl.split("?")[0] ?? "";
  // The side navigation: every module's entries (core/module.ts adminMenu), for the roles granted them.
  const links = (ctx.adminMenu ?? []).filter((l) => can(actor, l.action));
  const current = currentLink(links, path);
  const crumbs: Crumb[] = [{ label: "Administration", href: "/admin" }, ...(props.breadcrumb ?? (path === "/admin" ? [] : [{ label: props.title }]))];
  return (
    <html lang="fr" dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${props.title} | Administration | ${ctx.site.name}`}</title>
        <link rel="stylesheet" href={ctx.assets.css} />
        <link rel="stylesheet" href={ctx.assets.themeCss} />
        <link rel="stylesheet" href={ctx.assets.adminCss} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <script src={ctx.assets.adminJs} defer />
      </head>
      <body class="admin-body">
        <ViewerContext.Provider value={ctx.viewer}>
          <div class="skip-links">
            <nav aria-label="Accès rapide">
              <ul>
                <li>
                  <a href="#contenu">Aller au contenu</a>
                </li>
                <li>
                  <a href="#menu-admin">Aller au menu</a>
                </li>
              </ul>
            </nav>
          </div>
          <header class="admin-bar" data-module="session-timeout" data-idle-seconds={String(STAFF_IDLE_MS / 1000)} data-csrf={ctx.viewer.csrfToken}>
            <div class="admin-bar__inner">
              <a class="admin-bar__brand" href="/admin">
                {ctx.site.name} · Administration
              </a>
              <div class="admin-bar__tools">
                <a href="/">Voir le site</a>
                <span>{actor.displayName || actor.email}</span>
                <form method="post" action="/compte/deconnexion">
                  <input type="hidden" name="_csrf" value={ctx.viewer.csrfToken} />
                  <button type="submit" class="link-button">
                    Se déconnecter
                  </button>
                </form>
              </div>
            </div>
          </header>
          <div class="admin">
            <nav id="menu-admin" class="admin-nav" aria-label="Menu de l’administration" data-module="menu" data-menu-breakpoint="59.99em">
              <button type="button" class="main-nav__toggle admin-nav__toggle" data-menu-toggle aria-expanded="false" aria-controls="menu-admin-liste" hidden>
                Menu
              </button>
              <ul id="menu-admin-liste" data-menu-list>
                {links.map((l) => (
                  <li>
                    <a href={l.href} aria-current={l.href === current ? (l.href === path ? "page" : "true") : undefined}>
                      {l.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <main id="contenu" class="admin-main" tabIndex={-1}>
              <Breadcrumb items={crumbs} />
              {props.heading ?? <h1>{props.title}</h1>}
              {props.children}
            </main>
          </div>
          <div class="sr-only" aria-live="polite" data-live-region></div>
        </ViewerContext.Provider>
      </body>
    </html>
  );
}

export interface AdminPageResult {
  render: (ctx: PageContext, actor: StaffActor) => VNode;
  status?: number;
}

/** Sends a back-office page: never cached, never shared, always with the signed-in actor. */
export function serveAdminPage(request: FastifyRequest, reply: FastifyReply, build: () => Promise<AdminPageResult> | AdminPageResult) {
  const actor = staffActor(request);
  return servePage(request, reply, async () => {
    const result = await build();
    const adminMenu = request.server.deps.modules.adminMenu;
    return { tags: [], private: true, status: result.status, render: (ctx) => result.render({ ...ctx, adminMenu }, actor) };
  });
}
