import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SeasonView } from "@/app/seasons/[slug]/season-view";
import { parseRepoSegment, parseVariantSegment, rankingQuery } from "@/lib/cache/rendered";

/**
 * The season ranking page as an anonymous visitor sees it, rendered once and served from Next's page cache (ISR)
 * until a write expires its tags (lib/cache/tags.ts; every process, lib/cache/listener.ts). Only proxy.ts reaches
 * it, by rewriting `/seasons/{slug}?…` of a request without a session (lib/cache/rendered.ts); the visitor's URL
 * stays the contract's. `force-static`: no cookie or header is read here; the language and theme are in the path.
 */
export const dynamic = "force-static";
export const dynamicParams = true;

/** None at build time (the database is not there then): each variant and page is rendered on its first request. */
export async function generateStaticParams(): Promise<never[]> {
  return [];
}

type Params = { variant: string; slug: string; view: string; page: string; repo: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const t = await getTranslations("season");
  return { title: t("metaTitle", { slug: (await params).slug }) };
}

export default async function RenderedSeasonPage({ params }: { params: Promise<Params> }) {
  const p = await params;
  const repo = parseRepoSegment(p.repo);
  if (!parseVariantSegment(p.variant) || repo === null) notFound();
  const search = rankingQuery(new URLSearchParams({ view: p.view, page: p.page, ...(repo ? { repo } : {}) }));
  return <SeasonView slug={p.slug} search={search} viewer={null} />;
}
