import type { PageContext } from "../../../../ui/context.js";
import { CsrfField, ErrorSummary, type Errors } from "../../../../ui/components/form.js";
import { AdminFrame, type StaffActor } from "../../../admin/index.js";
import { ORGANISATION_KINDS } from "../../present.js";
import type { OrganisationLine, OrganisationPage } from "../present.js";
import { BASE, crumbs, DeleteSection, Flash, Input, SectionNav, Select, TextArea } from "./shared.js";

export function OrganisationsView({
  ctx,
  actor,
  rows,
  search,
  flash,
}: {
  ctx: PageContext;
  actor: StaffActor;
  rows: OrganisationLine[];
  search: string;
  flash?: string | undefined;
}) {
  return (
    <AdminFrame ctx={ctx} actor={actor} title="Organisations" breadcrumb={crumbs({ label: "Organisations" })}>
      <SectionNav current={`${BASE}/organisations`} />
      <Flash code={flash} />
      <div class="admin-toolbar">
        <a class="button" href={`${BASE}/organisations/nouvelle`}>
          Ajouter une organisation
        </a>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet announced as a landmark by every screen reader; <form role="search"> is */}
      <form method="get" action={`${BASE}/organisations`} class="admin-filters" role="search" aria-label="Rechercher une organisation">
        <Input name="q" type="search" label="Nom ou identifiant" value={search} maxLength={100} bare />
        <button type="submit" class="button button--secondary">
          Rechercher
        </button>
        {search ? <a href={`${BASE}/organisations`}>Tout afficher</a> : null}
      </form>
      {rows.length === 0 ? (
        <p>{search ? "Aucune organisation ne correspond à cette recherche." : "Aucune organisation pour l’instant."}</p>
      ) : (
        <div class="admin-table-wrap">
          <table class="table">
            <caption>{search ? `Organisations correspondant à « ${search} » (${rows.length})` : `Organisations (${rows.length})`}</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Type</th>
                <th scope="col">Site web</th>
                <th scope="col">Actions liées</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr>
                  <th scope="row">
                    <a href={`${BASE}/organisations/${o.id}`}>{o.name}</a>
                  </th>
                  <td>{ORGANISATION_KINDS[o.kind] ?? o.kind}</td>
                  <td>{o.website ? <span class="pdv-url">{o.website}</span> : "—"}</td>
                  <td>{o.useCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminFrame>
  );
}

export function OrganisationFormView(props: {
  ctx: PageContext;
  actor: StaffActor;
  data: OrganisationPage | null;
  values: Record<string, string>;
  errors: Errors;
  problem?: string | null | undefined;
}) {
  const { ctx, actor, data, values: v, errors } = props;
  const token = ctx.viewer.csrfToken;
  const name = data ? data.organisation.name : "Nouvelle organisation";
  return (
    <AdminFrame
      ctx={ctx}
      actor={actor}
      title={data ? `Organisation : ${name}` : name}
      breadcrumb={crumbs({ label: "Organisations", href: `${BASE}/organisations` }, { label: name })}
    >
      <Flash problem={props.problem} />
      <ErrorSummary errors={errors} />
      <form method="post" action={data ? `${BASE}/organisations/${data.organisation.id}` : `${BASE}/organisations/nouvelle`} class="pdv-form" novalidate>
        <CsrfField token={token} />
        <Input name="name" label="Nom" value={v.name ?? ""} error={errors.name} required maxLength={200} />
        <Input
          name="slug"
          label="Identifiant"
          value={v.slug ?? ""}
          error={errors.slug}
          maxLength={80}
          hint="Utilisé dans les fichiers d’import et l’adresse des listes filtrées. Laissé vide, il est fait à partir du nom."
        />
        <Select
          name="kind"
          label="Type"
          value={v.kind ?? "association"}
          error={errors.kind}
          required
          options={Object.entries(ORGANISATION_KINDS).map(([value, label]) => ({ value, label }))}
        />
        <Input
          name="website"
          type="url"
          label="Site web"
          value={v.website ?? ""}
          error={errors.website}
          maxLength={500}
          hint="Adresse complète commençant par https://"
          autocomplete="url"
        />
        <TextArea name="description" label="Description" value={v.description ?? ""} error={errors.description} rows={5} />
        <div class="admin-actions">
          <button type="submit" class="button">
            Enregistrer l’organisation
          </button>
          <a href={`${BASE}/organisations`}>Annuler</a>
        </div>
      </form>
      {data ? (
        <>
          <p>
            {data.use.lead + data.use.partner === 0
              ? "Cette organisation n’est liée à aucune action."
              : `Porteuse de ${data.use.lead} action${data.use.lead > 1 ? "s" : ""}, partenaire de ${data.use.partner} action${data.use.partner > 1 ? "s" : ""}.`}
          </p>
          <DeleteSection
            action={`${BASE}/organisations/${data.organisation.id}/supprimer`}
            token={token}
            what="cette organisation"
            explanation="Une organisation ne peut être supprimée que si elle ne porte aucune action et n’en est partenaire d’aucune. La suppression est définitive."
          />
        </>
      ) : null}
    </AdminFrame>
  );
}
