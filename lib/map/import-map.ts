import { asc, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { learningMaterials, mapModules, mapModuleSkills, mapProjects, mapSkills, type MapLink } from "@/db/schema";
import { ZContributorMap, type ContributorMap } from "./parse-markdown";
import { chunks } from "@/lib/util/chunks";
import { transaction } from "@/db/transaction";
import { link, projectFields, type MapProjectFields } from "./project-fields";
import { excluded } from "@/db/excluded";

export type MapImportResult = { projects: number; modules: number; skills: number; materials: number; changed: boolean };

const MAP_IMPORT_LOCK = 7_263_002;

type CanonModule = {
  slug: string;
  name: string;
  description: string;
  codeDirectories: MapLink[];
  sourceReading: MapLink[];
  position: number;
  /** Sorted: the join table keeps no order. */
  skills: string[];
  materials: { title: string; url: string | null; position: number }[];
};
type CanonProject = MapProjectFields & { position: number; modules: CanonModule[] };

/** The map as stored, in a form that compares equal whenever nothing would change. */
type Canon = { projects: CanonProject[]; skills: string[] };

// jsonb reorders object keys, so links are rebuilt in one key order before comparing.
const sorted = (names: Iterable<string>) => [...names].sort();

/** Skills spelled as first seen in the document (`golang` after `Golang` is `Golang`), deduplicated per module. */
function canonicalSkills(map: ContributorMap): string[][][] {
  const spelling = new Map<string, string>();
  return map.projects.map((p) =>
    p.modules.map((m) => {
      const out: string[] = [];
      for (const skill of m.skills) {
        const key = skill.toLowerCase();
        if (!spelling.has(key)) spelling.set(key, skill);
        const name = spelling.get(key) ?? skill;
        if (!out.includes(name)) out.push(name);
      }
      return out;
    }),
  );
}

function desired(map: ContributorMap, skills: string[][][]): Canon {
  return {
    projects: map.projects.map((p, i) => ({
      ...projectFields(p),
      position: i,
      modules: p.modules.map((m, j) => ({
        slug: m.slug,
        name: m.name,
        description: m.description,
        codeDirectories: m.codeDirectories.map(link),
        sourceReading: m.sourceReading.map(link),
        position: j,
        skills: sorted(skills[i]?.[j] ?? []),
        materials: m.learningMaterials.map((l, k) => ({ ...link(l), position: k })),
      })),
    })),
    skills: sorted(new Set(skills.flat(2))),
  };
}

async function stored(tx: Executor): Promise<Canon> {
  const projects = await tx.select().from(mapProjects).orderBy(asc(mapProjects.position), asc(mapProjects.id));
  const modules = await tx.select().from(mapModules).orderBy(asc(mapModules.position), asc(mapModules.id));
  const moduleSkills = await tx
    .select({ moduleId: mapModuleSkills.moduleId, name: mapSkills.name })
    .from(mapModuleSkills)
    .innerJoin(mapSkills, eq(mapSkills.id, mapModuleSkills.skillId));
  const materials = await tx.select().from(learningMaterials).orderBy(asc(learningMaterials.position), asc(learningMaterials.id));
  const skills = await tx.select({ name: mapSkills.name }).from(mapSkills);
  return {
    projects: projects.map((p) => ({
      ...projectFields(p),
      position: p.position,
      modules: modules
        .filter((m) => m.projectId === p.id)
        .map((m) => ({
          slug: m.slug,
          name: m.name,
          description: m.description,
          codeDirectories: m.codeDirectories.map(link),
          sourceReading: m.sourceReading.map(link),
          position: m.position,
          skills: sorted(moduleSkills.filter((s) => s.moduleId === m.id).map((s) => s.name)),
          materials: materials.filter((l) => l.moduleId === m.id).map((l) => ({ title: l.title, url: l.url, position: l.position })),
        })),
    })),
    skills: sorted(skills.map((s) => s.name)),
  };
}

/** Projects, then their modules, then the modules' skills and materials: each level upserted, what left dropped. */
async function write(tx: Executor, map: ContributorMap, skills: string[][][], allSkills: string[]): Promise<void> {
  const projectIds = await writeProjects(tx, map);
  const { moduleRows, moduleIds } = await writeModules(tx, map, skills, projectIds);
  await writeSkillsAndMaterials(tx, moduleRows, moduleIds, allSkills);
}

/** Projects: upserted by slug, then the ones that left are dropped (their modules, skills links and materials cascade). */
async function writeProjects(tx: Executor, map: ContributorMap): Promise<Map<string, number>> {
  const projectIds = new Map<string, number>();
  if (map.projects.length > 0) {
    const rows = await tx
      .insert(mapProjects)
      .values(
        map.projects.map((p, position) => ({ ...projectFields(p), position })),
      )
      .onConflictDoUpdate({
        target: mapProjects.slug,
        set: excluded(mapProjects, ["name", "description", "url", "repo", "tutorials", "position"]),
      })
      .returning({ id: mapProjects.id, slug: mapProjects.slug });
    for (const r of rows) projectIds.set(r.slug, r.id);
    await tx.delete(mapProjects).where(notInArray(mapProjects.slug, [...projectIds.keys()]));
  } else {
    await tx.delete(mapProjects);
  }
  return projectIds;
}

type ModuleRow = {
  key: string;
  values: typeof mapModules.$inferInsert & { projectId: number; slug: string };
  skills: string[];
  materials: ContributorMap["projects"][number]["modules"][number]["learningMaterials"];
};

/** Modules: upserted by (project, slug), then the ones that left are dropped. */
async function writeModules(tx: Executor, map: ContributorMap, skills: string[][][], projectIds: Map<string, number>) {
  const moduleRows: ModuleRow[] = map.projects.flatMap((p, i) =>
    p.modules.map((m, position) => ({
      key: `${i}/${position}`,
      values: {
        projectId: projectIds.get(p.slug) ?? -1,
        slug: m.slug,
        name: m.name,
        description: m.description,
        codeDirectories: m.codeDirectories.map(link),
        sourceReading: m.sourceReading.map(link),
        position,
      },
      skills: skills[i]?.[position] ?? [],
      materials: m.learningMaterials,
    })),
  );
  const moduleIds = new Map<string, number>(); // `${projectId}/${slug}` → id
  for (const part of chunks(moduleRows, 500)) {
    const rows = await tx
      .insert(mapModules)
      .values(part.map((m) => m.values))
      .onConflictDoUpdate({
        target: [mapModules.projectId, mapModules.slug],
        set: excluded(mapModules, ["name", "description", "codeDirectories", "sourceReading", "position"]),
      })
      .returning({ id: mapModules.id, projectId: mapModules.projectId, slug: mapModules.slug });
    for (const r of rows) moduleIds.set(`${r.projectId}/${r.slug}`, r.id);
  }
  if (moduleIds.size > 0) await tx.delete(mapModules).where(notInArray(mapModules.id, [...moduleIds.values()]));
  else await tx.delete(mapModules);
  return { moduleRows, moduleIds };
}

/** Skills and materials of every remaining module are replaced; skills no module needs any more are dropped. */
async function writeSkillsAndMaterials(tx: Executor, moduleRows: ModuleRow[], moduleIds: Map<string, number>, allSkills: string[]): Promise<void> {
  await tx.delete(mapModuleSkills);
  await tx.delete(learningMaterials);
  const skillIds = new Map<string, number>();
  for (const part of chunks(allSkills, 500)) {
    await tx
      .insert(mapSkills)
      .values(part.map((name) => ({ name })))
      .onConflictDoNothing();
    const rows = await tx.select({ id: mapSkills.id, name: mapSkills.name }).from(mapSkills).where(inArray(mapSkills.name, part));
    for (const r of rows) skillIds.set(r.name, r.id);
  }
  const links: { moduleId: number; skillId: number }[] = [];
  const materials: { moduleId: number; title: string; url: string | null; position: number }[] = [];
  for (const m of moduleRows) {
    const moduleId = moduleIds.get(`${m.values.projectId}/${m.values.slug}`);
    if (moduleId === undefined) throw new Error(`module ${m.values.slug} was not saved`);
    for (const name of m.skills) {
      const skillId = skillIds.get(name);
      if (skillId === undefined) throw new Error(`skill ${name} was not saved`);
      links.push({ moduleId, skillId });
    }
    m.materials.forEach((l, position) => materials.push({ moduleId, title: l.title, url: l.url, position }));
  }
  for (const part of chunks(links, 500)) await tx.insert(mapModuleSkills).values(part);
  for (const part of chunks(materials, 500)) await tx.insert(learningMaterials).values(part);
  // Skills no module needs any more.
  await tx
    .delete(mapSkills)
    .where(sql`not exists (select 1 from ${mapModuleSkills} where ${mapModuleSkills.skillId} = ${mapSkills.id})`);
}

/**
 * Makes the stored contributor map equal to `map`, in one transaction: projects by slug, modules by
 * (project, slug), skills by name; positions follow the document. Nothing is written when it already is.
 */
export async function importContributorMap(db: Executor, input: ContributorMap): Promise<MapImportResult> {
  const map = ZContributorMap.parse(input);
  const skills = canonicalSkills(map);
  const want = desired(map, skills);
  const counts = {
    projects: map.projects.length,
    modules: map.projects.reduce((n, p) => n + p.modules.length, 0),
    skills: want.skills.length,
    materials: map.projects.reduce((n, p) => n + p.modules.reduce((k, m) => k + m.learningMaterials.length, 0), 0),
  };
  return transaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MAP_IMPORT_LOCK})`);
    const have = await stored(tx);
    if (JSON.stringify(have) === JSON.stringify(want)) return { ...counts, changed: false };
    await write(tx, map, skills, [...new Set(skills.flat(2))]); // first-seen order: ids follow the document
    return { ...counts, changed: true };
  });
}
