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
    const demo = !env.AUTH_GITHUB_ID && !env.GITHUB_TOKEN;
    if (!demo && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required outside demo mode (e.g. `openssl rand -base64 33`)" });
    }
  });

export type Env = z.infer<typeof ZEnv> & {
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
};

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
  return {
    ...env,
    demo: !env.AUTH_GITHUB_ID && !env.GITHUB_TOKEN,
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
