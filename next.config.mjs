import fs from "node:fs";
import { URL, fileURLToPath } from "node:url";
import createNextIntlPlugin from "next-intl/plugin";

/** Shared with proxy.ts, so its Origin check and Next's agree. */
const serverActions = JSON.parse(fs.readFileSync(new URL("./lib/http/server-actions.json", import.meta.url), "utf8"));

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "graphql", "@octokit/graphql-schema"],
  poweredByHeader: false,
  reactStrictMode: true,
  // Public pages read their data through "use cache" functions (lib/queries/cached), not whole cached pages:
  // `cacheComponents` would make every page that reads the session a Suspense boundary. The handler is Next's
  // own in-memory one, whose tags PostgreSQL notifications from other processes also expire (lib/cache/listener.ts).
  cacheHandlers: { default: fileURLToPath(new URL("./lib/cache/next-cache-handler.mjs", import.meta.url)) },
  experimental: {
    useCache: true,
    // The rendered public pages (app/rendered, ISR) are kept in this process's memory only, like the "use cache"
    // entries: each process expires them on the notifications it hears, and none reads another's (or a previous
    // run's) page from .next after a write it has not heard of.
    isrFlushToDisk: false,
    serverActions: { bodySizeLimit: serverActions.bodySizeLimit, allowedOrigins: serverActions.allowedOrigins },
    // The proxy sees server-action bodies (see proxy.ts): Next buffers up to this much of one for it and
    // silently cuts the rest, so this is kept above the action limit, and a cut body is still refused by it.
    proxyClientMaxBodySize: 2 * serverActions.bodySizeLimit,
  },
};

// next-intl without i18n routing: i18n/request.ts picks each request's language (no locale in the URL).
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

export default withNextIntl(nextConfig);
