import type { PageContext } from "../../../../ui/context.js";
import { CsrfField, ErrorSummary, type Errors } from "../../../../ui/components/form.js";
import { Pagination } from "../../../../ui/components/pagination.js";
import { AdminFrame, type StaffActor } from "../../../admin/index.js";
import { formatIndicatorValue, type IndicatorHeader, type IndicatorList } from "../present.js";
import { TERRITORY_KINDS } from "../validate.js";
import { BASE, crumbs, DeleteSection, Flash, Input, SectionNav, Select } from "./shared.js";

export function IndicatorsView(props: {
  ctx: PageContext;
  actor: StaffActor;
  data: IndicatorList;
  query: Record<string, string | undefined>;
  flash?: string | undefined;
}) {
  const { ctx, actor, data, query } = props;
  const href = (n: number) => {
    const p = new URLSearchParams();
    for (const k of ["indicateur", "territoire", "annee"]) if (query[k]) p.set(k, query[k]!);
    if (n > 1) p.set("page", String(n));
    const s = p.toString();
    return `${BASE}/indicateurs${s ? `?${s}` : ""}`;
  };
  return (
    <AdminFrame ctx={ctx} actor={actor} title="Indicateurs" breadcrumb={crumbs({ label: "Indicateurs" })}>
      <SectionNav current={`${BASE}/indicateurs`} />
      <Flash code={props.flash} />
      <div class="admin-toolbar">
        <a class="button" href={`${BASE}/indicateurs/nouveau`}>
          Ajouter une valeur
        </a>
      </div>
      <p>
        Pour charger de nombreuses valeurs d’un coup (un fichier de l’INSEE ou de l’Observatoire national de la politique de la ville), utilisez l’import CSV :{" "}
        <code>npm run import -- indicators fichier.csv</code> (format décrit dans <code>src/modules/policy/import/README.md</code> ; ajoutez{" "}
        <code>--dry-run</code> pour vérifier le fichier sans rien enregistrer).
      </p>
      <form method="get" action={`${BASE}/indicateurs`} class="admin-filters" aria-label="Filtrer les indicateurs">
        <Select
          name="indicateur"
          label="Indicateur"
          value={query.indicateur ?? ""}
          empty="Tous"
          bare
          options={data.metrics.map((m) => ({ value: m.metric, label: `${m.label} (${m.metric})` }))}
        />
        <Input name="territoire" type="search" label="Territoire (nom ou code)" value={query.territoire ?? ""} maxLength={100} bare />
        <Select
          name="annee"
          label="Année"
          value={query.annee ?? ""}
          empty="Toutes"
          bare
          options={data.years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <button type="submit" class="button button--secondary">
          Filtrer
        </button>
      </form>
      {data.rows.length === 0 ? (
        <p>Aucune valeur ne correspond à ces critères.</p>
      ) : (
        <div class="admin-table-wrap">
          <table class="table">
            <caption>
              Valeurs d’indicateurs ({data.total}){data.pageCount > 1 ? `, page ${data.page} sur ${data.pageCount}` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Indicateur</th>
                <th scope="col">Territoire</th>
                <th scope="col">Année</th>
                <th scope="col">Valeur</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={`${BASE}/indicateurs/${r.id}`}>{r.label}</a>
                  </th>
                  <td>
                    {r.territoryName}{" "}
                    <span class="pdv-muted">
                      ({TERRITORY_KINDS[r.territoryKind as keyof typeof TERRITORY_KINDS]} {r.territoryCode})
                    </span>
                  </td>
                  <td>{r.year}</td>
                  <td>
                    {formatIndicatorValue(r.value)}
                    {r.unit ? ` ${r.unit}` : ""}
                  </td>
                  <td>{r.source || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} href={href} />
    </AdminFrame>
  );
}

export function IndicatorFormView(props: {
  ctx: PageContext;
  actor: StaffActor;
  indicator: IndicatorHeader | null;
  values: Record<string, string>;
  errors: Errors;
}) {
  const { ctx, actor, indicator, values: v, errors } = props;
  const token = ctx.viewer.csrfToken;
  const label = indicator ? indicator.label : "Nouvelle valeur";
  return (
    <AdminFrame
      ctx={ctx}
      actor={actor}
      title={indicator ? `Indicateur : ${label}` : "Nouvelle valeur d’indicateur"}
      breadcrumb={crumbs({ label: "Indicateurs", href: `${BASE}/indicateurs` }, { label })}
    >
      <ErrorSummary errors={errors} />
      <form method="post" action={indicator ? `${BASE}/indicateurs/${indicator.id}` : `${BASE}/indicateurs/nouveau`} class="pdv-form" novalidate>
        <CsrfField token={token} />
        <Input
          name="metric"
          label="Identifiant de l’indicateur"
          value={v.metric ?? ""}
          error={errors.metric}
          required
          maxLength={80}
          hint="Minuscules, chiffres et « _ », le même pour toutes les valeurs de l’indicateur : par exemple taux_pauvrete."
        />
        <Input name="label" label="Libellé" value={v.label ?? ""} error={errors.label} required maxLength={200} hint="Par exemple : Taux de pauvreté." />
        <Select
          name="territory_kind"
          label="Type de territoire"
          value={v.territory_kind ?? "qpv"}
          error={errors.territory_kind}
          required
          options={Object.entries(TERRITORY_KINDS).map(([value, l]) => ({ value, label: l }))}
        />
        <Input
          name="territory_code"
          label="Code du territoire"
          value={v.territory_code ?? ""}
          error={errors.territory_code}
          required
          maxLength={80}
          hint="Code QPV (QN05971M) pour un quartier prioritaire, identifiant du quartier sur le site pour un quartier, code INSEE pour une commune."
        />
        <Input name="territory_name" label="Nom du territoire" value={v.territory_name ?? ""} error={errors.territory_name} required maxLength={200} />
        <div class="pdv-row">
          <Input name="year" label="Année" value={v.year ?? ""} error={errors.year} required inputMode="numeric" maxLength={4} class="pdv-short" />
          <Input
            name="value"
            label="Valeur"
            value={v.value ?? ""}
            error={errors.value}
            required
            inputMode="decimal"
            maxLength={30}
            class="pdv-short"
            hint="Par exemple 43,5"
          />
          <Input name="unit" label="Unité" value={v.unit ?? ""} error={errors.unit} maxLength={40} class="pdv-short" hint="Par exemple % ou habitants" />
        </div>
        <Input name="source" label="Source" value={v.source ?? ""} error={errors.source} maxLength={300} hint="Par exemple : INSEE Filosofi 2021." />
        <div class="admin-actions">
          <button type="submit" class="button">
            Enregistrer la valeur
          </button>
          <a href={`${BASE}/indicateurs`}>Annuler</a>
        </div>
      </form>
      {indicator ? (
        <DeleteSection
          action={`${BASE}/indicateurs/${indicator.id}/supprimer`}
          token={token}
          what="cette valeur"
          explanation="La valeur disparaît des pages des quartiers et des données ouvertes. La suppression est définitive."
        />
      ) : null}
    </AdminFrame>
  );
}
