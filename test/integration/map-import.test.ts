import fs from "node:fs";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { learningMaterials, mapModules, mapModuleSkills, mapProjects, mapSkills, repositories, seasons } from "@/db/schema";
import { demoContributorMap } from "@/demo/program/contributor-map";
import { importContributorMap } from "@/lib/map/import-map";
import type { ContributorMap } from "@/lib/map/parse-markdown";
import { filterBySkill, getContributorMap } from "@/lib/queries/map";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import { parseSeasonDocument } from "@/lib/seasons/season-file";
import { createParticipant, createPullRequest, createTask } from "../factories/db";
import { DRIVERS, freshDatabase } from "../harness/databases";

async function snapshot(h: DbHandle) {
  const { db } = h;
  return {
    projects: await db.select().from(mapProjects).orderBy(asc(mapProjects.id)),
    modules: await db.select().from(mapModules).orderBy(asc(mapModules.id)),
    skills: await db.select().from(mapSkills).orderBy(asc(mapSkills.id)),
    moduleSkills: await db.select().from(mapModuleSkills).orderBy(asc(mapModuleSkills.moduleId), asc(mapModuleSkills.skillId)),
    materials: await db.select().from(learningMaterials).orderBy(asc(learningMaterials.id)),
  };
}

const full = demoContributorMap();
const distinctSkills = new Set(full.projects.flatMap((p) => p.modules.flatMap((m) => m.skills)));

/** TiDB with Parser and DDL only, and PD as it is. */
function shrunken(): ContributorMap {
  const tidb = full.projects.find((p) => p.slug === "tidb");
  const pd = full.projects.find((p) => p.slug === "pd");
  if (!tidb || !pd) throw new Error("seed changed");
  return structuredClone({ projects: [{ ...tidb, modules: tidb.modules.filter((m) => m.slug === "parser" || m.slug === "ddl") }, pd] });
}

describe.each(DRIVERS)("contributor map import on %s", (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("imports the map", async () => {
    const r = await importContributorMap(h.db, full);
    const modules = full.projects.reduce((n, p) => n + p.modules.length, 0);
    expect(r).toMatchObject({ projects: full.projects.length, modules, skills: distinctSkills.size, changed: true });
    const s = await snapshot(h);
    expect(s.projects).toHaveLength(full.projects.length);
    expect(s.modules).toHaveLength(modules);
    expect(s.skills).toHaveLength(distinctSkills.size);
    expect(s.materials).toHaveLength(r.materials);
    expect(s.projects.map((p) => p.position)).toEqual(full.projects.map((_p, i) => i));
  });

  it("importing the same map again changes nothing", async () => {
    const before = await snapshot(h);
    const r = await importContributorMap(h.db, full);
    expect(r.changed).toBe(false);
    expect(await snapshot(h)).toEqual(before);
  });

  it("stores each skill once, shared by the modules that need it", async () => {
    const golang = await h.db.select().from(mapSkills).where(eq(mapSkills.name, "Golang"));
    expect(golang).toHaveLength(1);
    const users = await h.db.select().from(mapModuleSkills).where(eq(mapModuleSkills.skillId, golang[0]?.id ?? -1));
    expect(users.length).toBeGreaterThan(10);
    expect(await h.db.select().from(mapSkills).where(eq(mapSkills.name, "golang"))).toEqual([]);
  });

  it("a shrunken map deletes the projects, modules, skills and materials that left", async () => {
    const [parserBefore] = await h.db.select().from(mapModules).where(eq(mapModules.slug, "parser"));
    const r = await importContributorMap(h.db, shrunken());
    expect(r).toMatchObject({ projects: 2, modules: 8, changed: true });
    const s = await snapshot(h);
    expect(s.projects.map((p) => p.slug)).toEqual(["tidb", "pd"]);
    expect(s.modules.map((m) => m.slug).sort()).toEqual(["api", "core", "ddl", "parser", "schedule", "scheduler", "statistics", "tso"]);
    expect(s.skills.map((x) => x.name).sort()).toEqual(["Golang", "Yacc", "etcd"]);
    expect(s.materials).toHaveLength(r.materials);
    // Upserted in place: the module kept its id.
    expect(s.modules.find((m) => m.slug === "parser")?.id).toBe(parserBefore?.id);
    expect((await importContributorMap(h.db, shrunken())).changed).toBe(false);
    // An edit is seen as a change and applied.
    const edited = shrunken();
    const parser = edited.projects[0]?.modules[0];
    if (parser) parser.skills = ["Golang", "Yacc", "Bison"];
    expect((await importContributorMap(h.db, edited)).changed).toBe(true);
    expect((await h.db.select().from(mapSkills)).map((x) => x.name)).toContain("Bison");
  });

  it("getContributorMap returns the nested map with open task counts of the current season", async () => {
    await importContributorMap(h.db, full);
    const doc = parseSeasonDocument(JSON.parse(fs.readFileSync("test/fixtures/season-2020-s2.json", "utf8")));
    if (!doc.success) throw new Error(doc.error.message);
    await applySeasons(h.db, doc.data);
    const [season] = await h.db.select().from(seasons).where(eq(seasons.slug, "2020-s2"));
    const [repo] = await h.db.select().from(repositories).where(eq(repositories.fullName, "pingcap/tidb"));
    if (!season || !repo) throw new Error("season not applied");
    const repoName = "pingcap/tidb";
    for (const number of [1, 2]) await createTask(h.db, { season, repo: repoName, number });
    await createTask(h.db, { season, repo: repoName, number: 3, pickedUpBy: await createParticipant(h.db) });
    await createTask(h.db, { season, repo: repoName, number: 4, active: false });
    const done = await createTask(h.db, { season, repo: repoName, number: 5 });
    await createPullRequest(h.db, { author: await createParticipant(h.db), closes: done, mergedAt: new Date(season.startsAt.getTime() + 86_400_000).toISOString() });

    const view = await getContributorMap(h.db);
    expect(view.season).toEqual({ slug: "2020-s2", name: season.name });
    expect(view.projects.map((p) => p.slug)).toEqual(full.projects.map((p) => p.slug));
    const tidb = view.projects.find((p) => p.slug === "tidb");
    expect(tidb?.openTasks).toBe(2);
    expect(view.projects.find((p) => p.slug === "tikv")?.openTasks).toBe(0); // listed, no tasks
    expect(view.projects.find((p) => p.slug === "dm")?.openTasks).toBeNull(); // not in the season
    expect(view.projects.find((p) => p.slug === "tikv-clients")?.openTasks).toBeNull(); // no repo
    const parser = tidb?.modules.find((m) => m.slug === "parser");
    expect(parser).toEqual({
      slug: "parser",
      name: "Parser",
      description: "A Yacc generated parser that is highly compatible with MySQL syntax.",
      codeDirectories: [{ title: "parser", url: "https://github.com/pingcap/parser" }],
      skills: ["Golang", "Yacc"],
      learningMaterials: full.projects[0]?.modules[0]?.learningMaterials,
      sourceReading: [{ title: "TiDB SQL Parser Implementation(CN)", url: "https://pingcap.com/blog-cn/tidb-source-code-reading-5/" }],
    });
    expect(tidb?.tutorials).toEqual(full.projects[0]?.tutorials);
    expect(view.skills).toHaveLength(distinctSkills.size);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view); // plain, serialisable
    expect(await getContributorMap(h.db, { seasonSlug: null })).toMatchObject({ season: null });

    const rust = filterBySkill(view.projects, "rust");
    expect(rust.every((p) => p.modules.every((m) => m.skills.includes("Rust")))).toBe(true);
    expect(rust.map((p) => p.slug)).toContain("tikv");
    expect(rust.map((p) => p.slug)).not.toContain("tidb");
  });

  it("an empty map empties the tables", async () => {
    const r = await importContributorMap(h.db, { projects: [] });
    expect(r).toEqual({ projects: 0, modules: 0, skills: 0, materials: 0, changed: true });
    const s = await snapshot(h);
    expect(s).toEqual({ projects: [], modules: [], skills: [], moduleSkills: [], materials: [] });
    expect((await getContributorMap(h.db)).projects).toEqual([]);
  });
});
