import type { Executor } from "@/db/client";
import { modulesOfTask, taskNeedsSkill, type ModuleRef } from "@/lib/map/task-modules";
import { getContributorMap } from "./map";
import { listTasks, type TaskFilter } from "./tasks";

/**
 * A season's tasks with the contributor map's modules each is about, filtered by repository, difficulty,
 * state, skill and module; plus the map's skills and the modules present, for the filters. Null for an
 * unknown season.
 */
export async function listTasksWithModules(db: Executor, slug: string, filter: TaskFilter & { skill?: string; module?: string }) {
  const [all, map] = await Promise.all([listTasks(db, slug, filter), getContributorMap(db, { seasonSlug: null })]);
  if (!all) return null;
  const candidates = new Map<string, ModuleRef[]>();
  for (const p of map.projects) {
    if (!p.repo) continue;
    candidates.set(p.repo.toLowerCase(), p.modules.map((m) => ({ project: p.slug, slug: m.slug, name: m.name, skills: m.skills })));
  }
  const withModules = all.map((t) => ({ ...t, modules: modulesOfTask(t, candidates.get(t.repo) ?? []) }));
  const rows = withModules.filter(
    (t) => (!filter.skill || taskNeedsSkill(t, candidates.get(t.repo) ?? [], filter.skill)) && (!filter.module || t.modules.some((m) => m.slug === filter.module)),
  );
  const modules = [...new Map(withModules.flatMap((t) => t.modules).map((m) => [m.slug, m.name])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  return { rows, skills: map.skills, modules };
}

export type TaskWithModules = NonNullable<Awaited<ReturnType<typeof listTasksWithModules>>>["rows"][number];
