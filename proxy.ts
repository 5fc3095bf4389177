/**
 * Next 16's proxy (formerly middleware): checks that hold for every route at once, before Next routes the
 * request. A path that does not percent-decode gets a 400 naming the segment (Next itself answers 500);
 * on the JSON API a repeated query parameter gets a 400 naming it; a server action from a
 * foreign Origin gets a 403 (Next answers 500 with a digest), by Next's own rule, so nothing Next would
 * accept is refused; a server action over the body limit gets a 413 (Next: 500 again).
 *
 * The matcher keeps the proxy off requests that carry a body, except server actions: Next buffers a body
 * for the proxy (up to `proxyClientMaxBodySize`, see next.config.mjs) and reads it to the end before the
 * route runs, which would defeat the routes' own bounded readers (lib/http/read-body.ts).
 *
 * Rendered pages (#17): a GET of a public page without a session cookie is rewritten to its internal cached route
 * (app/rendered, lib/cache/rendered.ts), keyed by the language and theme the request asks for; the internal paths
 * themselves are not reachable from outside (404).
 */
import { NextResponse, type NextRequest } from "next/server";
import serverActions from "@/lib/http/server-actions.json";
import { readBodyText } from "@/lib/http/read-body";
import { actionOriginRefused, malformedPathReason, repeatedParameter } from "@/lib/http/request-guards";
import { maySignedIn, RENDERED_PREFIX, renderedPath, variantOf } from "@/lib/cache/rendered";
import { LOCALE_COOKIE } from "@/lib/i18n/locale";
import { THEME_COOKIE } from "@/lib/theme";

const isApi = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

function badRequest(api: boolean, reason: string): Response {
  const headers = { "cache-control": "no-store" };
  if (api) return Response.json({ error: reason }, { status: 400, headers });
  return new Response(`Bad request: ${reason}.\n`, { status: 400, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
}

// (An undecodable query value needs no check here: Next re-encodes the query before the proxy sees it.)
function queryProblem(url: URL): string | null {
  const repeated = repeatedParameter(url.searchParams);
  return repeated ? `the query parameter "${repeated.slice(0, 60)}" is given more than once` : null;
}

/**
 * A server action from a foreign Origin gets a 403; one whose body passes serverActions.bodySizeLimit a
 * 413 (Next answers both with a 500). The body is the proxy's copy, which Next cuts at twice the limit.
 */
async function refuseAction(request: NextRequest): Promise<Response | null> {
  const headers = { origin: request.headers.get("origin"), host: request.headers.get("host"), forwardedHost: request.headers.get("x-forwarded-host") };
  if (actionOriginRefused(headers, serverActions.allowedOrigins)) {
    return Response.json({ error: "forbidden: a server action must come from this site's own pages (Origin does not match the host)" }, { status: 403, headers: { "cache-control": "no-store" } });
  }
  const read = await readBodyText(request, serverActions.bodySizeLimit);
  return read.ok ? null : read.response;
}

/** The internal path of the cached page `request` asks for, or null: not such a page, or maybe signed in, or the cache off. */
function renderedRewrite(request: NextRequest, url: URL): URL | null {
  if ((request.method !== "GET" && request.method !== "HEAD") || request.headers.has("next-action")) return null;
  if (process.env.PODIUM_PAGE_CACHE === "off") return null;
  if (maySignedIn(request.cookies.getAll().map((c) => c.name))) return null;
  const variant = variantOf({
    localeCookie: request.cookies.get(LOCALE_COOKIE)?.value,
    themeCookie: request.cookies.get(THEME_COOKIE)?.value,
    acceptLanguage: request.headers.get("accept-language"),
  });
  const internal = renderedPath(url.pathname, url.searchParams, variant);
  // The query stays on the URL (Next's own `_rsc` among it); the page reads only the path.
  return internal ? new URL(`${internal}${url.search}`, request.url) : null;
}

/**
 * Next would send its page cache's lifetime (`s-maxage=3600`): a shared cache in front would then keep a page past
 * the writes that expire it here, and could hand an anonymous page to a signed-in visitor of the same URL (Next
 * sets `Vary` itself, without Cookie). So: kept by no shared cache; a browser may keep it but asks each time (ETag).
 */
const RENDERED_HEADERS = { "cache-control": "private, no-cache" };

const isRendered = (pathname: string) => pathname === RENDERED_PREFIX || pathname.startsWith(`${RENDERED_PREFIX}/`);

export async function proxy(request: NextRequest): Promise<Response> {
  // The raw URL: NextRequest.nextUrl may be normalised; the WHATWG URL keeps percent-escapes as sent.
  const url = new URL(request.url);
  const api = isApi(url.pathname);
  const pathProblem = malformedPathReason(url.pathname);
  if (pathProblem) return badRequest(api, pathProblem);
  // Auth.js owns /api/auth/* and reads its parameters itself.
  if (api && !url.pathname.startsWith("/api/auth/")) {
    const problem = queryProblem(url);
    if (problem) return badRequest(true, problem);
  }
  if (request.method === "POST" && request.headers.has("next-action")) {
    const refused = await refuseAction(request);
    if (refused) return refused;
  }
  if (isRendered(url.pathname)) return new Response("Not found.\n", { status: 404, headers: { "cache-control": "no-store", "content-type": "text/plain; charset=utf-8" } });
  const rendered = renderedRewrite(request, url);
  return rendered ? NextResponse.rewrite(rendered, { headers: RENDERED_HEADERS }) : NextResponse.next();
}

export const config = {
  matcher: [
    // Requests without a body (GET, HEAD, and the like).
    {
      source: "/((?!_next/static/|_next/image).*)",
      missing: [
        { type: "header", key: "content-length" },
        { type: "header", key: "transfer-encoding" },
      ],
    },
    { source: "/((?!_next/static/|_next/image).*)", has: [{ type: "header", key: "content-length", value: "0" }] },
    // Server actions, for the Origin check (their bodies are bounded by serverActions.bodySizeLimit).
    { source: "/((?!_next/static/|_next/image).*)", has: [{ type: "header", key: "next-action" }] },
  ],
};
