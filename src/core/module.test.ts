// The registry's merge of the modules' parts of a person's data export (manifest personalData).
import { describe, expect, it } from "vitest";
import type { AppDeps } from "./deps.js";
import { defineModule, ModuleRegistry } from "./module.js";

const deps = {} as AppDeps;

describe("personalData", () => {
  it("merges every module's keys, each module asked with the person's id", async () => {
    const asked: number[] = [];
    const registry = new ModuleRegistry([
      defineModule({
        name: "a",
        personalData: async (_d, id) => {
          asked.push(id);
          return { alpha: [1] };
        },
      }),
      defineModule({ name: "b" }),
      defineModule({ name: "c", personalData: async () => ({ gamma: { x: true }, delta: null }) }),
    ]);
    expect(await registry.personalData(deps, 42)).toEqual({ alpha: [1], gamma: { x: true }, delta: null });
    expect(asked).toEqual([42]);
  });

  it("refuses two modules giving the same key (one would silently hide the other's data)", async () => {
    const registry = new ModuleRegistry([
      defineModule({ name: "a", personalData: async () => ({ comments: [] }) }),
      defineModule({ name: "b", personalData: async () => ({ comments: [1] }) }),
    ]);
    await expect(registry.personalData(deps, 1)).rejects.toThrow(/"comments" given by both a and b/);
  });
});
