import { describe, expect, it } from "vitest";
import { allocateSpend, dueExpiries, earnCorrection, lotExpiry, splitCredits, walletState, type SeasonWindow } from "@/lib/wallet/rules";

/** Three seasons, worked by hand: s1 Jan–Mar, s2 Apr–Jun, s3 Jul–Sep 2024 (ids not in time order on purpose). */
const S1 = 7;
const S2 = 3;
const S3 = 9;
const SEASONS: SeasonWindow[] = [
  { id: S2, startsAt: new Date("2024-04-01T00:00:00Z"), endsAt: new Date("2024-06-30T00:00:00Z") },
  { id: S1, startsAt: new Date("2024-01-01T00:00:00Z"), endsAt: new Date("2024-03-31T00:00:00Z") },
  { id: S3, startsAt: new Date("2024-07-01T00:00:00Z"), endsAt: new Date("2024-09-30T00:00:00Z") },
];

describe("lot expiry: the end of the next season", () => {
  it("s1's credits expire when s2 ends, s2's when s3 ends; s3's have no expiry until a later season exists", () => {
    expect(lotExpiry(S1, SEASONS)).toEqual(new Date("2024-06-30T00:00:00Z"));
    expect(lotExpiry(S2, SEASONS)).toEqual(new Date("2024-09-30T00:00:00Z"));
    expect(lotExpiry(S3, SEASONS)).toBeNull();
    expect(lotExpiry(42, SEASONS)).toBeNull();
  });
});

describe("the wallet's state", () => {
  const lines = [
    { lotSeasonId: S1, credits: 300 },
    { lotSeasonId: S2, credits: 500 },
    { lotSeasonId: S1, credits: -100 },
  ];

  it("before s2 ends: balance 700, all of it available; s1's lot (expiring first) listed first", () => {
    const s = walletState(lines, SEASONS, new Date("2024-05-01T00:00:00Z"));
    expect(s.balance).toBe(700);
    expect(s.available).toBe(700);
    expect(s.lots.map((l) => [l.seasonId, l.remaining, l.expired])).toEqual([
      [S1, 200, false],
      [S2, 500, false],
    ]);
    expect(dueExpiries(s)).toEqual([]);
  });

  it("once s2 has ended, s1's 200 left are no longer available and an expire entry of -200 is due", () => {
    const s = walletState(lines, SEASONS, new Date("2024-06-30T00:00:00Z"));
    expect(s.balance).toBe(700);
    expect(s.available).toBe(500);
    expect(dueExpiries(s)).toEqual([{ lotSeasonId: S1, credits: -200 }]);
    const after = walletState([...lines, { lotSeasonId: S1, credits: -200 }], SEASONS, new Date("2024-06-30T00:00:00Z"));
    expect([after.balance, after.available]).toEqual([500, 500]);
    expect(dueExpiries(after)).toEqual([]);
  });
});

describe("spending", () => {
  const state = walletState(
    [
      { lotSeasonId: S2, credits: 500 },
      { lotSeasonId: S1, credits: 200 },
    ],
    SEASONS,
    new Date("2024-05-01T00:00:00Z"),
  );

  it("takes from the lot that expires soonest first, then the next", () => {
    expect(allocateSpend(state, 150)).toEqual([{ lotSeasonId: S1, credits: -150 }]);
    expect(allocateSpend(state, 450)).toEqual([
      { lotSeasonId: S1, credits: -200 },
      { lotSeasonId: S2, credits: -250 },
    ]);
    expect(allocateSpend(state, 700)).toEqual([
      { lotSeasonId: S1, credits: -200 },
      { lotSeasonId: S2, credits: -500 },
    ]);
  });

  it("refuses a spend above what is available (never negative), and expired credits do not count", () => {
    expect(allocateSpend(state, 701)).toBeNull();
    const later = walletState([{ lotSeasonId: S1, credits: 200 }, { lotSeasonId: S2, credits: 50 }], SEASONS, new Date("2024-07-01T00:00:00Z"));
    expect(later.available).toBe(50);
    expect(allocateSpend(later, 100)).toBeNull();
    expect(allocateSpend(later, 50)).toEqual([{ lotSeasonId: S2, credits: -50 }]);
  });

  it("a spend is a positive whole number", () => {
    expect(() => allocateSpend(state, 0)).toThrow(RangeError);
    expect(() => allocateSpend(state, 1.5)).toThrow(RangeError);
  });
});

describe("a team's credits split among its members", () => {
  const m = (participantId: number, login: string, share = 0) => ({ participantId, login, share });

  it("equally when no share is set: 1000 among 3 is 334, 333, 333 (the extra credit to the first login)", () => {
    expect([...splitCredits(1000, [m(2, "bob"), m(1, "ann"), m(3, "cat")])].sort()).toEqual([
      [1, 334],
      [2, 333],
      [3, 333],
    ]);
  });

  it("by weights: 700 as 2:1 is 467 and 233 (466.67 and 233.33, the larger remainder rounds up)", () => {
    expect(splitCredits(700, [m(1, "ann", 2), m(2, "bob", 1)])).toEqual(new Map([[1, 467], [2, 233]]));
  });

  it("a member with share 0 gets nothing, even of the rounding", () => {
    expect(splitCredits(101, [m(1, "ann", 1), m(2, "bob", 1), m(3, "cat", 0)])).toEqual(new Map([[1, 51], [2, 50], [3, 0]]));
  });

  it("nothing to split, or nobody to split it among", () => {
    expect(splitCredits(0, [m(1, "ann")]).size).toBe(0);
    expect(splitCredits(100, []).size).toBe(0);
  });
});

describe("crediting a season again (after a reopen)", () => {
  it("writes the difference; a decrease takes back at most what is left of the lot", () => {
    expect(earnCorrection(600, 0, 0)).toBe(600);
    expect(earnCorrection(600, 600, 600)).toBe(0);
    expect(earnCorrection(700, 600, 100)).toBe(100);
    expect(earnCorrection(500, 600, 600)).toBe(-100);
    expect(earnCorrection(100, 600, 50)).toBe(-50);
    expect(earnCorrection(100, 600, 0)).toBe(0);
  });
});
