/**
 * Checks every request passes through in proxy.ts before Next routes it: pure functions of the URL and
 * headers, so each is unit-tested on its own.
 */

/** Why the path cannot be decoded (e.g. `%E0%A4%A`, `%ZZ`, a lone `%`), or null when every segment decodes. */
export function malformedPathReason(rawPathname: string): string | null {
  for (const segment of rawPathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return `malformed percent-encoding in the path segment "${segment.slice(0, 60)}"`;
    }
  }
  return null;
}

/** The first query parameter given more than once (`?limit=1&limit=2`), or null. */
export function repeatedParameter(params: URLSearchParams): string | null {
  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (seen.has(key)) return key;
    seen.add(key);
  }
  return null;
}

/** A host pattern of `serverActions.allowedOrigins`: `*` stands for one label, a leading `**` for one or more. */
function matchesPattern(host: string, pattern: string): boolean {
  const hostParts = host.split(".");
  const patternParts = pattern.split(".");
  if (patternParts.length === 1 && (pattern === "*" || pattern === "**")) return false;
  while (patternParts.length > 0) {
    const p = patternParts.pop()!;
    const h = hostParts.pop();
    if (p === "") return false;
    if (p === "**") return patternParts.length === 0 && h !== undefined;
    if (p === "*") {
      if (!h) return false;
    } else if (p !== h) return false;
  }
  return hostParts.length === 0;
}

const lower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Next's rule (`isCsrfOriginAllowed`): the Origin's host equals, or matches, an entry of allowedOrigins. */
export function originAllowedByList(originHost: string, allowedOrigins: readonly string[]): boolean {
  const origin = lower(originHost);
  return allowedOrigins.some((entry) => entry !== "" && (lower(entry) === origin || matchesPattern(origin, lower(entry))));
}

export type ActionOriginHeaders = { origin: string | null; host: string | null; forwardedHost: string | null };

/**
 * Whether Next would refuse this server action as cross-site (its action handler's rule, replicated so the
 * refusal can be a 403 instead of Next's 500): no Origin passes (not a browser's request; the session
 * decides); otherwise the Origin's host must equal the first X-Forwarded-Host, or else the Host, or be
 * allowed by `serverActions.allowedOrigins`. An Origin that is not a URL is refused (Next fails on it too).
 */
export function actionOriginRefused(headers: ActionOriginHeaders, allowedOrigins: readonly string[]): boolean {
  if (headers.origin === null) return false;
  let originHost: string;
  if (headers.origin === "null") originHost = "null";
  else {
    try {
      originHost = new URL(headers.origin).host;
    } catch {
      return true;
    }
  }
  const forwarded = headers.forwardedHost?.split(",")[0]?.trim();
  const host = forwarded || headers.host;
  if (host && originHost === host) return false;
  return !originAllowedByList(originHost, allowedOrigins);
}
