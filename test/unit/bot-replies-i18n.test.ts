import { describe, expect, it } from "vitest";
import { outcomeReply, pickedUpReply, refusedReply, releasedReply, reminderReply, staleReleasedReply, unclearReply } from "@/lib/bot/replies";
import { parseLocale } from "@/lib/i18n/locale";
import { renderWords } from "@/lib/i18n/words";
import { outcomeWords } from "@/lib/outcomes/words";
import type { PrDecision } from "@/lib/scoring/outcomes";

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

describe("the merged pull request's outcome comment in the season's language (#19)", () => {
  const decision = { pullRequestId: 1, taskId: 3, points: 100, awarded: 100, scorer: null, outcome: "scored" } as const;
  const names = { task: () => "cmd/app#3", pullRequest: () => "cmd/app#4", person: () => "ann", timeZone: "UTC" };
  const comment = (language?: string) => outcomeReply("outcome:9:1", "cat", renderWords(outcomeWords(decision as PrDecision, names), parseLocale(language) ?? "en"), "https://podium.test/u/cat?season=cmd", language);

  it("English by default: the outcome words of /pulls and the profile link", () => {
    expect(comment()).toBe("@cat Earned 100 points for cmd/app#3. Your season so far: https://podium.test/u/cat?season=cmd\n\n<!-- podium:outcome:9:1 -->");
  });

  it("Chinese for a zh-CN season, the marker and the link unchanged", () => {
    expect(comment("zh-CN")).toBe("@cat 因 cmd/app#3 获得 100 积分。 你本赛季的情况：https://podium.test/u/cat?season=cmd\n\n<!-- podium:outcome:9:1 -->");
  });
});
