import crypto from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { ZFixtureIssue, ZFixturePullRequest, ZFixtureUser, type Fixture } from "@/demo/program/fixture";
import { Faults, ZFaultRequest, type FaultControl, type FaultKind } from "./faults";
import { FakeApp, type FakeAppOptions } from "./app";
import { commentControl } from "./comment-control";
import { WebhookSender, type WebhookTarget } from "./webhooks";
import { avatarSvg } from "./avatar";
import { answerGraphql, rateLimitedBody, type HttpAnswer } from "./graphql";
import { homePage, itemPage, page, repoPage, userPage } from "./html";
import { hashId } from "./ids";
import { BAD_CREDENTIALS, OAuthServer } from "./oauth";
import { RateLimiter } from "./ratelimit";
import { githubSchema } from "./schema";
import { FixtureStore } from "./store";

/** A local fake of GitHub (GraphQL API, OAuth web flow, REST user) over a fixture. Plain `node:http`. */

export type FakeGitHubOptions = {
  fixture: Fixture;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Points per token per hour (default 5000). */
  rateLimit?: number;
  /** Access token → login (the GraphQL `viewer` and the REST `/user`). */
  users?: Record<string, string>;
  /** Refuse GraphQL tokens that are neither in `users` nor issued by the OAuth flow (default: any token works). */
  strictTokens?: boolean;
  /** The authorize page redirects at once as this login (headless sign-in). */
  autoLogin?: string;
  /** Base of the `url` fields (default: the fake's own URL, which serves simple pages for them). */
  webUrl?: string;
  /** Serve avatars itself (`/avatars/<login>.svg`), so an offline demo shows faces. */
  localAvatars?: boolean;
  /** How long a `timeout` fault holds the request before dropping it (default 30 s). */
  timeoutMs?: number;
  /**
   * The secret every `/_fake/*` control request (mutate, faults, reset, touch, stats) presents in the
   * `x-fake-control-token` header. Unset: the control endpoints refuse everyone (403).
   */
  controlToken?: string;
  /** Serve a GitHub App: its installations, installation tokens (verifying the App's JWT), taken by GraphQL. */
  app?: FakeAppOptions;
  /** Send signed webhooks (`issue_comment` for every comment written on the fake) to this URL. */
  webhook?: WebhookTarget;
};

/** The header that carries `controlToken`. */
export const CONTROL_TOKEN_HEADER = "x-fake-control-token";

export type FakeGitHubStats = { requests: number; graphqlRequests: number; cost: number; queries: string[] };

export type FakeGitHub = {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Live: tests may mutate it (appends and replaced arrays are noticed; call `touch()` after in-place edits). */
  fixture: Fixture;
  faults: FaultControl;
  touch(): void;
  stats(): FakeGitHubStats;
  resetStats(): void;
  /** The App side, when `app` was given (tests read the tokens it issued). */
  app: FakeApp | null;
  /** The webhooks it sent (and where it sends them: `webhooks.target`). */
  webhooks: WebhookSender;
};

const ZFakeMutation = z.strictObject({
  users: z.array(ZFixtureUser).max(1000).default([]),
  issues: z.array(ZFixtureIssue).max(1000).default([]),
  pullRequests: z.array(ZFixturePullRequest).max(1000).default([]),
});

/** Queries kept in `stats().queries` (the oldest are dropped beyond this). */
const MAX_RECORDED_QUERIES = 10_000;
const MAX_BODY = 10 * 1024 * 1024;

const json = (status: number, value: unknown, headers: Record<string, string> = {}): HttpAnswer => ({
  status,
  headers: { "content-type": "application/json; charset=utf-8", ...headers },
  body: JSON.stringify(value),
});

function bearer(req: IncomingMessage): string | null {
  const m = /^\s*(?:bearer|token)\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  return m?.[1] ?? null;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > MAX_BODY) throw new Error("request body too large");
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Form-encoded or JSON parameters, plus the query string (GitHub accepts both). */
function params(req: IncomingMessage, body: string, url: URL): Record<string, string> {
  const out: Record<string, string> = Object.fromEntries(url.searchParams);
  if ((req.headers["content-type"] ?? "").includes("json")) {
    try {
      const value: unknown = JSON.parse(body);
      if (typeof value === "object" && value !== null)
        for (const [k, v] of Object.entries(value)) if (typeof v === "string") out[k] = v;
    } catch {
      // not JSON after all: no parameters from the body
    }
  } else Object.assign(out, Object.fromEntries(new URLSearchParams(body)));
  return out;
}

/** 401 without the right control token, 403 when the fake has none; null lets the request through. */
function controlRefusal(req: IncomingMessage, expected: string | undefined): HttpAnswer | null {
  if (!expected) return json(403, { message: "the control endpoints are off (no control token configured)" });
  const given = req.headers[CONTROL_TOKEN_HEADER];
  const a = Buffer.from(typeof given === "string" ? given : "");
  const b = Buffer.from(expected);
  if (a.length === b.length && crypto.timingSafeEqual(a, b)) return null;
  return json(401, { message: `the control endpoints need the ${CONTROL_TOKEN_HEADER} header` });
}

function basicClientId(req: IncomingMessage): string | null {
  const m = /^\s*basic\s+(\S+)/i.exec(req.headers.authorization ?? "");
  if (!m?.[1]) return null;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  return decodeURIComponent(decoded.split(":")[0] ?? "");
}

export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  githubSchema(); // build before listening, not on the first request
  const host = options.host ?? "127.0.0.1";
  const limiter = new RateLimiter(options.rateLimit ?? 5000);
  const faults = new Faults((n) => limiter.setRemaining(n));
  const held = new Set<{ timer: NodeJS.Timeout; res: ServerResponse }>();
  let stats: FakeGitHubStats = { requests: 0, graphqlRequests: 0, cost: 0, queries: [] };

  // eslint-disable-next-line prefer-const -- assigned once the port is known
  let fake: FakeGitHub;
  const store = new FixtureStore(() => fake.fixture);
  const oauth = new OAuthServer(store, options.autoLogin);
  const app = options.app ? new FakeApp(options.app) : null;
  const loginFor = (token: string | null): string | undefined =>
    token === null ? undefined : (oauth.tokens.get(token) ?? options.users?.[token]);
  const webUrl = () => options.webUrl?.replace(/\/$/, "") ?? fake.url;
  const webhooks = new WebhookSender(options.webhook ?? null, store);

  function faultAnswer(kind: Exclude<FaultKind, "timeout">, viewerId: number): HttpAnswer {
    if (kind === "502")
      return { status: 502, headers: { "content-type": "text/html" },
        body: "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n" };
    if (kind === "secondary")
      return json(403, {
        message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
        documentation_url: "https://docs.github.com/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api#secondary-rate-limits",
      }, { "retry-after": "1" });
    const limit = String(limiter.limit);
    return json(200, rateLimitedBody(viewerId), {
      "x-ratelimit-limit": limit, "x-ratelimit-remaining": "0", "x-ratelimit-used": limit,
      "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + 2), "x-ratelimit-resource": "graphql",
    });
  }

  async function graphql(req: IncomingMessage, body: string, res: ServerResponse): Promise<HttpAnswer | null> {
    stats.graphqlRequests += 1;
    const token = bearer(req);
    const known = loginFor(token);
    const login = known ?? fake.fixture.admins[0] ?? fake.fixture.demoIdentities[0]?.login ?? "fake-viewer";
    const viewer = { login, databaseId: store.user(login)?.databaseId ?? hashId(`user:${login.toLowerCase()}`) };
    const fault = faults.take();
    if (fault === "timeout") {
      const entry = { res, timer: setTimeout(() => { held.delete(entry); res.destroy(); }, options.timeoutMs ?? 30_000) };
      held.add(entry);
      return null;
    }
    if (fault !== undefined) return faultAnswer(fault, viewer.databaseId);
    if (token === null)
      return json(401, req.headers.authorization === undefined
        ? { message: "This endpoint requires you to be authenticated.", documentation_url: "https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql" }
        : { ...BAD_CREDENTIALS, documentation_url: "https://docs.github.com/graphql" });
    const appToken = app && token ? app.check(token) : "unknown";
    if (appToken === "expired") return json(401, { ...BAD_CREDENTIALS, documentation_url: "https://docs.github.com/graphql" });
    if (options.strictTokens === true && known === undefined && appToken !== "valid") return json(401, { ...BAD_CREDENTIALS, documentation_url: "https://docs.github.com/graphql" });
    return answerGraphql(body, token, {
      store, limiter, webUrl: webUrl(), viewer, localAvatars: options.localAvatars,
      onQuery(query) {
        stats.queries.push(query);
        if (stats.queries.length > MAX_RECORDED_QUERIES) stats.queries.shift();
      },
      onCost(cost) {
        stats.cost += cost;
      },
      // GitHub tells the webhook of a comment the bot wrote, too (the receiver must know its own comments).
      onComment(done) {
        void webhooks.send("issue_comment", webhooks.commentPayload(done.item, done.comment, webUrl()));
      },
    });
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<HttpAnswer | null> {
    const url = new URL(req.url ?? "/", "http://fake.invalid");
    const path = url.pathname.replace(/\/+$/, "") || "/";
    const method = req.method ?? "GET";
    const body = method === "GET" || method === "HEAD" ? "" : await readBody(req);
    if (path.startsWith("/_fake/")) {
      const refused = controlRefusal(req, options.controlToken);
      if (refused) return refused;
      if (path === "/_fake/stats" && method === "GET") return json(200, stats);
      if (path === "/_fake/faults" && method === "POST") {
        let input: unknown = null;
        try {
          input = body === "" ? {} : JSON.parse(body);
        } catch {
          return json(400, { error: "the body is not JSON" });
        }
        const parsed = ZFaultRequest.safeParse(input);
        if (!parsed.success) return json(400, { error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
        faults.apply(parsed.data);
        return json(200, { pending: faults.pending() });
      }
      if (path === "/_fake/reset" && method === "POST") {
        fake.resetStats();
        faults.clear();
        limiter.reset();
        return json(200, { ok: true });
      }
      if (path === "/_fake/mutate" && method === "POST") {
        // Tests and demos add GitHub activity (new issues, merged PRs) to a running fake.
        let input: unknown = null;
        try {
          input = JSON.parse(body);
        } catch {
          return json(400, { error: "the body is not JSON" });
        }
        const parsed = ZFakeMutation.safeParse(input);
        if (!parsed.success) return json(400, { error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
        fake.fixture.users.push(...parsed.data.users);
        fake.fixture.issues.push(...parsed.data.issues);
        fake.fixture.pullRequests.push(...parsed.data.pullRequests);
        store.touch();
        return json(200, { ok: true, issues: parsed.data.issues.length, pullRequests: parsed.data.pullRequests.length });
      }
      const commented = await commentControl({ method, path, url, body }, { store, webhooks, webUrl: webUrl() });
      if (commented) return commented;
      if (path === "/_fake/touch" && method === "POST") {
        store.touch();
        return json(200, { ok: true });
      }
      return json(404, { message: "Not Found" });
    }
    stats.requests += 1;
    if (method === "POST" && (path === "/graphql" || path === "/api/graphql")) return graphql(req, body, res);
    if (path === "/login/oauth/authorize" && method === "GET") return oauth.authorizeGet(url.searchParams);
    if (path === "/login/oauth/authorize" && method === "POST") return oauth.authorizePost(params(req, body, url));
    if (path === "/login/oauth/access_token" && method === "POST")
      return oauth.accessToken(params(req, body, url), req.headers.accept ?? "", basicClientId(req));
    const appAnswer = app?.answer(method, path.replace(/^\/api\/v3(?=\/)/, ""), req.headers.authorization);
    if (appAnswer) return json(appAnswer.status, appAnswer.body);
    const rest = /^(?:\/api\/v3)?\/user(\/emails)?$/.exec(path);
    if (rest && method === "GET") return oauth.restUser(loginFor(bearer(req)), rest[1] !== undefined, webUrl(), options.localAvatars);
    const avatar = /^\/avatars\/([^/]{1,60})\.svg$/.exec(path);
    if (avatar && method === "GET") return avatarSvg(decodeURIComponent(avatar[1]!));
    if (method === "GET" || method === "HEAD") {
      if (path === "/") return homePage(fake.fixture);
      const item = /^\/([^/]+\/[^/]+)\/(issues|pull)\/(\d+)$/.exec(path);
      const answer = item?.[1] && (item[2] === "issues" || item[2] === "pull")
        ? itemPage(store, item[1], item[2], Number(item[3]))
        : /^\/[^/]+\/[^/]+$/.test(path) ? repoPage(store, path.slice(1))
          : /^\/[^/]+$/.test(path) ? userPage(store, decodeURIComponent(path.slice(1))) : null;
      if (answer !== null) return answer;
      if (!path.startsWith("/api/")) return page("Not Found", "<h1>Not Found</h1>", 404);
    }
    return json(404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" });
  }

  const server = createServer((req, res) => {
    route(req, res).then(
      (answer) => {
        if (answer === null) return; // held by a timeout fault
        res.writeHead(answer.status, answer.headers);
        res.end(req.method === "HEAD" ? undefined : answer.body);
      },
      (error: unknown) => {
        if (res.headersSent) return res.destroy();
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: error instanceof Error ? error.message : String(error) }));
      },
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  fake = {
    url: `http://${urlHost}:${port}`,
    port,
    fixture: options.fixture,
    faults,
    app,
    webhooks,
    touch: () => store.touch(),
    stats: () => ({ ...stats, queries: [...stats.queries] }),
    resetStats() {
      stats = { requests: 0, graphqlRequests: 0, cost: 0, queries: [] };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const h of held) {
          clearTimeout(h.timer);
          h.res.destroy();
        }
        held.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
  return fake;
}
