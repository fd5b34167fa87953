// Shard 1 of the browser journeys (see journeys.ts).
import { runJourneys, SHARDS } from "./journeys.js";

await runJourneys(0, SHARDS);
