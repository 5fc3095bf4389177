/**
 * Secrets never reach a log, an error message, a page or the sync history: every place that turns an
 * error into text goes through `redact` / `errorText`, which blank out
 * - the configured secrets (`GITHUB_TOKEN`, `AUTH_SECRET`, `AUTH_GITHUB_SECRET`, `GITHUB_WEBHOOK_SECRET`,
 *   `GITHUB_APP_PRIVATE_KEY`) and the ones this process generated (`registerSecret`);
 * - anything shaped like a GitHub token (`ghp_…`, `gho_…` OAuth access tokens, `github_pat_…`), a private
 *   key, a credential header (`authorization: bearer …`, the CLI's and the fake GitHub's token headers),
 *   a credential in a URL (`access_token=…`, `user:password@`);
 * - the bound parameters of a failed SQL query (drizzle puts them in its error message: session tokens,
 *   OAuth tokens on their way into the database).
 */

export const REDACTED = "[redacted]";

const SECRET_VARIABLES = ["GITHUB_TOKEN", "AUTH_SECRET", "AUTH_GITHUB_SECRET", "GITHUB_WEBHOOK_SECRET", "GITHUB_APP_PRIVATE_KEY"] as const;
/** Shorter values are not replaced literally (they would blank out ordinary words); the patterns still apply. */
const MIN_LITERAL = 8;

const g = globalThis as unknown as { __podiumSecrets?: Set<string> };
const registered = () => (g.__podiumSecrets ??= new Set<string>());

/** A secret this process made up (a generated key, a token handed to the CLI): redacted from now on. */
export function registerSecret(value: string | undefined | null): void {
  if (value && value.trim().length >= MIN_LITERAL) registered().add(value.trim());
}

/** The secrets to blank out: the configured ones (read raw, so even an invalid value is hidden) and the registered ones. */
export function configuredSecrets(source: Record<string, string | undefined> = process.env): string[] {
  const values = SECRET_VARIABLES.map((name) => source[name]?.trim() ?? "").filter((v) => v.length >= MIN_LITERAL);
  return [...values, ...registered()];
}

const PATTERNS: [RegExp, string][] = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, REDACTED],
  [/\b(?:gh[pousr]_[A-Za-z0-9_-]{16,}|github_pat_[A-Za-z0-9_]{20,})/g, REDACTED],
  [/\b(authorization|proxy-authorization|x-podium-cli-token|x-fake-control-token)(["']?\s*[:=]\s*["']?)(?:(?:bearer|token|basic)\s+)?[^\s"',;}]+/gi, `$1$2${REDACTED}`],
  [/\b(bearer|token)\s+[A-Za-z0-9._~+/=-]{16,}/gi, `$1 ${REDACTED}`],
  [/([?&#](?:access_token|refresh_token|client_secret|code|token|password)=)[^&\s"']+/gi, `$1${REDACTED}`],
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:)[^/\s@]+@/gi, `$1${REDACTED}@`],
  [/(\bFailed query: [\s\S]*?\n\s*params: )[^\n]*/g, `$1${REDACTED}`],
];

/** The text with every secret and credential-shaped string replaced by `[redacted]`. */
export function redact(text: string, secrets: readonly string[] = configuredSecrets()): string {
  let out = text;
  // Longest first, so a secret containing another is blanked whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length >= MIN_LITERAL) out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/**
 * An error as one redacted text for a log or a stored row: its message and the messages of its causes
 * (`fetch failed (cause: connect ECONNREFUSED …)`), with the stack when asked (server logs only).
 * Never the error's other properties (a failed query's params, a request's headers).
 */
export function errorText(error: unknown, options: { stack?: boolean; secrets?: readonly string[] } = {}): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (current instanceof Error) {
      const message = ownMessage(current);
      parts.push(depth === 0 && options.stack && current.stack ? current.stack.replace(current.message, message) : message);
      current = current.cause ?? (current as { err?: unknown }).err;
    } else if (typeof current === "object" && current !== null && "err" in current) {
      current = (current as { err?: unknown }).err; // Auth.js wraps causes as `{ err }`
    } else {
      parts.push(typeof current === "string" ? current : safeString(current));
      current = undefined;
    }
  }
  const [first = "unknown error", ...causes] = parts;
  return redact(causes.reduce((text, cause) => `${text}\n  (cause: ${cause})`, first), options.secrets ?? configuredSecrets());
}

/** A failed query's message without its bound parameters (drizzle's `DrizzleQueryError` lists them). */
function ownMessage(error: Error): string {
  const { query } = error as { query?: unknown };
  if (typeof query === "string" && "params" in error) return `Failed query: ${query}\nparams: ${REDACTED}`;
  return error.message || error.name;
}

function safeString(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
