// npm run site -- [--name "Ville de X"] [--short "X"] [--tagline "..."] [--communes 59350,59298]
//                 [--email contact@ville.fr] [--address "..."] [--colors "#1d4f91,#12325c"]
// Creates or updates the site identity and territory (site_settings), so a commune can
// deploy without the demo dataset. Without options, prints the current settings.
import { loadConfig } from "../src/config.js";
import { openMigratedDatabase } from "../src/core/db/open.js";

export interface SiteOptions {
  name?: string;
  short?: string;
  tagline?: string;
  communes?: string[];
  email?: string;
  address?: string;
  colors?: [string, string];
}

export function parseSiteArgs(argv: string[]): { options: SiteOptions; errors: string[] } {
  const options: SiteOptions = {};
  const errors: string[] = [];
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (value === undefined) {
      errors.push(`${flag} attend une valeur.`);
      break;
    }
    switch (flag) {
      case "--name":
        options.name = value.trim();
        break;
      case "--short":
        options.short = value.trim();
        break;
      case "--tagline":
        options.tagline = value.trim();
        break;
      case "--email":
        options.email = value.trim();
        break;
      case "--address":
        options.address = value.trim();
        break;
      case "--communes": {
        const codes = value.split(/[\s,;]+/).filter(Boolean);
        const bad = codes.filter((c) => !/^(\d{5}|2[AB]\d{3})$/.test(c));
        if (bad.length > 0) errors.push(`Codes INSEE invalides : ${bad.join(", ")} (5 caractères, par exemple 59350).`);
        options.communes = codes;
        break;
      }
      case "--colors": {
        const [main, dark] = value.split(",").map((c) => c.trim());
        if (!main || !dark || ![main, dark].every((c) => /^#[0-9a-fA-F]{6}$/.test(c)))
          errors.push("--colors attend deux couleurs #rrggbb séparées par une virgule.");
        else options.colors = [main, dark];
        break;
      }
      default:
        errors.push(`Option inconnue : ${flag}`);
    }
  }
  if (options.name !== undefined && (options.name.length === 0 || options.name.length > 120)) errors.push("--name doit contenir de 1 à 120 caractères.");
  return { options, errors };
}

async function main() {
  const { options, errors } = parseSiteArgs(process.argv.slice(2));
  if (errors.length > 0) {
    for (const e of errors) process.stderr.write(`${e}\n`);
    process.exit(1);
  }
  const handle = await openMigratedDatabase(loadConfig(), (m) => process.stderr.write(`${m}\n`));
  try {
    const current = await handle.db.selectFrom("site_settings").selectAll().executeTakeFirst();
    if (Object.keys(options).length > 0) {
      const values = {
        ...(options.name !== undefined ? { site_name: options.name } : {}),
        ...(options.short !== undefined ? { short_name: options.short } : {}),
        ...(options.tagline !== undefined ? { tagline: options.tagline } : {}),
        ...(options.email !== undefined ? { contact_email: options.email } : {}),
        ...(options.address !== undefined ? { contact_address: options.address } : {}),
        ...(options.communes !== undefined ? { commune_codes: options.communes } : {}),
        ...(options.colors ? { brand_color: options.colors[0], brand_color_dark: options.colors[1] } : {}),
        updated_at: new Date(),
      };
      if (current) {
        await handle.db.updateTable("site_settings").set(values).where("id", "=", 1).execute();
      } else {
        if (!options.name) throw new Error("Le site n’est pas encore configuré : indiquez au moins --name.");
        await handle.db
          .insertInto("site_settings")
          .values({ id: 1, site_name: options.name, short_name: options.short ?? options.name, ...values })
          .execute();
      }
    }
    const after = await handle.db
      .selectFrom("site_settings")
      .select(["site_name", "short_name", "tagline", "commune_codes", "contact_email", "brand_color", "brand_color_dark"])
      .executeTakeFirst();
    console.log(after ? JSON.stringify(after, null, 2) : 'Site non configuré : npm run site -- --name "Ville de …" --communes 59350');
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/").split("/").pop() ?? "")) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
