import { describe, expect, it } from "vitest";
import { BadInputError, parseFormBody } from "./input-guard.js";

describe("parseFormBody", () => {
  it("parses as browsers encode: + for space, repeated keys as lists, UTF-8 escapes", () => {
    expect({ ...parseFormBody("a=1&b=deux+mots&c=%C3%A9t%C3%A9&l=1&l=2") }).toEqual({ a: "1", b: "deux mots", c: "été", l: ["1", "2"] });
  });

  it("refuses a malformed percent sequence, in a value or a key, instead of storing it as text", () => {
    for (const body of ["title=x%C3%28", "title=%ZZ", "t%FFitle=x", "a=1&b=%E2%82"]) {
      expect(() => parseFormBody(body)).toThrow(BadInputError);
    }
  });
});
