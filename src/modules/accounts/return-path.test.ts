import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path.js";

describe("safeReturnPath", () => {
  it("keeps same-site relative paths", () => {
    expect(safeReturnPath("/actualites/x?page=2#a")).toBe("/actualites/x?page=2#a");
  });
  it.each(["https://evil.example/", "//evil.example", "/\\evil.example", "\\\\evil", "javascript:alert(1)", "actualites", "/a\nb", "", undefined, 42])(
    "rejects %s",
    (raw) => {
      expect(safeReturnPath(raw)).toBe("/");
    },
  );
});
