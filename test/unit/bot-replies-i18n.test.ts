import { describe, expect, it } from "vitest";
import { pickedUpReply, refusedReply, releasedReply, reminderReply, staleReleasedReply, unclearReply } from "@/lib/bot/replies";

describe("the bot's words in the season's language (#19)", () => {
  const facts = { difficulty: "easy", score: 100, releaseAfterDays: 7 };

  it("English by default, as before", () => {
    expect(pickedUpReply("k", "ann", facts)).toBe(
      "@ann picked up this task (easy, 100 points). Link a pull request within 7 days, or the task is released for others. To give it back, comment `/give-up-challenge`.\n\n<!-- podium:k -->",
    );
    expect(releasedReply("k", "ann", "fr")).toBe("@ann gave this task back; it is open for anyone to pick up with `/pick-up-challenge`.\n\n<!-- podium:k -->");
  });

  it("Chinese for a zh-CN season, the marker and commands unchanged", () => {
    expect(pickedUpReply("k", "ann", facts, "zh-CN")).toBe(
      "@ann 认领了这个任务 (easy, 100 积分)。请在 7 天内关联一个 PR，否则任务将被释放给其他人。如需放弃，请评论 `/give-up-challenge`。\n\n<!-- podium:k -->",
    );
    expect(refusedReply("k", "ann", "give-up", "not yours", "zh-CN")).toBe("@ann 无法放弃这个任务：not yours\n\n<!-- podium:k -->");
    expect(unclearReply("k", "ann", { kind: "unclear", meant: "pick-up", written: "pick-up", why: "no-slash" }, "zh-CN")).toContain("我把 `pick-up` 理解为 `/pick-up-challenge`（缺少斜杠）");
    expect(reminderReply("k", "ann", new Date("2024-05-01T10:30:00Z"), "zh-CN")).toContain("2024-05-01 10:30（UTC）");
    expect(staleReleasedReply("k", "ann", 14, "zh-CN")).toContain("已 14 天");
  });
});
