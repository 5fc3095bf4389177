import { describe, expect, it } from "vitest";
import { badgeSvg, xml } from "@/lib/api/badge";
import { csvCell, csvRow } from "@/lib/api/csv";

describe("CSV cells", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["=HYPERLINK(\"x\")", '"\'=HYPERLINK(""x"")"'],
    ["+1", "\"'+1\""],
    ["-cmd", "\"'-cmd\""],
    ["@SUM(A1)", "\"'@SUM(A1)\""],
    ["\tx", "\"'\tx\""],
    ["line\nbreak", '"line\nbreak"'],
  ])("%j → %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("numbers stay numbers, nulls are empty", () => {
    expect(csvRow([1, -5, null, "x"])).toBe("1,-5,,x");
  });
});

describe("SVG badge", () => {
  it("escapes text", () => {
    expect(xml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
    const svg = badgeSvg("Podium <script>", "#1 · 100 pts");
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("Podium &lt;script&gt;");
  });
});
