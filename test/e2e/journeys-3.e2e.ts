// Shard 3 of the browser journeys (see journeys.ts).
import { runJourneys, SHARDS } from "./journeys.js";

await runJourneys(2, SHARDS);
