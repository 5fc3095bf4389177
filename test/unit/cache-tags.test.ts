import { describe, expect, it } from "vitest";
import { parseTags, participantTag, PUBLIC_TAG, seasonTag } from "@/lib/cache/tags";

describe("cache tags", () => {
  it("names what a cached read shows; a login in any case is one tag", () => {
    expect(seasonTag("2020-s2")).toBe("season:2020-s2");
    expect(participantTag("Ann-B")).toBe(participantTag("ann-b"));
    expect(participantTag("Ann-B")).toBe("participant:ann-b");
  });

  it("reads a notification's payload as space-separated tags and drops anything that is not one", () => {
    expect(parseTags(`${PUBLIC_TAG} season:2020-s2  participant:ann`)).toEqual(["public", "season:2020-s2", "participant:ann"]);
    expect(parseTags("")).toEqual([]);
    expect(parseTags("ok <script> x".padEnd(10, " "))).toEqual(["ok", "x"]);
    expect(parseTags(`${"a".repeat(201)} b`)).toEqual(["b"]);
  });
});
