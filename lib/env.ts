import fs from "node:fs";
import crypto from "node:crypto";
import os from "node:os";
import { z } from "zod";
import { parseTrustedProxies, type TrustedProxies } from "./security/trusted-proxies";
import { formatPath } from "./util/zod-errors";

const emptyAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const url = (what: string) =>
  z.preprocess(emptyAsUndefined, z.url({ error: `expected ${what} (an http(s) URL)`, protocol: /^https?$/ }).optional());

/** A credential sent in an HTTP header: one line, no spaces (a pasted line break would otherwise be quoted in fetch's error). */
const credential = z.preprocess(
  (v) => (typeof v === "string" ? emptyAsUndefined(v.trim()) : v),
  z.string().regex(/^[\x21-\x7e]+$/, { error: "expected one line of printable characters without spaces (check for a pasted line break)" }).optional(),
);

const perMinute = z.preprocess(
  emptyAsUndefined,
  z.coerce.number({ error: "expected requests per minute (0: no limit)" }).int({ error: "expected a whole number of requests per minute" }).min(0, { error: "expected requests per minute (0: no limit)" }).optional(),
);

const WORKERS_ERROR = "expected auto or a whole number of server processes from 1 to 64";

export const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).optional(),
    PORT: z.preprocess(
      emptyAsUndefined,
      z.coerce.number({ error: "expected a port number" }).int().min(1).max(65535).optional(),
    ),
    DATABASE_URL: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^postgres(ql)?:\/\/.+/, { error: "expected a postgres:// connection string" })
        .optional(),
    ),
    PGLITE_DIR: optionalString,
    AUTH_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, { error: "expected at least 32 characters" }).optional()),
    AUTH_URL: z.preprocess(
      emptyAsUndefined,
      z
        .url({ error: "expected the public base URL (an http(s) URL, e.g. https://podium.example.org)", protocol: /^https?$/ })
        .refine((u) => !/[?#]/.test(u), { error: "expected a base URL without a query or fragment" })
        .optional(),
    ),
    AUTH_GITHUB_ID: optionalString,
    AUTH_GITHUB_SECRET: credential,
    GITHUB_TOKEN: credential,
    GITHUB_URL: url("the GitHub web base"),
    GITHUB_API_URL: url("the GitHub REST base"),
    GITHUB_GRAPHQL_URL: url("the GitHub GraphQL endpoint"),
    GITHUB_WEBHOOK_SECRET: z.preprocess(emptyAsUndefined, z.string().min(16, { error: "expected at least 16 characters" }).optional()),
    PODIUM_SYNC_INTERVAL_SECONDS: z.preprocess(
      emptyAsUndefined,
      z.coerce.number({ error: "expected a number of seconds (0: off)" }).int({ error: "expected a whole number of seconds (0: off)" }).min(0, { error: "expected a number of seconds (0: off)" }).optional(),
    ),
    GITHUB_APP_ID: z.preprocess(emptyAsUndefined, z.string().regex(/^\s*[1-9][0-9]{0,11}\s*$/, { error: "expected the App's numeric id (its settings page: App ID)" }).optional()),
    GITHUB_APP_PRIVATE_KEY: optionalString,
    GITHUB_APP_PRIVATE_KEY_FILE: optionalString,
    GITHUB_APP_INSTALLATION_ID: z.preprocess(emptyAsUndefined, z.string().regex(/^\s*[1-9][0-9]{0,15}\s*$/, { error: "expected a numeric installation id" }).optional()),
    PODIUM_BOT_COMMENTS: z.preprocess(emptyAsUndefined, z.enum(["off", "commands", "all"], { error: "expected off, commands or all" }).optional()),
    PODIUM_PAGE_CACHE: z.preprocess(emptyAsUndefined, z.enum(["on", "off"], { error: "expected on or off" }).optional()),
    PODIUM_WORKERS: z.preprocess(
      emptyAsUndefined,
      z.union([z.literal("auto"), z.coerce.number({ error: WORKERS_ERROR }).int({ error: WORKERS_ERROR }).min(1, { error: WORKERS_ERROR }).max(64, { error: WORKERS_ERROR })], { error: WORKERS_ERROR }).optional(),
    ),
    PODIUM_RATE_LIMIT_SIGNIN: perMinute,
    PODIUM_RATE_LIMIT_WEBHOOK: perMinute,
    PODIUM_WEBHOOK_MAX_AGE_HOURS: z.preprocess(
      emptyAsUndefined,
      z.coerce.number({ error: "expected a number of hours (0: no bound)" }).min(0, { error: "expected a number of hours (0: no bound)" }).optional(),
    ),
    PODIUM_TRUSTED_PROXIES: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .superRefine((value, ctx) => {
          try {
            parseTrustedProxies(value);
          } catch (e) {
            ctx.addIssue({ code: "custom", message: `expected comma-separated IP addresses or CIDRs: ${(e as Error).message}` });
          }
        })
        .optional(),
    ),
    PODIUM_ADMINS: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^\s*[A-Za-z0-9-]+(\s*,\s*[A-Za-z0-9-]+)*\s*,?\s*$/, { error: "expected comma-separated GitHub logins" })
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.AUTH_GITHUB_ID) !== Boolean(env.AUTH_GITHUB_SECRET)) {
      const missing = env.AUTH_GITHUB_ID ? "AUTH_GITHUB_SECRET" : "AUTH_GITHUB_ID";
      ctx.addIssue({ code: "custom", path: [missing], message: "must be set together with the other AUTH_GITHUB_* variable" });
    }
    checkGitHubApp(env, ctx);
    const demo = !env.AUTH_GITHUB_ID && !env.GITHUB_TOKEN && !env.GITHUB_APP_ID;
    if (!demo && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required outside demo mode (e.g. `openssl rand -base64 33`)" });
    }
    if (typeof env.PODIUM_WORKERS === "number" && env.PODIUM_WORKERS > 1) {
      if (!env.DATABASE_URL) ctx.addIssue({ code: "custom", path: ["PODIUM_WORKERS"], message: "above 1 needs DATABASE_URL (PostgreSQL): the embedded database allows one process" });
      else if (demo) ctx.addIssue({ code: "custom", path: ["PODIUM_WORKERS"], message: "above 1 is not for demo mode (each process would seed the demo and start its own fake GitHub)" });
    }
  });

type RawEnv = z.infer<typeof ZEnv>;

/** The App's private key: the PEM itself (a one-line `\\n`-escaped copy is accepted) or read from its file. */
function appPrivateKey(env: RawEnv): { pem?: string; problem?: [string, string] } {
  let pem = env.GITHUB_APP_PRIVATE_KEY?.replace(/\\n/g, "\n").trim();
  if (env.GITHUB_APP_PRIVATE_KEY_FILE) {
    try {
      pem = fs.readFileSync(env.GITHUB_APP_PRIVATE_KEY_FILE, "utf8").trim();
    } catch (e) {
      return { problem: ["GITHUB_APP_PRIVATE_KEY_FILE", `cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"}): expected the path of the App's .pem file`] };
    }
  }
  if (!pem) return {};
  try {
    crypto.createPrivateKey(pem);
  } catch {
    const name = env.GITHUB_APP_PRIVATE_KEY_FILE ? "GITHUB_APP_PRIVATE_KEY_FILE" : "GITHUB_APP_PRIVATE_KEY";
    return { problem: [name, "is not a PEM private key (expected the .pem file GitHub generated for the App, -----BEGIN RSA PRIVATE KEY----- …)"] };
  }
  return { pem };
}

function checkGitHubApp(env: RawEnv, ctx: z.RefinementCtx): void {
  const keySet = Boolean(env.GITHUB_APP_PRIVATE_KEY || env.GITHUB_APP_PRIVATE_KEY_FILE);
  if (env.GITHUB_APP_PRIVATE_KEY && env.GITHUB_APP_PRIVATE_KEY_FILE)
    ctx.addIssue({ code: "custom", path: ["GITHUB_APP_PRIVATE_KEY_FILE"], message: "must not be set together with GITHUB_APP_PRIVATE_KEY (set one of them)" });
  if (env.GITHUB_APP_ID && !keySet)
    ctx.addIssue({ code: "custom", path: ["GITHUB_APP_PRIVATE_KEY"], message: "is required with GITHUB_APP_ID (the App's private key, or its file in GITHUB_APP_PRIVATE_KEY_FILE)" });
  if (!env.GITHUB_APP_ID && (keySet || env.GITHUB_APP_INSTALLATION_ID))
    ctx.addIssue({ code: "custom", path: ["GITHUB_APP_ID"], message: "is required with the other GITHUB_APP_* variables" });
  const problem = keySet ? appPrivateKey(env).problem : undefined;
  if (problem) ctx.addIssue({ code: "custom", path: [problem[0]], message: problem[1] });
}

export type GitHubAppConfig = { appId: number; privateKey: string; installationId: number | null };

export type Env = RawEnv & {
  /** No GitHub credentials: the built-in fake GitHub serves a demo program. */
  demo: boolean;
  admins: string[];
  githubUrl: string;
  githubApiUrl: string;
  githubGraphqlUrl: string;
  /** Requests a minute per client (0: unlimited). */
  rateLimitSignIn: number;
  rateLimitWebhook: number;
  /** Webhook deliveries describing events older than this are refused (0: no bound). */
  webhookMaxAgeMs: number;
  /** Peers whose `X-Forwarded-*` headers are believed (none by default). */
  trustedProxies: TrustedProxies;
  /** Seconds between scheduled imports (0: off; demo mode: off unless set). */
  syncIntervalSeconds: number;
  /** Authenticate to GitHub as this App (installation tokens) instead of `GITHUB_TOKEN`. */
  githubApp: GitHubAppConfig | null;
  /** What the bot says on GitHub: `commands` by default when Podium can write (a token, an App, the demo's fake). */
  botComments: "off" | "commands" | "all";
  /** The base of links the bot writes (profiles): `AUTH_URL`, else this server's local address. */
  publicUrl: string;
  /** Public pages read their data through Next's cache (`lib/queries/cached`); `PODIUM_PAGE_CACHE=off` reads it every request. */
  pageCache: boolean;
  /** Server processes sharing the port (scripts/server.ts, node:cluster); `auto`: one per core, with PostgreSQL outside demo mode. */
  workers: number;
};

/**
 * How many server processes `PODIUM_WORKERS` asks for: a number as given (checked above), `auto` one per core the
 * process may use, but one with the embedded database or in demo mode, where a second process cannot run.
 */
export function workerCount(value: "auto" | number | undefined, where: { postgres: boolean; demo: boolean }, cores = os.availableParallelism()): number {
  if (value === undefined) return 1;
  if (value !== "auto") return value;
  return where.postgres && !where.demo ? Math.max(1, Math.min(64, cores)) : 1;
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses the environment; throws an `EnvError` naming each wrong or missing variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) throw new EnvError(parsed.error.issues.map((i) => `${formatPath(i.path)} ${i.message}`));
  const env = parsed.data;
  const demo = !env.AUTH_GITHUB_ID && !env.GITHUB_TOKEN && !env.GITHUB_APP_ID;
  const key = env.GITHUB_APP_ID ? appPrivateKey(env).pem : undefined;
  return {
    ...env,
    demo,
    syncIntervalSeconds: env.PODIUM_SYNC_INTERVAL_SECONDS ?? (demo ? 0 : 900),
    botComments: env.PODIUM_BOT_COMMENTS ?? (demo || env.GITHUB_TOKEN || env.GITHUB_APP_ID ? "commands" : "off"),
    pageCache: env.PODIUM_PAGE_CACHE !== "off",
    workers: workerCount(env.PODIUM_WORKERS, { postgres: Boolean(env.DATABASE_URL), demo }),
    publicUrl: (env.AUTH_URL ?? `http://localhost:${source.PORT ?? "3000"}`).replace(/\/$/, ""),
    githubApp: env.GITHUB_APP_ID && key
      ? { appId: Number(env.GITHUB_APP_ID), privateKey: key, installationId: env.GITHUB_APP_INSTALLATION_ID ? Number(env.GITHUB_APP_INSTALLATION_ID) : null }
      : null,
    admins: (env.PODIUM_ADMINS ?? "")
      .split(",")
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
    githubUrl: env.GITHUB_URL ?? "https://github.com",
    githubApiUrl: env.GITHUB_API_URL ?? "https://api.github.com",
    githubGraphqlUrl: env.GITHUB_GRAPHQL_URL ?? "https://api.github.com/graphql",
    rateLimitSignIn: env.PODIUM_RATE_LIMIT_SIGNIN ?? 30,
    rateLimitWebhook: env.PODIUM_RATE_LIMIT_WEBHOOK ?? 600,
    webhookMaxAgeMs: (env.PODIUM_WEBHOOK_MAX_AGE_HOURS ?? 72) * 3_600_000,
    trustedProxies: parseTrustedProxies(env.PODIUM_TRUSTED_PROXIES),
  };
}

let cached: Env | undefined;
/** The validated environment of this process (parsed once). */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
