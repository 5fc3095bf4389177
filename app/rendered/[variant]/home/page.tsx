import { notFound } from "next/navigation";
import HomePage from "@/app/page";
import { parseVariantSegment } from "@/lib/cache/rendered";

/**
 * The home page as an anonymous visitor sees it, from Next's page cache (see app/rendered/…/seasons/…/page.tsx).
 * Expired by the seasons' tags on every write; and at most a minute old besides, since which season is running
 * (its "running" mark) follows the clock, not a write.
 */
export const dynamic = "force-static";
export const dynamicParams = true;
export const revalidate = 60;

export async function generateStaticParams(): Promise<never[]> {
  return [];
}

export default async function RenderedHomePage({ params }: { params: Promise<{ variant: string }> }) {
  if (!parseVariantSegment((await params).variant)) notFound();
  return <HomePage />;
}
