// npm run db:migrate: applies pending migrations to the configured database.
import { loadConfig } from "../src/config.js";
import { openMigratedDatabase } from "../src/core/db/open.js";

const config = loadConfig();
const handle = await openMigratedDatabase(config, (m) => console.log(m));
await handle.close();
