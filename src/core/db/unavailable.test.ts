import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./unavailable.js";

const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it("recognises outages: refused, reset, timeouts, shutdown, too many connections", () => {
    for (const e of [
      withCode("ECONNREFUSED"),
      withCode("ECONNRESET"),
      withCode("57P01", "terminating connection due to administrator command"),
      withCode("57P03", "the database system is starting up"),
      withCode("57014", "canceling statement due to statement timeout"),
      withCode("08006"),
      withCode("53300", "sorry, too many clients already"),
      new Error("Connection terminated unexpectedly"),
      new Error("timeout exceeded when trying to connect"),
      new Error("Query read timeout"),
      new Error("wrapped", { cause: withCode("ECONNREFUSED") }),
      Object.assign(new AggregateError([withCode("ECONNREFUSED")]), {}),
    ])
      expect(isDatabaseUnavailable(e), String((e as Error).message)).toBe(true);
  });
  it("leaves bugs and bad input alone", () => {
    for (const e of [new Error("boom"), withCode("23505", "duplicate key"), withCode("22003", "out of range"), withCode("42P01"), null, undefined, "text"])
      expect(isDatabaseUnavailable(e)).toBe(false);
  });
});
