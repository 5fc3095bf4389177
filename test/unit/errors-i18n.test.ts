import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { describeError, ForbiddenError, InvalidInputError, NotFoundError, PickRefusedError, RuleError, UnauthenticatedError } from "@/lib/errors";
import { checkPickLimit } from "@/lib/scoring/picks";
import { words } from "@/lib/i18n/words";

describe("describeError per locale (#19)", () => {
  it("English by default, as before (the CLI, tests)", () => {
    expect(describeError(new UnauthenticatedError()).message).toBe("Sign in first.");
    expect(describeError(new ForbiddenError("task.pickup")).message).toBe("You are not allowed to do this.");
    expect(describeError(new NotFoundError("task")).message).toBe("Not found: task.");
    expect(describeError(new RuleError("This season has ended.", words("errors.seasonEnded"))).message).toBe("This season has ended.");
  });

  it("Chinese for a zh-CN request: codes, known things not found, refusals that carry words", () => {
    expect(describeError(new UnauthenticatedError(), "zh-CN").message).toBe("请先登录。");
    expect(describeError(new ForbiddenError("task.pickup"), "zh-CN").message).toBe("你没有权限这样做。");
    expect(describeError(new NotFoundError("pull request"), "zh-CN").message).toBe("未找到：PR。");
    expect(describeError(new NotFoundError("season nope"), "zh-CN").message).toBe("未找到：season nope。");
    expect(describeError(new RuleError("This season has ended.", words("errors.seasonEnded")), "zh-CN").message).toBe("本赛季已经结束。");
    const limit = checkPickLimit({ caps: [], gates: [], picks: { max: 1, perTeamMember: false, releaseAfterDays: 7 } } as never, { open: 1, teamMembers: null });
    if (limit.ok) throw new Error("expected a refusal");
    const refusal = describeError(new PickRefusedError("pick-limit", limit.reason, limit.words), "zh-CN");
    expect(refusal).toMatchObject({ code: "CONFLICT", rule: "pick-limit", message: "你已经认领了 1 个任务；每位参与者同时最多认领 1 个任务。请先完成或放弃一个。" });
    expect(describeError(new PickRefusedError("pick-limit", limit.reason, limit.words)).message).toBe(limit.reason);
  });

  it("a refusal without catalogue words keeps its English message; field messages the catalogue knows are translated", () => {
    expect(describeError(new RuleError("Something only English says."), "zh-CN").message).toBe("Something only English says.");
    const invalid = describeError(new InvalidInputError("Some fields are not valid.", { reason: "say why (at least 3 characters)", points: "expected a number" }), "zh-CN");
    expect(invalid).toEqual({ code: "INVALID", message: "有些字段无效。", fields: { reason: "请说明原因（至少 3 个字符）", points: "expected a number" } });
    const parsed = z.object({ n: z.number() }).safeParse({ n: "x" });
    expect(describeError(parsed.error, "zh-CN").message).toBe("有些字段无效。");
  });

  it("an unexpected failure is the generic sentence in either language, never its text", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(describeError(new Error("select * from secrets"), "zh-CN").message).toBe("出了点问题，没有做任何改动。请重试。");
    expect(describeError(new Error("select * from secrets")).message).toBe("Something went wrong; nothing was changed. Please try again.");
    log.mockRestore();
  });
});
