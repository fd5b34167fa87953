import { describe, expect, it } from "vitest";
import { isLoopbackAddress } from "./net.js";

describe("isLoopbackAddress", () => {
  it("knows the loopback forms", () => {
    for (const a of ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1", "0:0:0:0:0:0:0:1"]) expect(isLoopbackAddress(a)).toBe(true);
  });
  it("refuses everything else", () => {
    for (const a of [undefined, "", "10.0.0.1", "192.168.1.10", "::ffff:10.0.0.1", "fe80::1", "128.0.0.1", "127.0.0.1.evil", "1270.0.0.1"])
      expect(isLoopbackAddress(a)).toBe(false);
  });
});
