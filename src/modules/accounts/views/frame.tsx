import type { ComponentChildren } from "preact";
import type { PageContext } from "../../../ui/context.js";
import { Layout } from "../../../ui/layout.js";

export const ACCOUNT_LINKS = [
  { href: "/compte", label: "Tableau de bord" },
  { href: "/compte/mon-fil", label: "Mon fil" },
  { href: "/compte/favoris", label: "Mes favoris" },
  { href: "/compte/notifications", label: "Mes notifications" },
  { href: "/compte/preferences", label: "Mes préférences" },
  { href: "/compte/lettre", label: "Ma lettre d’actualité" },
  { href: "/compte/mot-de-passe", label: "Mot de passe" },
  { href: "/compte/sessions", label: "Mes connexions" },
  { href: "/compte/donnees", label: "Mes données" },
];

/** Frame of every account page: breadcrumb, title, and the account menu once signed in. */
export function AccountFrame(props: { ctx: PageContext; title: string; description?: string; path: string; children: ComponentChildren; menu?: boolean }) {
  const { ctx } = props;
  const crumbs =
    props.path === "/compte"
      ? [{ label: "Accueil", href: "/" }, { label: "Mon compte" }]
      : ctx.viewer.signedIn
        ? [{ label: "Accueil", href: "/" }, { label: "Mon compte", href: "/compte" }, { label: props.title }]
        : [{ label: "Accueil", href: "/" }, { label: props.title }];
  return (
    <Layout
      ctx={ctx}
      breadcrumb={crumbs}
      meta={{ title: props.title, description: props.description ?? props.title, canonicalPath: props.path, noindex: true }}
    >
      <div class={props.menu ? "account account--with-menu" : "account"}>
        {props.menu ? (
          <nav class="account__menu" aria-label="Mon compte">
            <ul>
              {ACCOUNT_LINKS.map((l) => (
                <li>
                  <a href={l.href} aria-current={l.href === props.path ? "page" : undefined}>
                    {l.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <div class="account__main">
          <h1>{props.title}</h1>
          {props.children}
        </div>
      </div>
    </Layout>
  );
}
