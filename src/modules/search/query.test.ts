import { describe, expect, it } from "vitest";
import { segments } from "./present.js";
import { cleanQuery, fold, isStopWord, parseQuery, rewriteQuery, variantsOf } from "./query.js";

describe("search query reading", () => {
  it("folds case, accents and ligatures", () => {
    expect(fold("Œuvres ÉCOLE Ça")).toBe("oeuvres ecole ca");
  });

  it("cleans control and format characters, spaces and length", () => {
    expect(cleanQuery(" a\u0000b\u200b  c\n")).toBe("a b c");
    expect(cleanQuery("x".repeat(300))).toHaveLength(200);
  });

  it("reads words, phrases and exclusions", () => {
    const terms = parseQuery(`jardin "fête des voisins" -travaux -"rue barrée" l'école "`);
    expect(terms.map((t) => [t.text, t.phrase, t.excluded])).toEqual([
      ["jardin", false, false],
      ["fête des voisins", true, false],
      ["travaux", false, true],
      ["rue barrée", true, true],
      ["école", false, false],
    ]);
  });

  it("searches the inflections the stemmer misses", () => {
    expect(variantsOf("emplois")).toEqual(["emplois", "emploi"]);
    expect(variantsOf("emploi")).toEqual(["emploi", "emplois"]);
    expect(variantsOf("Travaux")).toEqual(["travaux", "travau", "travail"]);
    expect(variantsOf("œil")).toEqual(["oeil", "oeils", "yeux"]);
    expect(variantsOf("42")).toEqual(["42"]);
  });

  it("keeps at most twelve distinct terms and knows the stop words PostgreSQL lets through", () => {
    expect(
      parseQuery(
        "a b c d e f g h i j k l m n o p q r"
          .split(" ")
          .map((x) => `${x}${x}`)
          .join(" "),
      ),
    ).toHaveLength(12);
    expect(parseQuery("jardin JARDIN jardin")).toHaveLength(1);
    expect(isStopWord("À")).toBe(true);
    expect(isStopWord("jardin")).toBe(false);
  });

  it("rewrites a query word by word, keeping phrases and exclusions", () => {
    const terms = parseQuery(`mediateque "jardin partagé" -travaux`);
    expect(rewriteQuery(terms, (t) => (t.text === "mediateque" ? "médiathèque" : t.text))).toBe(`médiathèque "jardin partagé" -travaux`);
  });

  it("splits marked excerpts into text and marks, whatever the text holds", () => {
    expect(segments("a \u0001b\u0002 <i>c</i>")).toEqual([
      { text: "a ", mark: false },
      { text: "b", mark: true },
      { text: " <i>c</i>", mark: false },
    ]);
  });
});
