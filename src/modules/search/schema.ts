// Kysely types of the search module's tables (migration 20261206T180000-search.sql), added to
// the Database interface from here (decision 0014). Only the triggers of that migration write
// them; the module reads them in queries.ts.
import type { ColumnType } from "kysely";

type ReadOnly<T> = ColumnType<T, never, never>;

export interface SearchDocumentsTable {
  kind: ReadOnly<string>;
  source_id: ReadOnly<number>;
  path: ReadOnly<string>;
  title: ReadOnly<string>;
  teaser: ReadOnly<string>;
  body: ReadOnly<string>;
  published_at: ReadOnly<Date | null>;
  dated_on: ReadOnly<Date | null>;
  status: ReadOnly<string | null>;
  theme_ids: ReadOnly<number[]>;
  neighbourhood_ids: ReadOnly<number[]>;
  title_folded: ReadOnly<string>;
  document: ReadOnly<string>;
  title_vector: ReadOnly<string>;
}

export interface SearchWordsTable {
  word: ReadOnly<string>;
  display: ReadOnly<string>;
}

declare module "../../core/db/schema.js" {
  interface Database {
    search_documents: SearchDocumentsTable;
    search_words: SearchWordsTable;
  }
}
