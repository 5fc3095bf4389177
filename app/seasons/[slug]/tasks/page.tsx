import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { seasonContext } from "@/app/_lib/season-context";
import { getDb } from "@/db";
import { currentViewer } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { seasonDifficulties } from "@/lib/queries/season-repos";
import { listTasksWithModules } from "@/lib/queries/cached/public";
import { MarkIssueForm } from "./mark-form";
import { TaskFilters } from "./task-filters";
import { TaskTable } from "./task-table";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tasks"))("metaTitle") };
}

const ZFilter = z.object({
  repo: z.string().regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/).optional().catch(undefined),
  difficulty: z.string().regex(/^[a-z][a-z0-9-]{0,30}$/).optional().catch(undefined),
  state: z.enum(["open", "picked", "completed"]).optional().catch(undefined),
  skill: z.string().trim().min(1).max(60).optional().catch(undefined),
  module: z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/).optional().catch(undefined),
});

export default async function TasksPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[]>> }) {
  const { slug } = await params;
  const filter = ZFilter.parse(await searchParams);
  const [season, viewer, t] = await Promise.all([seasonContext(slug), currentViewer(), getTranslations("tasks")]);
  if (!season) notFound();
  const tasks = await listTasksWithModules(await getDb(), slug, filter);
  if (!tasks) notFound();
  const running = Date.parse(season.endsAt) > Date.now();
  // Maintainers mark any issue of the repositories they maintain (contract: "Added in the second round").
  const markRepos = season.repos.filter((repo) => can(viewer, "task.mark", { repo }));
  const difficulties = markRepos.length > 0 ? await seasonDifficulties(await getDb(), slug) : [];
  return (
    <>
      <h1>{t("title", { season: season.name })}</h1>
      <p className="muted">
        <Link href={`/seasons/${slug}`}>{t("ranking")}</Link>
        {can(viewer, "audit.read", { repos: season.repos }) && (
          <>
            {" · "}
            <Link href={`/seasons/${slug}/audit`}>{t("audit")}</Link>
            {" · "}
            <Link href={`/seasons/${slug}/queue`}>{t("queue")}</Link>
          </>
        )}
      </p>
      {markRepos.length > 0 && <MarkIssueForm slug={slug} repos={markRepos} difficulties={difficulties} />}
      <TaskFilters filter={filter} repos={season.repos} skills={tasks.skills} modules={tasks.modules} />
      {tasks.rows.length === 0 ? (
        <p className="empty">{t("none")}</p>
      ) : (
        <TaskTable slug={slug} rows={tasks.rows} viewerLogin={viewer?.login ?? null} viewerIsAdmin={viewer?.isAdmin ?? false} running={running} />
      )}
    </>
  );
}
