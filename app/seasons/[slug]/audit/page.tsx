import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AuditTable } from "@/app/_components/audit-table";
import { getDb } from "@/db";
import { currentViewer } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { auditOf } from "@/lib/queries/tasks";
import { seasonContext } from "@/app/_lib/season-context";
import { seasons } from "@/db/schema";
import { eq } from "drizzle-orm";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const db = await getDb();
  const season = await seasonContext(slug);
  if (!season) notFound();
  const viewer = await currentViewer();
  if (!viewer) redirect(`/signin?callbackUrl=/seasons/${slug}/audit`);
  if (!can(viewer, "audit.read", { repos: season.repos })) return <p role="alert">The audit view is for this season&apos;s maintainers and admins.</p>;
  const [row] = await db.select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, slug));
  const events = await auditOf(db, { seasonId: row!.id });
  return (
    <>
      <h1>Audit — {season.name}</h1>
      <p className="muted">
        Every change people made in this season, newest first. Points are also in the ledger of each task. <Link href={`/seasons/${slug}/tasks`}>Tasks</Link>
      </p>
      <AuditTable events={events} season={slug} />
    </>
  );
}
