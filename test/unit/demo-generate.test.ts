import { describe, expect, it } from "vitest";
import { ZFixture, type Fixture } from "@/demo/program/fixture";
import { generateDemoProgram } from "@/demo/program/generate";
import { ZSeasonFile } from "@/lib/seasons/season-file";

const fixture: Fixture = generateDemoProgram();

function inWindow(iso: string, season: { startsAt: string; endsAt: string }): boolean {
  const t = Date.parse(iso);
  return t >= Date.parse(season.startsAt) && t <= Date.parse(season.endsAt);
}

describe("generateDemoProgram", () => {
  it("validates against ZFixture", () => {
    const parsed = ZFixture.safeParse(fixture);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it("is deterministic", () => {
    expect(generateDemoProgram()).toEqual(generateDemoProgram());
    expect(JSON.stringify(generateDemoProgram())).toBe(JSON.stringify(fixture));
  });

  it("returns fresh objects on every call", () => {
    const a = generateDemoProgram();
    a.seasons[0]!.name = "changed";
    a.repos[0]!.description = "changed";
    expect(generateDemoProgram()).toEqual(fixture);
  });

  it("shares one number space per repository between issues and pull requests", () => {
    const keys = [...fixture.issues, ...fixture.pullRequests].map((x) => `${x.repo}#${x.number}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("only names users that exist", () => {
    const logins = new Set(fixture.users.map((u) => u.login));
    const named = [
      ...fixture.issues.map((i) => i.author),
      ...fixture.pullRequests.flatMap((p) => [p.author, p.mergedBy, ...p.comments.map((c) => c.author)]),
      ...fixture.seasons.flatMap((s) => [
        ...Object.values(s.maintainers ?? {}).flat(),
        ...(s.teams ?? []).flatMap((t) => t.members),
      ]),
      ...fixture.admins,
      ...fixture.demoIdentities.map((d) => d.login),
    ].filter((l): l is string => l !== null);
    expect(named.filter((l) => !logins.has(l))).toEqual([]);
    const repos = new Set(fixture.repos.map((r) => r.nameWithOwner));
    expect([...fixture.issues, ...fixture.pullRequests].filter((x) => !repos.has(x.repo))).toEqual([]);
  });

  it("has season files that parse with ZSeasonFile", () => {
    expect(fixture.seasons.map((s) => s.slug)).toEqual(["2019-s1", "2020-s2"]);
    for (const season of fixture.seasons) {
      const parsed = ZSeasonFile.safeParse(season);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      expect(season.startsAt.endsWith("+08:00")).toBe(true);
      expect(season.endsAt.endsWith("+08:00")).toBe(true);
    }
    const [s1, s2] = fixture.seasons;
    expect(s1).toMatchObject({ name: "Challenge Program Season 1", taskLabels: ["challenge-program"] });
    expect(s2).toMatchObject({
      name: "Challenge Program Season 2",
      taskLabels: ["challenge-program-2"],
      taskTitlePrefixes: ["UCP:", "PCP:"],
    });
  });

  it("offers one participant, one pingcap/pd maintainer and one admin to sign in as", () => {
    const roles = fixture.demoIdentities.map((d) => d.role).sort();
    expect(roles).toEqual(["admin", "maintainer", "participant"]);
    expect(fixture.demoIdentities.find((d) => d.role === "maintainer")?.repo).toBe("pingcap/pd");
    const s2 = ZSeasonFile.parse(fixture.seasons[1]);
    const maintainer = fixture.demoIdentities.find((d) => d.role === "maintainer")?.login ?? "";
    expect(s2.maintainers["pingcap/pd"]).toContain(maintainer);
  });

  it("has the expected sizes", () => {
    const humans = fixture.users.filter((u) => u.type === "User");
    const bots = fixture.users.filter((u) => u.type === "Bot");
    expect(humans.length).toBeGreaterThanOrEqual(40);
    expect(humans.length).toBeLessThanOrEqual(60);
    expect(bots.map((b) => b.login)).toContain("ti-chi-bot[bot]");

    const seasons = fixture.seasons.map((s) => ZSeasonFile.parse(s));
    const isTask = (i: Fixture["issues"][number]) =>
      seasons.some(
        (s) =>
          s.repos.includes(i.repo) &&
          (i.labels.some((l) => s.taskLabels.includes(l)) || s.taskTitlePrefixes.some((p) => i.title.startsWith(p))),
      );
    const tasks = fixture.issues.filter(isTask);
    expect(tasks.length).toBeGreaterThanOrEqual(100);
    expect(tasks.length).toBeLessThanOrEqual(150);
    expect(tasks.filter((t) => t.state === "OPEN").length).toBeGreaterThan(5);
    expect(tasks.filter((t) => t.state === "CLOSED").length).toBeGreaterThan(tasks.length / 2);

    expect(fixture.pullRequests.length).toBeGreaterThanOrEqual(200);
    expect(fixture.pullRequests.length).toBeLessThanOrEqual(300);
    for (const season of fixture.seasons) {
      const merged = fixture.pullRequests.filter((p) => p.mergedAt !== null && inWindow(p.mergedAt, season));
      expect(merged.length).toBeGreaterThan(60);
    }
    expect(JSON.stringify(fixture).length).toBeLessThan(1_000_000);
  });

  it("contains the awkward cases an import has to handle", () => {
    const prs = fixture.pullRequests;
    const bodies = fixture.issues.map((i) => i.body);
    // Task markings and score shapes.
    expect(fixture.issues.some((i) => i.labels.some((l) => /^(score|points)\/\d+$/.test(l)))).toBe(true);
    expect(bodies.some((b) => /## Score\n\n- \d+/.test(b))).toBe(true);
    expect(bodies.some((b) => /score\s*[:：]\s*\d+/i.test(b))).toBe(true);
    expect(bodies.some((b) => /min score required: \d+/.test(b))).toBe(true);
    expect(
      fixture.issues.some((i) => /^(UCP|PCP):/.test(i.title) && !i.labels.includes("challenge-program-2")),
    ).toBe(true);
    // Reference shapes.
    expect(prs.some((p) => p.closingIssues.length > 0)).toBe(true);
    expect(prs.some((p) => /\bref #\d+/.test(p.body))).toBe(true);
    expect(prs.some((p) => /\b[UP]CP #\d+/.test(p.body))).toBe(true);
    expect(prs.some((p) => /https:\/\/github\.com\/[\w-]+\/[\w.-]+\/issues\/\d+/.test(p.body))).toBe(true);
    // Outcomes and actors.
    expect(prs.some((p) => p.state === "OPEN")).toBe(true);
    expect(prs.some((p) => p.state === "CLOSED")).toBe(true);
    expect(prs.some((p) => p.author === "ti-chi-bot[bot]" && p.state === "MERGED")).toBe(true);
    expect(prs.some((p) => p.comments.some((c) => /^\/reward \d+$/.test(c.body)))).toBe(true);
    const [s1, s2] = fixture.seasons;
    if (s1 === undefined || s2 === undefined) throw new Error("two seasons expected");
    const afterEnd = prs.filter((p) => p.mergedAt !== null && Date.parse(p.mergedAt) > Date.parse(s2.endsAt));
    expect(afterEnd.length).toBeGreaterThan(0);
    // Umbrella issues: several merged pull requests by different authors reference one issue.
    const byIssue = new Map<string, Set<string>>();
    for (const p of prs) {
      if (p.state !== "MERGED" || p.author === null) continue;
      for (const m of p.body.matchAll(/(?:ref|UCP|PCP) #(\d+)/g)) {
        const key = `${p.repo}#${m[1]}`;
        byIssue.set(key, (byIssue.get(key) ?? new Set()).add(p.author));
      }
    }
    expect([...byIssue.values()].filter((authors) => authors.size >= 4).length).toBeGreaterThanOrEqual(2);
  });

  it("uses GitHub-like users and UTC times", () => {
    for (const u of fixture.users) {
      expect(u.avatarUrl).toBe(`https://avatars.githubusercontent.com/u/${u.databaseId}?v=4`);
    }
    const times = [
      ...fixture.issues.flatMap((i) => [i.createdAt, i.updatedAt, i.closedAt]),
      ...fixture.pullRequests.flatMap((p) => [p.createdAt, p.updatedAt, p.mergedAt, ...p.comments.map((c) => c.createdAt)]),
    ].filter((t): t is string => t !== null);
    expect(times.filter((t) => !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(t))).toEqual([]);
  });
});
