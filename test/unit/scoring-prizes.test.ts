import { describe, expect, it } from "vitest";
import { awardPrizes, finalizableFrom, prizesByEntry, type Contender } from "@/lib/scoring/prizes";
import type { SeasonPrize } from "@/lib/seasons/season-file";

const ind = (name: string, rank: number | null, score: number): Contender => ({ ranking: "individuals", name, rank, score });
const team = (name: string, rank: number | null, score: number): Contender => ({ ranking: "teams", name, rank, score });

/**
 * Individuals (competition ranks, worked out by hand):
 *   ann 900 #1 · bob 700 #2 · cat 700 #2 · dan 650 #4 · eve 650 #4 · fay 300 #6 · staff 800 unranked
 * Teams: red 1500 #1 · blue 1500 #1 · green 200 #3 · crew 2000 unranked
 */
const board: Contender[] = [
  ind("ann", 1, 900), ind("staff", null, 800), ind("bob", 2, 700), ind("cat", 2, 700), ind("dan", 4, 650), ind("eve", 4, 650), ind("fay", 6, 300),
  team("crew", null, 2000), team("red", 1, 1500), team("blue", 1, 1500), team("green", 3, 200),
];
const names = (o: { winners: Contender[] }) => o.winners.map((w) => `${w.ranking[0]}:${w.name}`);

describe("awardPrizes", () => {
  it("a rank range takes the ranked entries of each ranking separately; a tie at its last rank all qualify", () => {
    const [first, second] = awardPrizes([{ name: "First", ranks: [1, 1] }, { name: "Second", ranks: [2, 3] }], board);
    // First: ann alone among individuals; red and blue tie at 1 among teams (two winners for one place).
    expect(names(first!)).toEqual(["i:ann", "t:red", "t:blue"]);
    expect(first!.tiedAtBoundary).toEqual(["teams"]);
    // Second [2, 3]: bob and cat (both #2) fill the two places: no excess. Teams: nobody is #2 or #3 but green (#3).
    expect(names(second!)).toEqual(["i:bob", "i:cat", "t:green"]);
    expect(second!.tiedAtBoundary).toEqual([]);
  });

  it("a range whose last rank falls inside a tie brings the whole tie in and says so", () => {
    // [2, 4]: three places; bob, cat (#2), dan, eve (#4) → four winners.
    const [o] = awardPrizes([{ name: "Top four", ranks: [2, 4], ranking: "individuals" }], board);
    expect(names(o!)).toEqual(["i:bob", "i:cat", "i:dan", "i:eve"]);
    expect(o!.tiedAtBoundary).toEqual(["individuals"]);
  });

  it("a place taken by a tie above has no winner of its own (competition ranking 1, 1, 3)", () => {
    const [o] = awardPrizes([{ name: "Runner-up", ranks: [2, 2], ranking: "teams" }], board);
    expect(o!.winners).toEqual([]);
  });

  it("unranked entries never win a rank prize, and `ranking` limits a prize to one ranking", () => {
    const [o] = awardPrizes([{ name: "Best team", ranks: [1, 3], ranking: "teams" }], board);
    expect(names(o!)).toEqual(["t:red", "t:blue", "t:green"]);
  });

  it("a threshold goes to everyone with at least the points, unranked individuals and teams too", () => {
    const [o] = awardPrizes([{ name: "Excellence", minPoints: 700 }], board);
    expect(names(o!)).toEqual(["i:ann", "i:staff", "i:bob", "i:cat", "t:crew", "t:red", "t:blue"]);
    expect(o!.tiedAtBoundary).toEqual([]);
  });

  it("prizesByEntry lists each entry's prizes in the file's order", () => {
    const prizes: SeasonPrize[] = [{ name: "First", ranks: [1, 1] }, { name: "Excellence", minPoints: 850 }];
    const won = prizesByEntry(awardPrizes(prizes, board));
    expect(won.get("individuals:ann")).toEqual(["First", "Excellence"]);
    expect(won.get("teams:crew")).toEqual(["Excellence"]);
    expect(won.get("individuals:staff")).toBeUndefined();
  });

  it("no prizes, or nobody on the board, gives no winners", () => {
    expect(awardPrizes([], board)).toEqual([]);
    expect(awardPrizes([{ name: "First", ranks: [1, 1] }], [])).toEqual([{ name: "First", winners: [], tiedAtBoundary: [] }]);
  });
});

describe("finalizableFrom", () => {
  it("is the end plus the grace days", () => {
    expect(finalizableFrom({ endsAt: new Date("2020-05-31T16:00:00Z"), graceDays: 3 }).toISOString()).toBe("2020-06-03T16:00:00.000Z");
    expect(finalizableFrom({ endsAt: new Date("2020-05-31T16:00:00Z"), graceDays: 0 }).toISOString()).toBe("2020-05-31T16:00:00.000Z");
  });
});
