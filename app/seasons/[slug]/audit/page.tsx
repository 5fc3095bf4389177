import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuditTable } from "@/app/_components/audit-table";
import { getDb } from "@/db";
import { currentViewer } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { auditOf } from "@/lib/queries/tasks";
import { seasonContext } from "@/app/_lib/season-context";
import { seasons } from "@/db/schema";
import { eq } from "drizzle-orm";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("metaTitle") };
}

export default async function AuditPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const db = await getDb();
  const season = await seasonContext(slug);
  if (!season) notFound();
  const viewer = await currentViewer();
  if (!viewer) redirect(`/signin?callbackUrl=/seasons/${slug}/audit`);
  const t = await getTranslations("audit");
  if (!can(viewer, "audit.read", { repos: season.repos })) return <p role="alert">{t("forbidden")}</p>;
  const [row] = await db.select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, slug));
  const events = await auditOf(db, { seasonId: row!.id });
  return (
    <>
      <h1>{t("title", { season: season.name })}</h1>
      <p className="muted">
        {t("lead")} <Link href={`/seasons/${slug}/tasks`}>{t("tasksLink")}</Link>
      </p>
      <AuditTable events={events} season={slug} />
    </>
  );
}
