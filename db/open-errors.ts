/**
 * One-line, printable reasons for a database that cannot be opened: no stack, no SQL text (drizzle's
 * "Failed query: …" wraps the driver's error, whose own message is used), no connection password.
 */
const MAX = 200;

function firstLine(text: string): string {
  const line = text.split("\n")[0]?.trim() ?? "";
  return line.length > MAX ? `${line.slice(0, MAX)}…` : line;
}

/** The driver's reason for a failure (a PostgreSQL message and SQLSTATE, a system error code, …). */
export function reasonOf(error: unknown): string {
  let e = error as { message?: unknown; cause?: unknown; code?: unknown; errno?: unknown; name?: unknown } | null;
  // drizzle: "Failed query: <sql>\nparams: …", the driver's error as the cause.
  for (let i = 0; i < 5 && e && typeof e.message === "string" && /^Failed query/i.test(e.message) && e.cause; i++) {
    e = e.cause as typeof e;
  }
  if (!e || typeof e !== "object") return firstLine(String(error));
  const message = typeof e.message === "string" && !/^Failed query/i.test(e.message) ? firstLine(e.message) : "";
  const code = typeof e.code === "string" ? e.code : typeof e.errno === "number" ? `errno ${e.errno}` : "";
  if (message && code && !message.includes(code)) return `${message} (${code})`;
  return message || code || (typeof e.name === "string" ? e.name : "unknown error");
}

/** A connection string without its password: postgres://user:***@host:port/db. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    u.search = "";
    return u.toString();
  } catch {
    return "(an unparsable DATABASE_URL)";
  }
}

/** Replaces each secret's occurrences in a text (a password echoed back by a driver, say). */
export function withoutSecrets(text: string, secrets: (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join("***");
  return out;
}

/** The password of a connection string, to be kept out of messages. */
export function urlPassword(url: string): string | undefined {
  try {
    const p = new URL(url).password;
    return p ? decodeURIComponent(p) : undefined;
  } catch {
    return undefined;
  }
}
