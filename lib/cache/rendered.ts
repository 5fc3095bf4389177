/**
 * Rendered public pages (#17): an anonymous request for a public page is served from Next's own page cache
 * (ISR) instead of being rendered per request. proxy.ts rewrites it to an internal route, `/rendered/<variant>/…`,
 * whose output Next caches per path and expires by the same tags as the data (lib/cache/tags.ts). The variant is
 * all a request without a session can change in the page: its language and its theme. The URL the user sees stays
 * the contract's. Pure: the request's parts come in, a path goes out.
 */
import { fromAcceptLanguage, parseLocale, type Locale } from "@/lib/i18n/locale";
import { parseTheme, type Theme } from "@/lib/theme";

/** The internal routes' prefix (app/rendered); refused from outside by proxy.ts. */
export const RENDERED_PREFIX = "/rendered";

/**
 * What an anonymous page depends on. `locale: "auto"` when neither the switcher's cookie nor `Accept-Language`
 * names one of ours: the page then takes the current season's language, else English, as it is rendered (the
 * locale order of lib/i18n/locale.ts; an anonymous request has no stored choice). `theme: "system"`: no choice.
 */
export type Variant = { locale: Locale | "auto"; theme: Theme | "system" };

export function variantOf(parts: { localeCookie?: string | null; themeCookie?: string | null; acceptLanguage?: string | null }): Variant {
  return {
    locale: parseLocale(parts.localeCookie) ?? fromAcceptLanguage(parts.acceptLanguage) ?? "auto",
    theme: parseTheme(parts.themeCookie) ?? "system",
  };
}

/** The variant as one path segment: `zh-CN.dark`, `auto.system`. */
export function variantSegment(v: Variant): string {
  return `${v.locale}.${v.theme}`;
}

export function parseVariantSegment(segment: string): Variant | null {
  const [locale = "", theme = "", ...rest] = segment.split(".");
  if (rest.length > 0) return null;
  const l = locale === "auto" ? "auto" : locale === parseLocale(locale) ? parseLocale(locale) : null;
  const t = theme === "system" ? "system" : parseTheme(theme);
  return l && t ? { locale: l, theme: t } : null;
}

/**
 * Whether the request may be signed in: any Auth.js session cookie (`authjs.session-token`, its `__Secure-` form,
 * chunks `.0`, `.1`). Such a request keeps the per-request page, whether or not the session is still valid.
 */
export function maySignedIn(cookieNames: readonly string[]): boolean {
  return cookieNames.some((n) => /^(__Secure-|__Host-)?authjs\.session-token(\.\d+)?$/.test(n));
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
const REPO = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;
const MAX_PAGE = 100_000;

/** The ranking page's query as the page reads it (app/seasons/[slug]/page.tsx): anything else is ignored there. */
export type RankingQuery = { page: number; view: "individuals" | "teams"; repo: string | undefined };

/** One value of a parameter, as the page reads it: a repeated or missing one is no value. */
function single(search: URLSearchParams, name: string): string | undefined {
  const all = search.getAll(name);
  return all.length === 1 ? all[0] : undefined;
}

export function rankingQuery(search: URLSearchParams): RankingQuery {
  const rawPage = single(search, "page");
  const n = rawPage === undefined || rawPage.trim() === "" ? NaN : Number(rawPage);
  const page = Number.isInteger(n) && n >= 1 && n <= MAX_PAGE ? n : 1;
  const rawView = single(search, "view");
  const repo = single(search, "repo");
  return { page, view: rawView === "teams" ? "teams" : "individuals", repo: repo !== undefined && REPO.test(repo) ? repo : undefined };
}

/** The repository filter as a path segment (`owner~name`; `all` for none: a repository always has a slash). */
export function repoSegment(repo: string | undefined): string {
  return repo ? repo.replace("/", "~") : "all";
}

export function parseRepoSegment(segment: string): string | undefined | null {
  if (segment === "all") return undefined;
  const repo = segment.replace("~", "/");
  return REPO.test(repo) ? repo : null;
}

/**
 * The internal path that serves `pathname?search` for an anonymous request of `variant` (the home page, a season's
 * ranking), or null when the page is
 * not one served from the rendered cache (then the request goes on as it came). The query is normalised into the
 * path as the page reads it, so `?utm=x` or a repeated parameter share the one entry of the page they show.
 */
export function renderedPath(pathname: string, search: URLSearchParams, variant: Variant): string | null {
  if (pathname === "/") return `${RENDERED_PREFIX}/${variantSegment(variant)}/home`;
  const m = /^\/seasons\/([^/]+)$/.exec(pathname);
  if (!m || !SLUG.test(m[1]!)) return null;
  const q = rankingQuery(search);
  return `${RENDERED_PREFIX}/${variantSegment(variant)}/seasons/${m[1]}/${q.view}/${q.page}/${repoSegment(q.repo)}`;
}
