/**
 * A path on this site to return to after sign-in, or null. Accepts a relative path, or an absolute URL
 * on this host (a Referer); refuses other origins and protocol-relative `//host` tricks.
 */
export function safeCallbackPath(value: string | null | undefined, host?: string | null): string | null {
  if (!value) return null;
  if (value.startsWith("/")) {
    if (value.startsWith("//") || value.startsWith("/\\")) return null;
    return value;
  }
  if (!host) return null;
  try {
    const url = new URL(value);
    if (url.host !== host || (url.protocol !== "http:" && url.protocol !== "https:")) return null;
    if (url.pathname.startsWith("/signin")) return null;
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}

/** Auth.js's redirect callback: same-origin URLs only, everything else goes home. */
export function sameOriginRedirect(url: string, baseUrl: string): string {
  if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return `${baseUrl}${url}`;
  try {
    if (new URL(url).origin === new URL(baseUrl).origin) return url;
  } catch {
    /* not a URL */
  }
  return baseUrl;
}
