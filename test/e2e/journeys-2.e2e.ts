// The second half of the browser journeys (see journeys.ts).
import { runJourneys } from "./journeys.js";

await runJourneys(1, 2);
