import { describe, expect, it } from "vitest";
import { formatInZone, offsetMinutes, zoneLabel } from "@/lib/util/season-zone";

describe("dates in a season's zone", () => {
  // Worked out by hand: 2020-03-02T00:00+05:30 is 2020-03-01T18:30Z; in UTC that is Mar 1, 6:30 PM.
  it("shows a +05:30 season in its own offset (Node 20 showed it in UTC)", () => {
    expect(formatInZone("2020-03-02T00:00:00+05:30", "+05:30", "dateTime")).toBe("Mar 2, 2020, 12:00 AM");
    expect(formatInZone("2020-03-02T00:00:00+05:30", "+05:30", "date")).toBe("Mar 2, 2020");
    expect(formatInZone("2020-05-30T23:59:59+05:30", "+05:30", "dateTime")).toBe("May 30, 2020, 11:59 PM");
  });

  it("handles negative and whole-hour offsets, UTC and IANA names", () => {
    expect(formatInZone("2020-03-02T00:00:00-09:30", "-09:30", "dateTime")).toBe("Mar 2, 2020, 12:00 AM");
    expect(formatInZone("2020-03-02T00:00:00+08:00", "+08:00", "dateTime")).toBe("Mar 2, 2020, 12:00 AM");
    expect(formatInZone("2020-03-01T16:00:00Z", "Asia/Shanghai", "dateTime")).toBe("Mar 2, 2020, 12:00 AM");
    expect(formatInZone("2020-03-01T16:00:00Z", "UTC", "dateTime")).toBe("Mar 1, 2020, 4:00 PM");
  });

  it("shows a zone stored before it was checked as UTC instead of throwing", () => {
    expect(formatInZone("2020-03-01T16:00:00Z", "Mars/Base", "dateTime")).toBe("Mar 1, 2020, 4:00 PM");
    expect(formatInZone("2020-03-01T16:00:00Z", "+99:99", "date")).toBe("Mar 1, 2020");
    expect(formatInZone("not a date", "UTC", "date")).toBe("—");
    expect(zoneLabel("Mars/Base")).toBe("UTC");
  });

  it("names the zone", () => {
    expect(zoneLabel("+05:30")).toBe("UTC+05:30");
    expect(zoneLabel("Asia/Shanghai")).toBe("Asia/Shanghai");
    expect(zoneLabel("UTC")).toBe("UTC");
    expect(offsetMinutes("-05:45")).toBe(-345);
    expect(offsetMinutes("Asia/Kolkata")).toBeNull();
  });
});
