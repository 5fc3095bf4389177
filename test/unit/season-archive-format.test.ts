import { describe, expect, it } from "vitest";
import { localKey, portableKey, ZSeasonArchive } from "@/lib/archive/format";
import { formatIssues } from "@/lib/util/zod-errors";

/** A small archive written by hand: one task, one merged PR completing it, one award, one result. */
const archive = () => ({
  format: "podium-season/1",
  exportedAt: "2026-01-01T00:00:00.000Z",
  season: { slug: "tiny", name: "Tiny", startsAt: "2024-01-01T00:00:00Z", endsAt: "2024-02-01T00:00:00Z", repos: ["acme/app"], difficulties: { easy: 100 } },
  finalizedAt: null,
  participants: [{ login: "ann", githubId: 5, name: "Ann", avatarUrl: null, isBot: false }],
  roles: [{ login: "ann", role: "maintainer", repo: "acme/app" }],
  tasks: [
    {
      issue: "acme/app#1",
      title: "Fix it ",
      url: "https://github.com/acme/app/issues/1",
      labels: ["cp"],
      difficulty: "easy",
      score: 100,
      scoreSource: "default",
      statedScore: null,
      scoreOverride: null,
      scoreOverrideReason: null,
      minScoreRequired: null,
      perPr: false,
      active: true,
      manual: false,
      issueState: "closed",
      state: "completed",
      pickedUpBy: null,
      pickedUpAt: null,
      githubCreatedAt: "2024-01-02T00:00:00.000Z",
      githubUpdatedAt: "2024-01-03T00:00:00.000Z",
    },
  ],
  pulls: [
    {
      pr: "acme/app#2",
      title: "Fixes #1",
      url: null,
      author: "ann",
      authorLogin: "ann",
      labels: [],
      state: "merged",
      mergedAt: "2024-01-05T00:00:00.000Z",
      mergedByLogin: null,
      githubCreatedAt: null,
      githubUpdatedAt: null,
      tasks: [{ issue: "acme/app#1", source: "closing" }],
      refs: [{ issue: "acme/app#1", source: "closing" }],
      rewards: [],
    },
  ],
  ledger: [
    {
      participant: "ann",
      task: "acme/app#1",
      pr: "acme/app#2",
      repo: "acme/app",
      difficulty: "easy",
      points: 100,
      kind: "award",
      actor: null,
      reason: "completed app#1 with #2",
      occurredAt: "2024-01-05T00:00:00.000Z",
      createdAt: "2024-01-05T00:00:00.000Z",
      sourceKey: "s@:t@acme/app#1:u@ann",
      awardKey: "s@:t@acme/app#1",
      revokes: null,
    },
  ],
  results: [{ login: "ann", points: 100, rawPoints: 100, tasks: 1 }],
});

const firstProblem = (value: unknown) => {
  const r = ZSeasonArchive.safeParse(value);
  return r.success ? null : formatIssues(r.error)[0];
};

describe("the season archive's schema", () => {
  it("accepts a well-formed archive (titles kept as they are)", () => {
    const r = ZSeasonArchive.safeParse(archive());
    expect(r.success).toBe(true);
    expect(r.data?.tasks[0]?.title).toBe("Fix it ");
  });

  it("refuses with the path of the first bad field", () => {
    expect(firstProblem({ ...archive(), format: "podium-season/2" })).toBe('format: expected "podium-season/1"');
    const a = archive();
    a.ledger[0]!.points = 2_000_000;
    expect(firstProblem(a)).toBe("ledger[0].points: expected at most 1000000 in size");
    const b = archive();
    b.tasks[0]!.pickedUpAt = "yesterday" as unknown as null;
    expect(firstProblem(b)).toBe("tasks[0].pickedUpAt: expected an ISO 8601 date-time with a zone");
    const c = archive();
    (c.pulls[0] as Record<string, unknown>).extra = 1;
    expect(firstProblem(c)).toMatch(/^pulls\[0\]: .*extra/);
    const d = archive();
    d.season.repos = ["not a repo"];
    expect(firstProblem(d)).toBe("season.repos[0]: expected a repository as owner/name");
  });

  it("refuses strings with NUL, URLs that are not http(s), and an admin role", () => {
    const a = archive();
    a.pulls[0]!.title = "a\u0000b";
    expect(firstProblem(a)).toBe("pulls[0].title: must not contain NUL characters");
    const b = archive();
    b.participants[0]!.avatarUrl = "javascript:alert(1)" as unknown as null;
    expect(firstProblem(b)).toBe("participants[0].avatarUrl: expected an http(s) URL");
    const c = archive();
    c.roles[0]!.role = "admin";
    expect(firstProblem(c)).toBe("roles[0].role: expected maintainer (an archive grants no admin)");
  });

  it("refuses references to what the archive does not hold", () => {
    const a = archive();
    a.ledger[0]!.participant = "bob";
    expect(firstProblem(a)).toBe("ledger[0].participant: bob is not among the archive's participants");
    const b = archive();
    b.pulls[0]!.tasks[0]!.issue = "acme/app#9";
    expect(firstProblem(b)).toBe("pulls[0].tasks[0].issue: acme/app#9 is not among the archive's tasks");
    const c = archive();
    (c.ledger[0] as { revokes: number | null }).revokes = 0;
    expect(firstProblem(c)).toBe("ledger[0].revokes: expected the index of an earlier entry");
    const d = archive();
    d.tasks[0]!.issue = "other/repo#1";
    expect(firstProblem(d)).toBe("tasks[0].issue: other/repo#1 is not in one of the season's repositories");
  });

  it("refuses a list over its bound", () => {
    const a = archive();
    a.pulls[0]!.tasks = Array.from({ length: 21 }, () => ({ issue: "acme/app#1", source: "closing" }));
    expect(firstProblem(a)).toBe("pulls[0].tasks: expected at most 20 links");
  });
});

describe("ledger keys without database ids", () => {
  const names = {
    season: (id: number) => (id === 12 ? "" : null),
    task: (id: number) => (id === 345 ? "acme/app#7" : null),
    pr: (id: number) => (id === 678 ? "acme/app#9" : null),
    participant: (id: number) => (id === 6 ? "ann" : null),
  };
  it("writes ids as natural keys; comment ids, counters and unknown ids stay as they are", () => {
    expect(portableKey("s12:t345:u6", names)).toBe("s@:t@acme/app#7:u@ann");
    expect(portableKey("s12:t345:pr678:u6:2", names)).toBe("s@:t@acme/app#7:pr@acme/app#9:u@ann:2");
    expect(portableKey("s12:reward:t5:u6", names)).toBe("s@:reward:t5:u@ann");
    expect(portableKey("manual:0b6f", names)).toBe("manual:0b6f");
    expect(portableKey("s13:t1", names)).toBe("s13:t1");
  });
  it("reads them back with the other database's ids, or null when a name is unknown", () => {
    const ids = { season: 40, task: (k: string) => (k === "acme/app#7" ? 2 : undefined), pr: (k: string) => (k === "acme/app#9" ? 3 : undefined), participant: (l: string) => (l === "ann" ? 4 : undefined) };
    expect(localKey("s@:t@acme/app#7:pr@acme/app#9:u@ann:2", ids)).toBe("s40:t2:pr3:u4:2");
    expect(localKey("s@:reward:t5:u@ann", ids)).toBe("s40:reward:t5:u4");
    expect(localKey("s@:t@acme/app#8", ids)).toBeNull();
  });
});
