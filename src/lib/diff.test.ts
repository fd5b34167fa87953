import { describe, expect, it } from "vitest";
import { diffWords } from "./diff.js";

describe("diffWords", () => {
  it("marks removed and added words in reading order", () => {
    expect(diffWords("Le forum ouvre jeudi à Fives", "Le forum ouvre vendredi à Fives")).toEqual([
      { kind: "same", text: "Le forum ouvre" },
      { kind: "removed", text: " jeudi" },
      { kind: "added", text: " vendredi" },
      { kind: "same", text: " à Fives" },
    ]);
  });
  it("rebuilds both texts from its parts", () => {
    const before = "Un texte assez long, avec des virgules ; et des points. Puis une autre phrase.";
    const after = "Un texte long, avec virgules ; et des points ! Puis une toute autre phrase, ajoutée.";
    const parts = diffWords(before, after);
    expect(
      parts
        .filter((p) => p.kind !== "added")
        .map((p) => p.text)
        .join(""),
    ).toBe(before);
    expect(
      parts
        .filter((p) => p.kind !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe(after);
  });
  it("handles empty sides", () => {
    expect(diffWords("", "nouveau")).toEqual([{ kind: "added", text: "nouveau" }]);
    expect(diffWords("ancien", "")).toEqual([{ kind: "removed", text: "ancien" }]);
    expect(diffWords("", "")).toEqual([]);
  });
});
