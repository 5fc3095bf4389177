import type { NextAuthConfig } from "next-auth";
import { errorText, redact } from "@/lib/security/redact";

/**
 * Auth.js's log, redacted: its default logger prints an error's cause with its details as JSON (the
 * OAuth exchange, adapter queries with tokens in their parameters); this one prints the same lines
 * through `errorText` / `redact`.
 */
/**
 * Errors a request causes, not the server: a callback without its PKCE/state cookie (a stale tab, a probe), a denied
 * consent, a bad CSRF token or callback URL. One line each, no stack: they say nothing about Podium's health.
 */
const REQUEST_ERRORS = new Set(["InvalidCheck", "AccessDenied", "MissingCSRF", "InvalidCallbackUrl", "UnknownAction", "UntrustedHost", "Verification", "OAuthCallbackError"]);

export const authLogger: NonNullable<NextAuthConfig["logger"]> = {
  error(error) {
    const name = (error as { type?: string }).type ?? error.name;
    if (REQUEST_ERRORS.has(name)) {
      console.warn(`[auth][refused] ${name}: ${redact(error.message.split("\n")[0] ?? "").replace(/\s*Read more at \S+$/, "")}`);
      return;
    }
    console.error(`[auth][error] ${name}: ${errorText(error, { stack: true })}`);
    const cause = error.cause;
    if (cause && typeof cause === "object" && "err" in cause) {
      const { err: _err, ...details } = cause as Record<string, unknown>;
      if (Object.keys(details).length > 0) console.error(`[auth][details]: ${redact(JSON.stringify(details))}`);
    }
  },
  warn(code) {
    console.warn(`[auth][warn][${code}] Read more: https://warnings.authjs.dev`);
  },
  debug() {
    // debug is off (Auth.js `debug: false`); nothing is printed
  },
};
