// The API's in-process rate limit: the fixed window and whom a request is counted against.
import { describe, expect, it } from "vitest";
import { ApiRateLimiter, rateLimitKey } from "./api-routes.js";

describe("ApiRateLimiter", () => {
  it("allows `limit` hits per address and window, then refuses until the next window", () => {
    const limiter = new ApiRateLimiter({ limit: 3, windowMs: 60_000 });
    const t0 = Date.UTC(2026, 5, 15, 12, 0, 0);
    expect([1, 2, 3, 4].map(() => limiter.hit("a", t0 + 10_000).allowed)).toEqual([true, true, true, false]);
    expect(limiter.hit("a", t0 + 10_000)).toEqual({ limit: 3, allowed: false, remaining: 0, resetSeconds: 50 });
    expect(limiter.hit("b", t0 + 59_999)).toEqual({ limit: 3, allowed: true, remaining: 2, resetSeconds: 1 });
    expect(limiter.hit("a", t0 + 60_000)).toEqual({ limit: 3, allowed: true, remaining: 2, resetSeconds: 60 });
  });
});

describe("rateLimitKey", () => {
  it("counts IPv4 by address and IPv6 by /64", () => {
    expect(rateLimitKey("203.0.113.7")).toBe("203.0.113.7");
    expect(rateLimitKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(rateLimitKey("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(rateLimitKey("2001:DB8:1:2::ffff")).toBe("2001:db8:1:2::/64");
    expect(rateLimitKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(rateLimitKey("2001:0db8:0000:0000:0000::1")).toBe("2001:db8:0:0::/64");
    expect(rateLimitKey("::1")).toBe("0:0:0:0::/64");
    expect(rateLimitKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });
});
