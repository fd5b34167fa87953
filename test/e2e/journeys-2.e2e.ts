// Shard 2 of the browser journeys (see journeys.ts).
import { runJourneys, SHARDS } from "./journeys.js";

await runJourneys(1, SHARDS);
