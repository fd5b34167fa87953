// Writes test/durations.json (seconds per project and file) for test/sequencer.ts.
// `npm run test:durations` runs the whole suite with it; commit the result when files were
// added or became much longer or shorter.
import fs from "node:fs";
import type { Reporter, TestModule } from "vitest/node";
import { DURATIONS_FILE, durationKey, type Durations } from "./sequencer.js";

export default class DurationsReporter implements Reporter {
  private readonly measured: Durations = {};
  private root = process.cwd();

  onInit(ctx: { config: { root: string } }): void {
    this.root = ctx.config.root;
  }

  onTestModuleEnd(module: TestModule): void {
    const d = module.diagnostic();
    const seconds = (d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration) / 1000;
    this.measured[durationKey(module.project.name, this.root, module.moduleId)] = Math.round(seconds * 10) / 10;
  }

  onTestRunEnd(): void {
    const sorted = Object.fromEntries(Object.entries(this.measured).sort(([a], [b]) => (a < b ? -1 : 1)));
    fs.writeFileSync(DURATIONS_FILE, `${JSON.stringify(sorted, null, 2)}\n`);
  }
}
