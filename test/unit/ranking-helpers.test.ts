import { describe, expect, it } from "vitest";
import { achievementsOf } from "@/lib/profile/achievements";
import { competitionRanks } from "@/lib/queries/teams";

describe("competition ranking", () => {
  it("gives 1, 2, 2, 4 and skips unranked rows", () => {
    const rows = [
      { id: "a", score: 30, unranked: false },
      { id: "b", score: 20, unranked: false },
      { id: "staff", score: 20, unranked: true },
      { id: "c", score: 20, unranked: false },
      { id: "d", score: 10, unranked: false },
    ];
    expect(competitionRanks(rows).map((r) => [r.id, r.rank])).toEqual([
      ["a", 1],
      ["b", 2],
      ["staff", null],
      ["c", 2],
      ["d", 4],
    ]);
  });
});

describe("achievements", () => {
  const season = (rank: number | null, difficulties: (string | null)[]) => ({
    slug: "s",
    name: "S",
    rank,
    score: 100,
    rawScore: 100,
    timeline: [],
    completed: difficulties.map((difficulty, i) => ({ repo: "a/b", number: i + 1, title: "t", difficulty, points: 100, pullRequests: [] })),
  });
  it("are earned from tasks and ranks", () => {
    const ids = (seasons: ReturnType<typeof season>[]) => achievementsOf({ login: "x", hidden: false, name: null, avatarUrl: null, seasons }).map((a) => a.id);
    expect(ids([])).toEqual([]);
    expect(ids([season(40, ["easy"])])).toEqual(["first-task"]);
    expect(ids([season(2, ["easy", "medium", "hard", "easy", "easy"]), season(null, [])])).toEqual(["first-task", "five-tasks", "first-hard", "all-round", "podium", "returning"]);
    expect(ids([season(7, ["medium"])])).toEqual(["first-task", "top-10"]);
  });
});
