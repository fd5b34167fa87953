import { describe, expect, it } from "vitest";
import { parseSiteArgs } from "./site.js";

describe("npm run site arguments", () => {
  it("reads the identity and the territory", () => {
    const { options, errors } = parseSiteArgs(["--name", "Ville de Roubaix", "--communes", "59512, 59000", "--colors", "#123456,#000000"]);
    expect(errors).toEqual([]);
    expect(options).toEqual({ name: "Ville de Roubaix", communes: ["59512", "59000"], colors: ["#123456", "#000000"] });
  });
  it("reports bad values in French", () => {
    const { errors } = parseSiteArgs(["--communes", "5935,ABCDE", "--colors", "bleu", "--oops", "x", "--name"]);
    expect(errors.join("\n")).toMatch(/Codes INSEE invalides : 5935, ABCDE/);
    expect(errors.join("\n")).toMatch(/--colors/);
    expect(errors.join("\n")).toMatch(/Option inconnue : --oops/);
    expect(errors.join("\n")).toMatch(/--name attend une valeur/);
  });
});
