import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { giveUpTaskAction } from "@/app/_actions/give-up-task";
import { pickUpTaskAction } from "@/app/_actions/pick-up-task";
import { ActionForm } from "@/app/_components/action-form";
import { getDb } from "@/db";
import { currentViewer } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { listTasks } from "@/lib/queries/tasks";
import { getContributorMap } from "@/lib/queries/map";
import { modulesOfTask, taskNeedsSkill, type ModuleRef } from "@/lib/map/task-modules";
import { listSeasons } from "@/lib/queries/seasons";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Tasks" };

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
  const db = await getDb();
  const season = (await listSeasons(db)).find((s) => s.slug === slug);
  if (!season) notFound();
  const all = (await listTasks(db, slug, filter)) ?? [];
  // The contributor map says which module (and skills) a task is about.
  const map = await getContributorMap(db, { seasonSlug: null });
  const candidates = new Map<string, ModuleRef[]>();
  for (const p of map.projects) {
    if (!p.repo) continue;
    candidates.set(p.repo.toLowerCase(), p.modules.map((m) => ({ project: p.slug, slug: m.slug, name: m.name, skills: m.skills })));
  }
  const withModules = all.map((t) => ({ ...t, modules: modulesOfTask(t, candidates.get(t.repo) ?? []) }));
  const rows = withModules.filter(
    (t) =>
      (!filter.skill || taskNeedsSkill(t, candidates.get(t.repo) ?? [], filter.skill)) && (!filter.module || t.modules.some((m) => m.slug === filter.module)),
  );
  const moduleOptions = [...new Map(withModules.flatMap((t) => t.modules).map((m) => [m.slug, m.name])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const viewer = await currentViewer();
  const running = Date.parse(season.endsAt) > Date.now();
  return (
    <>
      <h1>Tasks — {season.name}</h1>
      <p className="muted">
        <Link href={`/seasons/${slug}`}>Ranking</Link>
        {can(viewer, "audit.read", { repos: season.repos }) && (
          <>
            {" · "}
            <Link href={`/seasons/${slug}/audit`}>Audit</Link>
          </>
        )}
      </p>
      <form className="filters" method="get">
        <label>
          Repository{" "}
          <select name="repo" defaultValue={filter.repo ?? ""}>
            <option value="">All</option>
            {season.repos.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <label>
          Difficulty{" "}
          <select name="difficulty" defaultValue={filter.difficulty ?? ""}>
            <option value="">All</option>
            <option>easy</option>
            <option>medium</option>
            <option>hard</option>
          </select>
        </label>
        <label>
          Skill{" "}
          <select name="skill" defaultValue={filter.skill ?? ""}>
            <option value="">All</option>
            {map.skills.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        {moduleOptions.length > 0 && (
          <label>
            Module{" "}
            <select name="module" defaultValue={filter.module ?? ""}>
              <option value="">All</option>
              {moduleOptions.map(([slug, name]) => (
                <option key={slug} value={slug}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          State{" "}
          <select name="state" defaultValue={filter.state ?? ""}>
            <option value="">All</option>
            <option>open</option>
            <option>picked</option>
            <option>completed</option>
          </select>
        </label>
        <button type="submit" className="button secondary">
          Filter
        </button>
      </form>
      {rows.length === 0 ? (
        <p className="empty">No tasks match. Tasks appear when issues carry the season&apos;s task label and are imported.</p>
      ) : (
        <table className="table" data-testid="tasks">
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col">Difficulty</th>
              <th scope="col" className="num">
                Points
              </th>
              <th scope="col">State</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {rows.map((t) => (
              <tr key={t.id}>
                <td>
                  <span className="muted">
                    {t.repo}#{t.number}
                  </span>{" "}
                  <Link href={`/seasons/${slug}/tasks/${t.id}`}>{t.title}</Link>
                  {t.perPr && <span className="pill"> per PR</span>}
                  {t.modules.length > 0 && <span className="muted"> · {t.modules.map((m) => m.name).join(", ")}</span>}
                </td>
                <td>{t.difficulty ? <span className={`tag ${t.difficulty}`}>{t.difficulty}</span> : "—"}</td>
                <td className="num">{t.score ?? <span className="needs-score">needs a score</span>}</td>
                <td>
                  {t.state}
                  {t.holder ? ` by ${t.holder}` : ""}
                </td>
                <td>
                  {viewer && running && t.state === "open" && (
                    <ActionForm action={pickUpTaskAction} submit="Pick up">
                      <input type="hidden" name="taskId" value={t.id} />
                    </ActionForm>
                  )}
                  {viewer && t.state === "picked" && t.holder?.toLowerCase() === viewer.login.toLowerCase() && (
                    <ActionForm action={giveUpTaskAction} submit="Give up">
                      <input type="hidden" name="taskId" value={t.id} />
                    </ActionForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
