import { describe, expect, it } from "vitest";
import { tagsForContentChange } from "./cache-tags.js";

describe("tagsForContentChange", () => {
  it("covers the item, its lists, home, feeds and the themes and places before and after", () => {
    const tags = tagsForContentChange(
      { id: 7, kind: "article", themeIds: [1, 2], neighbourhoodIds: [5] },
      { id: 7, kind: "article", themeIds: [3], neighbourhoodIds: [] },
    );
    expect(new Set(tags)).toEqual(
      new Set(["home", "sitemap", "search", "feeds", "content:7", "list:articles", "theme:1", "theme:2", "theme:3", "neighbourhood:5"]),
    );
  });
});
