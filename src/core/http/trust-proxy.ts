// Which peers may tell us the client's address (X-Forwarded-For). Per-IP rate limits
// (sign-in, sign-up, reset, second factor, geocoder) count request.ip, so whoever may
// write it decides how many attempts an attacker gets.
import net from "node:net";
import type { TrustProxy } from "../../config.js";

const privateNetworks = new net.BlockList();
for (const [address, prefix] of [
  ["127.0.0.0", 8],
  ["10.0.0.0", 8],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["169.254.0.0", 16],
] as const) {
  privateNetworks.addSubnet(address, prefix, "ipv4");
}
privateNetworks.addAddress("::1", "ipv6");
privateNetworks.addSubnet("fc00::", 7, "ipv6");
privateNetworks.addSubnet("fe80::", 10, "ipv6");

/** "::ffff:127.0.0.1" is an IPv4 peer on a dual-stack socket. */
function unmap(address: string): string {
  const m = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return m ? m[1]! : address;
}

/** Loopback, RFC 1918, link-local or IPv6 unique-local: a peer on this host or its LAN. */
export function isPrivateAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = unmap(address);
  const family = net.isIP(a);
  return family !== 0 && privateNetworks.check(a, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The value for Fastify's trustProxy option. Fastify refuses a bare hop count because a
 * client that reaches the app directly could then write its own X-Forwarded-For; here a
 * hop count trusts that many proxies only when the nearest one connects from a loopback or
 * private address, so a client from the internet never chooses its IP. Proxies on public
 * addresses are configured by address instead.
 */
export function fastifyTrustProxy(value: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (value === false) return false;
  if (typeof value === "number") {
    const hops = value;
    return (address, hop) => hop < hops && (hop > 0 || isPrivateAddress(address));
  }
  return value;
}
