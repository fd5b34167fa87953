// Imports of Politique de la Ville data files (QPV and quartier perimeters, indicators,
// actions). Each importer validates every row first, writes nothing when one is wrong, and
// otherwise writes everything in one transaction; running it twice changes nothing more.
import type { DB } from "../../../core/db/create-db.js";
import { importActions } from "./actions.js";
import type { ImportKind, ImportOptions, ImportReport } from "./common.js";
import { importIndicators } from "./indicators.js";
import { importQpv } from "./qpv.js";
import { importQuartiers } from "./quartiers.js";

export { importActions } from "./actions.js";
export { ACTION_COLUMNS } from "./action-rows.js";
export { formatIssue, type ImportIssue, type ImportKind, type ImportOptions, type ImportProgress, type ImportReport } from "./common.js";
export { importIndicators, INDICATOR_COLUMNS } from "./indicators.js";
export { EMPTY_TERRITORY_MESSAGE, importQpv, readTerritory } from "./qpv.js";
export { importQuartiers } from "./quartiers.js";

export const IMPORT_KINDS: readonly ImportKind[] = ["qpv", "quartiers", "indicators", "actions"];

const importers: Record<ImportKind, (db: DB, text: string, options: ImportOptions) => Promise<ImportReport>> = {
  qpv: importQpv,
  quartiers: importQuartiers,
  indicators: importIndicators,
  actions: importActions,
};

export function runImport(db: DB, kind: ImportKind, fileText: string, options: ImportOptions = {}): Promise<ImportReport> {
  return importers[kind](db, fileText, options);
}
