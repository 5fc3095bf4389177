import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { currentViewer } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { maintainerQueue } from "@/lib/queries/maintainer-queue";
import { seasonContext } from "@/app/_lib/season-context";
import { NeedsScore, OpenAppeals, PullRows, StalePicks } from "./queue-sections";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("queue"))("metaTitle") };
}

/** What needs a maintainer in this season, for the repositories they maintain; each row has its action in place. */
export default async function QueuePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const season = await seasonContext(slug);
  if (!season) notFound();
  const viewer = await currentViewer();
  if (!viewer) redirect(`/signin?callbackUrl=/seasons/${slug}/queue`);
  const t = await getTranslations("queue");
  if (!can(viewer, "points.award", { repos: season.repos })) return <p role="alert">{t("forbidden")}</p>;
  const queue = (await maintainerQueue(await getDb(), slug, viewer.isAdmin ? "all" : viewer.maintainerOf))!;
  return (
    <section data-testid="maintainer-queue">
      <h1>{t("title", { season: season.name })}</h1>
      <p className="muted">
        {viewer.isAdmin ? t("allRepositories") : t("yourRepositories", { repos: viewer.maintainerOf.join(", ") })} <Link href={`/seasons/${slug}/tasks`}>{t("tasks")}</Link> ·{" "}
        <Link href={`/seasons/${slug}/audit`}>{t("audit")}</Link>
      </p>
      <h2>{t("appeals", { count: queue.appeals.length })}</h2>
      <OpenAppeals rows={queue.appeals} />
      <h2>{t("needsScore", { count: queue.needsScore.length })}</h2>
      <NeedsScore rows={queue.needsScore} slug={slug} />
      <h2>{t("notATask", { count: queue.notATask.length })}</h2>
      {queue.notATask.length === 0 ? <p className="muted">{t("none")}</p> : <PullRows rows={queue.notATask} slug={slug} caption={t("notATaskCaption")} testId="queue-not-a-task" showRefs />}
      <h2>{t("unlinked", { count: queue.unlinked.length })}</h2>
      {queue.unlinked.length === 0 ? <p className="muted">{t("none")}</p> : <PullRows rows={queue.unlinked} slug={slug} caption={t("unlinkedCaption")} testId="queue-unlinked" />}
      <h2>{t("stalePicks", { count: queue.stalePicks.length })}</h2>
      <StalePicks queue={queue} slug={slug} />
    </section>
  );
}
