// npm run db:seed: loads the demo dataset into the configured database (migrating it
// first). Only an empty database is seeded, so demo and real content never mix.
import path from "node:path";
import { loadConfig } from "../src/config.js";
import { openMigratedDatabase } from "../src/core/db/open.js";
import { isSeeded, seedDemo, seedPerimeters } from "../demo/seed.js";

const config = loadConfig();
const handle = await openMigratedDatabase(config, (m) => console.log(m));
try {
  if (await isSeeded(handle.db)) {
    console.log("La base contient déjà des données : rien n’a été chargé.");
  } else {
    const counts = await seedDemo(handle.db, { mediaDir: path.join(config.dataDir, "media"), onProgress: (m) => console.log(m) });
    console.log(`Chargé : ${counts.articles} actualités, ${counts.pages} pages, ${counts.media} images.`);
    await seedPerimeters(handle.db, path.resolve("../shared/data"), (m) => console.log(m));
  }
} finally {
  await handle.close();
}
