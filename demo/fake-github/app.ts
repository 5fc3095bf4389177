import crypto from "node:crypto";

/**
 * The GitHub App side of the fake: `GET /app/installations` and `POST /app/installations/{id}/access_tokens`,
 * both wanting the App's JWT (RS256, signed with the App's private key, verified here against its public key,
 * `iss` the App id, at most 10 minutes long, not expired), and installation tokens that expire, which GraphQL
 * then takes until they do.
 */

export type FakeAppOptions = {
  appId: number;
  /** The App's public key (PEM): the tests generate a key pair and give the private half to Podium. */
  publicKey: string;
  installations: { id: number; account: string }[];
  /** How long an installation token lives (default 3600 s, as GitHub's). */
  tokenTtlSeconds?: number;
  /** The fake's clock in ms (tests move it to expire tokens). */
  now?: () => number;
};

type Answer = { status: number; body: unknown };

const b64json = (part: string): unknown => JSON.parse(Buffer.from(part, "base64url").toString("utf8"));

export class FakeApp {
  /** Issued installation tokens → their installation and expiry (ms). */
  readonly tokens = new Map<string, { installationId: number; expiresAt: number }>();
  issued = 0;
  constructor(private readonly options: FakeAppOptions) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Null when the JWT is good; otherwise GitHub's 401 answer. */
  private refuseJwt(authorization: string | undefined): Answer | null {
    const m = /^\s*bearer\s+([\w-]+)\.([\w-]+)\.([\w-]+)\s*$/i.exec(authorization ?? "");
    const refuse = (message: string): Answer => ({ status: 401, body: { message, documentation_url: "https://docs.github.com/rest" } });
    if (!m) return refuse("A JSON web token could not be decoded");
    const [, head, body, signature] = m as unknown as [string, string, string, string];
    let header: { alg?: unknown };
    let claims: { iss?: unknown; iat?: unknown; exp?: unknown };
    try {
      header = b64json(head) as typeof header;
      claims = b64json(body) as typeof claims;
    } catch {
      return refuse("A JSON web token could not be decoded");
    }
    if (header.alg !== "RS256") return refuse("A JSON web token could not be decoded (expected RS256)");
    const good = crypto.verify("RSA-SHA256", Buffer.from(`${head}.${body}`), this.options.publicKey, Buffer.from(signature, "base64url"));
    if (!good) return refuse("A JSON web token could not be decoded");
    const now = Math.floor(this.now() / 1000);
    if (String(claims.iss) !== String(this.options.appId)) return refuse("'Issuer' claim ('iss') must be an Integer");
    if (typeof claims.exp !== "number" || typeof claims.iat !== "number") return refuse("'Expiration time' claim ('exp') must be a numeric value");
    if (claims.exp <= now) return refuse("'Expiration time' claim ('exp') is too far in the past");
    if (claims.exp - claims.iat > 600) return refuse("'Expiration time' claim ('exp') is too far in the future");
    if (claims.iat > now + 60) return refuse("'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued");
    return null;
  }

  /** An answer for an `/app/…` REST path, or null when the path is not the App's. */
  answer(method: string, path: string, authorization: string | undefined): Answer | null {
    const list = path === "/app/installations" && method === "GET";
    const token = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path);
    if (!list && !(token && method === "POST")) return null;
    const refused = this.refuseJwt(authorization);
    if (refused) return refused;
    if (list) return { status: 200, body: this.options.installations.map((i) => ({ id: i.id, app_id: this.options.appId, account: { login: i.account, type: "Organization" }, target_type: "Organization" })) };
    const installation = this.options.installations.find((i) => i.id === Number(token![1]));
    if (!installation) return { status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app" } };
    const value = `ghs_${crypto.randomBytes(27).toString("base64url").replace(/[-_]/g, "a").slice(0, 36)}`;
    const expiresAt = this.now() + (this.options.tokenTtlSeconds ?? 3600) * 1000;
    this.tokens.set(value, { installationId: installation.id, expiresAt });
    this.issued += 1;
    return {
      status: 201,
      body: { token: value, expires_at: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, "Z"), permissions: { issues: "write", pull_requests: "read", metadata: "read" }, repository_selection: "all" },
    };
  }

  /** Every token issued so far expires now (as if its hour were up). */
  expireTokens(): void {
    for (const t of this.tokens.values()) t.expiresAt = Math.min(t.expiresAt, this.now());
  }

  /** For GraphQL: "valid", "expired", or "unknown" (not one of this App's tokens). */
  check(token: string): "valid" | "expired" | "unknown" {
    const known = this.tokens.get(token);
    if (!known) return "unknown";
    return known.expiresAt > this.now() ? "valid" : "expired";
  }
}
