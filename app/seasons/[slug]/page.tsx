import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentViewer } from "@/lib/auth";
import { rankingQuery } from "@/lib/cache/rendered";
import { SeasonView } from "./season-view";

// Per request: a request that may be signed in (the proxy sends anonymous ones to app/rendered, cached whole).
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const t = await getTranslations("season");
  return { title: t("metaTitle", { slug: (await params).slug }) };
}

/** The query as a URLSearchParams, a repeated parameter kept repeated (the page then ignores it). */
function searchOf(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) search.append(k, one);
  return search;
}

export default async function SeasonPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[]>> }) {
  const [{ slug }, raw, viewer] = await Promise.all([params, searchParams, currentViewer()]);
  return <SeasonView slug={slug} search={rankingQuery(searchOf(raw))} viewer={viewer} />;
}
