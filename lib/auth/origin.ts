import { forwardedHost } from "@/lib/security/trusted-proxies";

/**
 * The origin the browser sees, for Auth.js: `AUTH_URL`'s when set; else the request's own, from
 * `X-Forwarded-Host/-Proto` (which Podium's server edge keeps only from a trusted proxy, and which Next
 * otherwise fills in from the Host header and the socket). Null when the host is not a plausible one.
 */
export function publicOrigin(headers: Headers, authUrl: string | undefined): string | null {
  if (authUrl) return new URL(authUrl).origin;
  const host = forwardedHost(headers.get("x-forwarded-host") ?? headers.get("host") ?? undefined);
  if (!host) return null;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https" ? "https" : "http";
  return `${proto}://${host}`;
}

/**
 * A request URL on the public origin. Next builds a route handler's `request.url` from its own listening
 * address (`http://localhost:PORT`) whatever the Host, while Auth.js's sign-in action builds the OAuth
 * redirect_uri from the Host: from `http://127.0.0.1:PORT` (or behind a proxy) the two differed, the token
 * exchange was refused, and sign-in ended in `error=Configuration`.
 */
export function onPublicOrigin(url: string, origin: string | null): string {
  if (!origin) return url;
  const u = new URL(url);
  return `${origin}${u.pathname}${u.search}`;
}
