// A cookie-keeping client over app.inject(), for journeys through forms without a
// browser: it remembers cookies like a browser and reads CSRF tokens from pages.
import type { FastifyInstance, LightMyRequestResponse } from "fastify";

let agents = 0;

export class Agent {
  readonly cookies = new Map<string, string>();
  /** Each agent is a different visitor, from its own address (rate limits count per IP). */
  readonly ip: string;
  constructor(
    private readonly app: FastifyInstance,
    private readonly userAgent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36",
    ip?: string,
  ) {
    agents++;
    this.ip = ip ?? `198.51.${(agents >> 8) & 255}.${agents & 255}`;
  }

  private remember(res: LightMyRequestResponse) {
    const raw = res.headers["set-cookie"];
    const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
    for (const c of list) {
      const [pair, ...attrs] = c.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /max-age=0\b/i.test(a.trim()) || (/^expires=/i.test(a.trim()) && new Date(a.split("=")[1]!).getTime() < Date.now()));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookieHeader(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  sessionCookie(): string | undefined {
    return this.cookies.get("__Host-portail_session") ?? this.cookies.get("portail_session");
  }

  async get(url: string, headers: Record<string, string> = {}) {
    const cookie = this.cookieHeader();
    const res = await this.app.inject({
      method: "GET",
      url,
      remoteAddress: this.ip,
      headers: { "user-agent": this.userAgent, ...(cookie ? { cookie } : {}), ...headers },
    });
    this.remember(res);
    return res;
  }

  async post(url: string, form: Record<string, string | string[]>, headers: Record<string, string> = {}) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    const cookie = this.cookieHeader();
    const res = await this.app.inject({
      method: "POST",
      url,
      remoteAddress: this.ip,
      payload: body.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": this.userAgent, ...(cookie ? { cookie } : {}), ...headers },
    });
    this.remember(res);
    return res;
  }

  /** GET as a browser does: follows same-site redirects (e-mailed links answer 303 to the page without their token). */
  async open(url: string, headers: Record<string, string> = {}) {
    let res = await this.get(url, headers);
    for (let hops = 0; hops < 5 && [301, 302, 303, 307, 308].includes(res.statusCode); hops++) {
      const location = String(res.headers.location ?? "");
      if (!location.startsWith("/") || location.startsWith("//")) break;
      res = await this.get(location, headers);
    }
    return res;
  }

  /** Loads a page (following redirects) and returns the CSRF token of its first form. */
  async csrf(url: string): Promise<string> {
    const res = await this.open(url);
    const token = csrfIn(res.body);
    if (!token) throw new Error(`No CSRF token on ${url} (${res.statusCode})`);
    return token;
  }

  /** Loads a page, then posts its form with the page's CSRF token. */
  async submit(pageUrl: string, action: string, form: Record<string, string | string[]>, headers: Record<string, string> = {}) {
    const _csrf = await this.csrf(pageUrl);
    return this.post(action, { _csrf, ...form }, headers);
  }
}

export function csrfIn(html: string): string | undefined {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
}
