import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db";
import { currentViewer } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { maintainerQueue } from "@/lib/queries/maintainer-queue";
import { seasonContext } from "@/app/_lib/season-context";
import { NeedsScore, OpenAppeals, PullRows, StalePicks } from "./queue-sections";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Maintainers' queue" };

/** What needs a maintainer in this season, for the repositories they maintain; each row has its action in place. */
export default async function QueuePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const season = await seasonContext(slug);
  if (!season) notFound();
  const viewer = await currentViewer();
  if (!viewer) redirect(`/signin?callbackUrl=/seasons/${slug}/queue`);
  if (!can(viewer, "points.award", { repos: season.repos })) return <p role="alert">The queue is for this season&apos;s maintainers and admins.</p>;
  const queue = (await maintainerQueue(await getDb(), slug, viewer.isAdmin ? "all" : viewer.maintainerOf))!;
  return (
    <section data-testid="maintainer-queue">
      <h1>Maintainers&apos; queue — {season.name}</h1>
      <p className="muted">
        {viewer.isAdmin ? "Every repository of the season." : `Your repositories: ${viewer.maintainerOf.join(", ")}.`} <Link href={`/seasons/${slug}/tasks`}>Tasks</Link> ·{" "}
        <Link href={`/seasons/${slug}/audit`}>Audit</Link>
      </p>
      <h2>Appeals ({queue.appeals.length})</h2>
      <OpenAppeals rows={queue.appeals} />
      <h2>Tasks that need a score ({queue.needsScore.length})</h2>
      <NeedsScore rows={queue.needsScore} slug={slug} />
      <h2>Pull requests referencing an issue that is not a task ({queue.notATask.length})</h2>
      {queue.notATask.length === 0 ? <p className="muted">None.</p> : <PullRows rows={queue.notATask} slug={slug} caption="Mark the issue as a task on its repository, or award the pull request here" testId="queue-not-a-task" showRefs />}
      <h2>Merged pull requests of participants linked to no task ({queue.unlinked.length})</h2>
      {queue.unlinked.length === 0 ? <p className="muted">None.</p> : <PullRows rows={queue.unlinked} slug={slug} caption="Merged in the season's window, referencing no issue" testId="queue-unlinked" />}
      <h2>Stale picks ({queue.stalePicks.length})</h2>
      <StalePicks queue={queue} slug={slug} />
    </section>
  );
}
