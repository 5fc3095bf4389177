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
import { listSeasons } from "@/lib/queries/seasons";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Tasks" };

const ZFilter = z.object({
  repo: z.string().regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/).optional().catch(undefined),
  difficulty: z.string().regex(/^[a-z][a-z0-9-]{0,30}$/).optional().catch(undefined),
  state: z.enum(["open", "picked", "completed"]).optional().catch(undefined),
});

export default async function TasksPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[]>> }) {
  const { slug } = await params;
  const filter = ZFilter.parse(await searchParams);
  const db = await getDb();
  const season = (await listSeasons(db)).find((s) => s.slug === slug);
  if (!season) notFound();
  const rows = (await listTasks(db, slug, filter)) ?? [];
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
