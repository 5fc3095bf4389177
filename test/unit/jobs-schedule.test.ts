import { describe, expect, it } from "vitest";
import { isOpen, nextSlotStart, scheduledJobId, slotOf, tickEveryMs } from "@/lib/jobs/schedule";
import { positionalSql, textParam } from "@/lib/jobs/sql-adapter";
import { pickInstallation } from "@/lib/github/app-auth";
import { PgDialect } from "drizzle-orm/pg-core";

const season = { slug: "s", startsAt: new Date("2031-01-01T00:00:00Z"), endsAt: new Date("2031-03-01T00:00:00Z"), graceDays: 7 };

describe("the schedule's arithmetic", () => {
  it("a season is open from its start to its end plus its grace days, both ends included", () => {
    expect(isOpen(season, new Date("2030-12-31T23:59:59Z"))).toBe(false);
    expect(isOpen(season, new Date("2031-01-01T00:00:00Z"))).toBe(true);
    expect(isOpen(season, new Date("2031-03-08T00:00:00Z"))).toBe(true);
    expect(isOpen(season, new Date("2031-03-08T00:00:01Z"))).toBe(false);
  });

  it("numbers slots of the interval from the epoch; the next run is the next slot's start", () => {
    // 1970-01-01T00:15:00Z is 900 s: the first instant of slot 1.
    expect(slotOf(new Date("1970-01-01T00:14:59.999Z"), 900)).toBe(0);
    expect(slotOf(new Date("1970-01-01T00:15:00Z"), 900)).toBe(1);
    expect(nextSlotStart(new Date("2031-01-15T12:07:30Z"), 900).toISOString()).toBe("2031-01-15T12:15:00.000Z");
    expect(nextSlotStart(new Date("2031-01-15T12:15:00Z"), 900).toISOString()).toBe("2031-01-15T12:30:00.000Z");
    expect(() => slotOf(new Date(), 0)).toThrow(/positive/);
  });

  it("ticks every interval, at least once a minute", () => {
    expect(tickEveryMs(900)).toBe(60_000);
    expect(tickEveryMs(20)).toBe(20_000);
  });

  it("gives one job id per kind, key and slot, the same on every instance, shaped as a UUID", () => {
    const id = scheduledJobId("sync.scheduled", "2020-s2", 7);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(scheduledJobId("sync.scheduled", "2020-s2", 7)).toBe(id);
    expect(new Set([id, scheduledJobId("sync.scheduled", "2020-s2", 8), scheduledJobId("sync.scheduled", "2020-s1", 7), scheduledJobId("other", "2020-s2", 7)]).size).toBe(4);
  });
});

describe("the queue's SQL through the app's client", () => {
  it("sends values as node-postgres would: objects as JSON, arrays as array literals, undefined as NULL", () => {
    expect(textParam({ season: "a" })).toBe('{"season":"a"}');
    expect(textParam(["a", 'b"c', null])).toBe('{"a","b\\"c",NULL}');
    expect(textParam(undefined)).toBeNull();
    expect(textParam(new Date("2031-01-01T00:00:00Z"))).toBe("2031-01-01T00:00:00.000Z");
    expect(textParam(3)).toBe(3);
  });

  it("turns $n placeholders into parameters, a repeated one sent again", () => {
    const query = new PgDialect().sqlToQuery(positionalSql("select $1::int, right($2, 1), $1::int", [7, "xy"]));
    expect(query.sql).toBe("select $1::int, right($2, 1), $3::int");
    expect(query.params).toEqual([7, "xy", 7]);
    expect(() => positionalSql("select $2", [1])).toThrow(/\$2, beyond its 1 values/);
  });
});

describe("choosing the GitHub App's installation", () => {
  const installs = [
    { id: 3, account: { login: "PingCAP" } },
    { id: 9, account: { login: "tikv" } },
  ];
  it("takes the one owning most of the season's repositories (owners compared without case)", () => {
    expect(pickInstallation(installs, ["pingcap/tidb", "tikv/tikv", "tikv/pd"]).id).toBe(9);
    expect(pickInstallation(installs, ["pingcap/tidb"]).id).toBe(3);
  });
  it("takes the only one when none owns them, and names them all when there are several", () => {
    expect(pickInstallation([installs[0]!], ["else/where"]).id).toBe(3);
    expect(() => pickInstallation(installs, ["else/where"])).toThrow("the GitHub App is installed on PingCAP, tikv, none of which owns else: install it on the repositories' owner, or set GITHUB_APP_INSTALLATION_ID");
    expect(() => pickInstallation([], ["else/where"])).toThrow(/installed on no account/);
  });
});
