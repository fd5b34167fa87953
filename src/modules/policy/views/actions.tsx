import type { PageContext } from "../../../ui/context.js";
import type { Crumb } from "../../../ui/components/breadcrumb.js";
import { Pagination } from "../../../ui/components/pagination.js";
import { Layout } from "../../../ui/layout.js";
import { breadcrumbJsonLd, webPageJsonLd } from "../../../ui/seo.js";
import { actionCount, COUNTING_RULE_NOTE, FUNDER_LABELS, STATUS_LABELS } from "../present.js";
import type { getActions } from "../service.js";
import { ActionProgress, ExampleBadge, StatusTag } from "./parts.js";

type Data = Awaited<ReturnType<typeof getActions>>;

function Select(props: { name: string; label: string; value?: string; options: Array<{ value: string; label: string; group?: string }> }) {
  const groups = [...new Set(props.options.map((o) => o.group ?? ""))];
  const option = (o: { value: string; label: string }) => (
    <option value={o.value} selected={o.value === props.value}>
      {o.label}
    </option>
  );
  return (
    <div class="field">
      <label for={`filtre-${props.name}`} class="field__label">
        {props.label}
      </label>
      <select id={`filtre-${props.name}`} name={props.name} class="field__input">
        <option value="">Tous</option>
        {groups.length > 1
          ? groups.map((g) => <optgroup label={g}>{props.options.filter((o) => (o.group ?? "") === g).map(option)}</optgroup>)
          : props.options.map(option)}
      </select>
    </div>
  );
}

export function ActionsPage({ ctx, data, query }: { ctx: PageContext; data: Data; query: Record<string, string | undefined> }) {
  const crumbs: Crumb[] = [{ label: "Accueil", href: "/" }, { label: "Politique de la Ville", href: "/politique-de-la-ville" }, { label: "Actions" }];
  const f = data.filter;
  const o = data.options;
  const years: string[] = [];
  if (o.years?.min && o.years.max) for (let y = o.years.max; y >= o.years.min; y--) years.push(String(y));
  const params = new URLSearchParams(Object.entries(query).filter(([k, v]) => v && k !== "page") as Array<[string, string]>);
  const href = (n: number) => {
    const p = new URLSearchParams(params);
    if (n > 1) p.set("page", String(n));
    const s = p.toString();
    return s ? `/politique-de-la-ville/actions?${s}` : "/politique-de-la-ville/actions";
  };
  const description = "Les actions du contrat de ville : où, par qui, avec quels financements et quel avancement.";
  return (
    <Layout
      ctx={ctx}
      breadcrumb={crumbs}
      meta={{
        title: "Les actions",
        description,
        canonicalPath: "/politique-de-la-ville/actions",
        jsonLd: [
          webPageJsonLd(ctx, { title: "Les actions", description, path: "/politique-de-la-ville/actions" }),
          breadcrumbJsonLd(ctx, crumbs, "/politique-de-la-ville/actions"),
        ],
      }}
    >
      <h1>Les actions de la Politique de la Ville</h1>
      <form method="get" action="/politique-de-la-ville/actions" class="filters" aria-label="Filtrer les actions">
        <Select
          name="priorite"
          label="Priorité"
          value={f.prioritySlug}
          options={o.priorities.map((p) => ({ value: p.slug, label: p.title, group: p.contract_name }))}
        />
        <Select
          name="quartier"
          label="Quartier"
          value={f.neighbourhoodSlug}
          options={o.places.map((p) => ({
            value: p.slug,
            label: p.name,
            group: p.kind === "qpv" ? "Quartiers prioritaires" : "Quartiers et communes associées",
          }))}
        />
        <Select name="statut" label="État" value={f.status} options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
        <Select
          name="organisation"
          label="Porteur ou partenaire"
          value={f.organisationSlug}
          options={o.organisations.map((x) => ({ value: x.slug, label: x.name }))}
        />
        <Select name="financeur" label="Financeur" value={f.funder} options={Object.entries(FUNDER_LABELS).map(([value, label]) => ({ value, label }))} />
        <Select name="annee" label="Année" value={f.year ? String(f.year) : undefined} options={years.map((y) => ({ value: y, label: y }))} />
        <div class="filters__actions">
          <button type="submit" class="button">
            Filtrer
          </button>
          <a href="/politique-de-la-ville/actions">Effacer les filtres</a>
        </div>
      </form>
      <p class="result-count" role="status">
        {data.total === 0 ? "Aucune action ne correspond à ces critères." : actionCount(data.total, data.cancelled)}
        {data.pageCount > 1 ? `, page ${data.page} sur ${data.pageCount}` : ""}
      </p>
      {data.cancelled > 0 ? <p class="hint">{COUNTING_RULE_NOTE}</p> : null}
      <ul class="action-list">
        {data.rows.map((a) => (
          <li class="action-item">
            <h2 class="action-item__title">
              <a href={`/politique-de-la-ville/actions/${a.slug}`}>{a.title}</a>
            </h2>
            <p class="action-item__meta">
              <StatusTag status={a.status} /> {a.is_example ? <ExampleBadge /> : null} <span>{a.priority_title}</span>
            </p>
            {a.summary ? <p>{a.summary}</p> : null}
            <ActionProgress status={a.status} progress={a.progress} />
          </li>
        ))}
      </ul>
      <Pagination page={data.page} pageCount={data.pageCount} href={href} />
    </Layout>
  );
}
