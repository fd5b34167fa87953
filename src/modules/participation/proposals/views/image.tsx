// The form that adds an image to one's idea (multipart: the file, then its description).
import type { PageContext } from "../../../../ui/context.js";
import { CsrfField, ErrorSummary, Field, FieldShell, fieldDescribedBy, type Errors } from "../../../../ui/components/form.js";
import { Layout } from "../../../../ui/layout.js";
import type { ProposalView } from "../present.js";
import { IMAGE_ALT_MAX } from "../service.js";

export function ImagePage({ ctx, p, values, errors }: { ctx: PageContext; p: ProposalView; values: { alt?: string }; errors: Errors }) {
  const path = `/participation/idees/${p.id}/image`;
  const hint = "JPEG, PNG ou WebP, 10 Mo au plus. L’image est réenregistrée sans ses métadonnées (lieu, appareil).";
  return (
    <Layout
      ctx={ctx}
      breadcrumb={[
        { label: "Accueil", href: "/" },
        { label: "Idées des habitants", href: "/participation/idees" },
        { label: p.title, href: p.href },
        { label: "Image" },
      ]}
      meta={{ title: `Image de l’idée « ${p.title} »`, description: "Ajouter une image à son idée.", canonicalPath: path, noindex: true }}
    >
      <h1>{p.image ? "Remplacer l’image de votre idée" : "Ajouter une image à votre idée"}</h1>
      <p>
        Idée : <a href={p.href}>{p.title}</a>
      </p>
      <ErrorSummary errors={errors} labels={{ fichier: "Image", alt: "Description de l’image" }} />
      <form method="post" action={path} enctype="multipart/form-data" class="form" novalidate>
        <CsrfField token={ctx.viewer.csrfToken} />
        <FieldShell id="champ-fichier" label="Image" hint={hint} error={errors.fichier} required>
          <input
            id="champ-fichier"
            name="fichier"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            required
            class="field__input"
            aria-invalid={errors.fichier ? "true" : undefined}
            aria-describedby={fieldDescribedBy("champ-fichier", hint, errors.fichier)}
          />
        </FieldShell>
        <Field
          name="alt"
          label="Description de l’image"
          required
          maxLength={IMAGE_ALT_MAX}
          value={values.alt ?? ""}
          error={errors.alt}
          hint="Ce que montre l’image, pour les personnes qui ne la voient pas."
        />
        <button type="submit" class="button">
          Enregistrer l’image
        </button>
      </form>
    </Layout>
  );
}
