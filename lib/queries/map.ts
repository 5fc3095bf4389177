import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  learningMaterials,
  mapModules,
  mapModuleSkills,
  mapProjects,
  mapSkills,
  repositories,
  seasonRepositories,
  seasons,
  tasks,
  type MapLink,
} from "@/db/schema";
import { currentSeason, listSeasons } from "./seasons";
import { link, projectFields, type MapProjectFields } from "@/lib/map/project-fields";

export type MapModuleView = {
  slug: string;
  name: string;
  description: string;
  codeDirectories: MapLink[];
  skills: string[];
  learningMaterials: MapLink[];
  sourceReading: MapLink[];
};

export type MapProjectView = MapProjectFields & {
  modules: MapModuleView[];
  /** Open, active tasks of `repo` in the season; null without a repo, a season, or when the season does not list the repo. */
  openTasks: number | null;
};

export type ContributorMapView = {
  projects: MapProjectView[];
  /** Every skill some module needs, alphabetically (case-insensitive). */
  skills: string[];
  /** The season the task counts are for. */
  season: { slug: string; name: string } | null;
};


/**
 * The contributor map, nested (projects → modules → skills and materials), as plain objects. Task
 * counts are for `seasonSlug` (null: none), by default the current season (`currentSeason(listSeasons(db))`).
 */
export async function getContributorMap(db: Executor, options: { seasonSlug?: string | null } = {}): Promise<ContributorMapView> {
  const slug = options.seasonSlug === undefined ? currentSeason(await listSeasons(db))?.slug : options.seasonSlug;
  const [season] = slug ? await db.select({ id: seasons.id, slug: seasons.slug, name: seasons.name }).from(seasons).where(eq(seasons.slug, slug)) : [];

  const projects = await db.select().from(mapProjects).orderBy(asc(mapProjects.position), asc(mapProjects.id));
  const modules = await db.select().from(mapModules).orderBy(asc(mapModules.position), asc(mapModules.id));
  const moduleSkills = await db
    .select({ moduleId: mapModuleSkills.moduleId, name: mapSkills.name })
    .from(mapModuleSkills)
    .innerJoin(mapSkills, eq(mapSkills.id, mapModuleSkills.skillId))
    .orderBy(asc(mapSkills.id));
  const materials = await db
    .select({ moduleId: learningMaterials.moduleId, title: learningMaterials.title, url: learningMaterials.url })
    .from(learningMaterials)
    .orderBy(asc(learningMaterials.position), asc(learningMaterials.id));

  // Per project with a repo: is the repo in the season, and how many of its tasks are open.
  const counts = new Map<number, number>();
  if (season) {
    const rows = await db
      .select({ projectId: mapProjects.id, listed: seasonRepositories.seasonId, n: count(tasks.id) })
      .from(mapProjects)
      .innerJoin(repositories, eq(repositories.fullName, sql`lower(${mapProjects.repo})`))
      .leftJoin(seasonRepositories, and(eq(seasonRepositories.repositoryId, repositories.id), eq(seasonRepositories.seasonId, season.id)))
      .leftJoin(
        tasks,
        and(eq(tasks.repositoryId, repositories.id), eq(tasks.seasonId, season.id), eq(tasks.state, "open"), eq(tasks.active, true)),
      )
      .groupBy(mapProjects.id, seasonRepositories.seasonId);
    for (const r of rows) {
      const n = Number(r.n);
      if (r.listed !== null || n > 0) counts.set(r.projectId, n);
    }
  }

  const byModule = <T extends { moduleId: number }>(rows: T[]) => {
    const out = new Map<number, T[]>();
    for (const r of rows) {
      const list = out.get(r.moduleId);
      if (list) list.push(r);
      else out.set(r.moduleId, [r]);
    }
    return out;
  };
  const skillsOf = byModule(moduleSkills);
  const materialsOf = byModule(materials);
  const allSkills = new Set<string>();

  const view: MapProjectView[] = projects.map((p) => ({
    ...projectFields(p),
    openTasks: p.repo ? (counts.get(p.id) ?? null) : null,
    modules: modules
      .filter((m) => m.projectId === p.id)
      .map((m) => {
        const skills = (skillsOf.get(m.id) ?? []).map((s) => s.name);
        for (const s of skills) allSkills.add(s);
        return {
          slug: m.slug,
          name: m.name,
          description: m.description,
          codeDirectories: m.codeDirectories.map(link),
          skills,
          learningMaterials: (materialsOf.get(m.id) ?? []).map((l) => ({ title: l.title, url: l.url })),
          sourceReading: m.sourceReading.map(link),
        };
      }),
  }));

  return {
    projects: view,
    skills: [...allSkills].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }) || (a < b ? -1 : a > b ? 1 : 0)),
    season: season ? { slug: season.slug, name: season.name } : null,
  };
}

/** Only the modules that need `skill` (case-insensitive), and only the projects that keep a module. */
export function filterBySkill(projects: MapProjectView[], skill: string | undefined): MapProjectView[] {
  if (!skill) return projects;
  const wanted = skill.toLowerCase();
  return projects
    .map((p) => ({ ...p, modules: p.modules.filter((m) => m.skills.some((s) => s.toLowerCase() === wanted)) }))
    .filter((p) => p.modules.length > 0);
}
