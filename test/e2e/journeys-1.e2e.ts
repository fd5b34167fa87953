// The first half of the browser journeys (see journeys.ts).
import { runJourneys } from "./journeys.js";

await runJourneys(0, 2);
