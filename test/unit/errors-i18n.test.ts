import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { describeError, ForbiddenError, InvalidInputError, NotFoundError, PickRefusedError, RuleError, UnauthenticatedError, type PodiumError } from "@/lib/errors";
import { checkPickLimit } from "@/lib/scoring/picks";
import { renderWords, words } from "@/lib/i18n/words";
import { flatten, type Catalogue } from "@/lib/i18n/catalogue-check";
import en from "@/messages/en.json";
import { refusals } from "@/lib/commands/refusals";
import { fieldErrors } from "@/lib/util/zod-errors";
import { ZReason } from "@/lib/commands/fields";
import { toActionError } from "@/lib/actions/action-result";
import { ZAwardPoints } from "@/lib/commands/award-points";
import { ZSaveGift } from "@/lib/commands/save-gift";
import { ZMarkTask } from "@/lib/commands/mark-task";
import { ZAnswerAppeal } from "@/lib/commands/answer-appeal";
import { ZReviewRedemption } from "@/lib/commands/review-redemption";
import { ZRoleChange } from "@/lib/commands/manage-roles";
import { ZSetCreditShares } from "@/lib/commands/set-credit-shares";
import { ZOpenAppeal } from "@/lib/commands/open-appeal";
import { ZSetTaskScore } from "@/lib/commands/set-task-score";
import { ZSaveSeason } from "@/lib/commands/save-season";
import { ZSyncNowInput } from "@/lib/actions/sync-now-input";
import { ZRequestRedemption } from "@/lib/commands/request-redemption";

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
    expect(invalid).toEqual({ code: "INVALID", message: "有些字段无效。", fields: { reason: "请说明原因（至少 3 个字符）", points: "expected a number" }, labels: { reason: "原因", points: "积分" } });
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

/** Everything but ASCII letters: what a Chinese sentence may still contain once the values passed in are cut out. */
const ASCII_LETTER = /[A-Za-z]/;
const without = (text: string, values: (string | number)[]) => values.reduce<string>((t, v) => t.split(String(v)).join(""), text);

describe("the commands' refusals in both languages (#19, refusals.ts)", () => {
  const day = new Date("2026-05-30T16:00:00.000Z");
  // Each sample with the values it passes in (names, slugs, dates, numbers): only those may be ASCII in Chinese.
  const samples: [keyof typeof refusals, PodiumError, (string | number)[]][] = [
    ["notTeamMember", refusals.notTeamMember("alice", "owls"), ["alice", "owls"]],
    ["nameEveryMember", refusals.nameEveryMember("owls", ["alice", "bob"]), ["owls", "alice, bob"]],
    ["shareAboveZero", refusals.shareAboveZero(), []],
    ["alreadyFinal", refusals.alreadyFinal("s2026", day), ["s2026", day.toISOString()]],
    ["finalizeTooEarly", refusals.finalizeTooEarly("s2026", day, new Date("2026-05-28T16:00:00.000Z"), 2), ["s2026", day.toISOString(), "2026-05-28T16:00:00.000Z", 2]],
    ["notFinal", refusals.notFinal("s2026"), ["s2026"]],
    ["appealAnswered", refusals.appealAnswered("declined"), []],
    ["redeemSignedIn", refusals.redeemSignedIn(), []],
    ["outOfStock", refusals.outOfStock("Mug"), ["Mug"]],
    ["tooFewCredits", refusals.tooFewCredits("Mug", 30, 12), ["Mug", 30, 12]],
    ["repoNotInSeason", refusals.repoNotInSeason("acme/api", "s2026"), ["acme/api", "s2026"]],
    ["giftExists", refusals.giftExists("Mug"), ["Mug"]],
    ["creditsNotFinal", refusals.creditsNotFinal("s2026"), ["s2026"]],
    ["repoOfNoSeason", refusals.repoOfNoSeason("acme/api"), ["acme/api"]],
    ["redemptionStep", refusals.redemptionStep("shipped", "refused"), []],
    ["notListedRepo", refusals.notListedRepo("acme/api", "s2026"), []],
    ["seasonHasErrors", refusals.seasonHasErrors({ "rules.picks.max": "expected a positive integer" }), []],
  ];

  it("covers every refusal", () => {
    expect(samples.map(([name]) => name).sort()).toEqual(Object.keys(refusals).sort());
  });

  it.each(samples)("%s: the English catalogue text is the message, word for word", (_, error) => {
    expect(error.words).toBeDefined();
    expect(renderWords(error.words!, "en")).toBe(error.message);
    expect(describeError(error).message).toBe(error.message);
  });

  it.each(samples)("%s: in Chinese, no ASCII letters but the values passed in", (_, error, values) => {
    const zh = describeError(error, "zh-CN").message;
    expect(zh).not.toBe(error.message);
    expect(without(zh, values)).not.toMatch(ASCII_LETTER);
  });

  it("the English messages the CLI and the tests read are as before", () => {
    expect(refusals.redemptionStep("refused", "approved").message).toBe("This redemption is refused; it cannot be approved now.");
    expect(refusals.finalizeTooEarly("s1", new Date("2026-06-01T00:00:00Z"), new Date("2026-05-30T00:00:00Z"), 2).message).toBe(
      "Season s1 cannot be finalized before 2026-06-01T00:00:00.000Z (its end, 2026-05-30T00:00:00.000Z, plus 2 grace day(s)).",
    );
    expect(refusals.repoOfNoSeason("acme/api").message).toBe("acme/api is not a repository of any season");
  });

  it("statuses are words in Chinese", () => {
    expect(describeError(refusals.redemptionStep("approved", "shipped"), "zh-CN").message).toBe("这个兑换申请已批准，现在不能发货。");
    expect(describeError(refusals.appealAnswered("accepted"), "zh-CN").message).toBe("这个申诉已经被接受。");
    expect(describeError(refusals.alreadyFinal("s1", new Date("2026-06-01T00:00:00Z")), "zh-CN").message).toBe("赛季 s1 已经结算（自 2026-06-01T00:00:00.000Z 起）。");
  });
});

describe("the forms' field messages in Chinese (#19, errors.field.*)", () => {
  const fieldsOf = (schema: z.ZodType, input: unknown) => {
    const parsed = schema.safeParse(input);
    if (parsed.success) throw new Error("expected a refusal");
    return new InvalidInputError("Some fields are not valid.", fieldErrors(parsed.error));
  };
  // Bad input for the forms' schemas, with the values a message quotes back (only those may stay ASCII).
  const cases: [string, z.ZodType, unknown, string[]][] = [
    ["award points", ZAwardPoints, { season: "Bad Slug", pullRequestId: "x", points: 0, reason: "a" }, []],
    ["award points, too many", ZAwardPoints, { season: "s1", pullRequestId: 1, points: 2_000_000, reason: "x".repeat(501) }, ["1000000", "500"]],
    ["save gift", ZSaveGift, { id: "x", name: "a", description: "\u0001", cost: 0, stock: "many", picture: "http://x", active: "perhaps" }, ["1", "https", "https://…"]],
    ["mark task", ZMarkTask, { season: "S!", repo: "nope", number: "x", kind: "epic", difficulty: "Hard", points: 1.5, reason: "" }, []],
    ["answer appeal", ZAnswerAppeal, { appealId: 1, decision: "accept", reason: "fine" }, ["PR"]],
    ["answer appeal, bad", ZAnswerAppeal, { appealId: "x", decision: "maybe", points: -1, reason: "no" }, []],
    ["review redemption", ZReviewRedemption, { redemptionId: 1, decision: "refuse", reason: "" }, []],
    ["review redemption, bad", ZReviewRedemption, { redemptionId: 1, decision: "lose", reason: "" }, []],
    ["roles: maintainer", ZRoleChange, { login: "-", role: "maintainer", repo: "" }, ["GitHub", "--repo owner/name"]],
    ["roles: admin", ZRoleChange, { login: "alice", role: "admin", repo: "acme/api" }, []],
    ["roles: bad", ZRoleChange, { login: "alice", role: "king", repo: "nope" }, ["owner/name"]],
    ["credit shares", ZSetCreditShares, { season: "s1", team: "", shares: "alice 2, bob: 1, bob: 2" }, ["alice 2", "bob"]],
    ["open appeal", ZOpenAppeal, { season: "s1", pullRequestId: "x", text: "short" }, []],
    ["task score", ZSetTaskScore, { taskId: "x", points: -3, reason: "ok" }, []],
    ["save season", ZSaveSeason, { json: "" }, ["JSON"]],
    ["sync now", ZSyncNowInput, { season: "Nope", full: "perhaps" }, ["slug"]],
    ["request redemption", ZRequestRedemption, { giftId: "x", note: "y".repeat(501) }, ["500"]],
  ];

  // Words the Chinese catalogue keeps as they are (errors.what: a pull request is a PR), and examples of a format.
  const TERMS = ["PR", "slug", "GitHub", "JSON", "https", "owner/name", "easy"];

  it.each(cases)("%s: every field message is translated", (_, schema, input, values) => {
    const error = fieldsOf(schema, input);
    const zh = describeError(error, "zh-CN").fields!;
    expect(Object.keys(zh).length).toBeGreaterThan(0);
    expect(Object.keys(zh).sort()).toEqual(Object.keys(error.fields!).sort());
    for (const [field, message] of Object.entries(zh)) {
      expect(message, field).not.toBe(error.fields![field]);
      expect(without(message, [...values, ...TERMS]), `${field}: ${message}`).not.toMatch(ASCII_LETTER);
    }
    expect(describeError(error).fields).toEqual(error.fields);
  });

  it("every message of the catalogue is found by its English text and comes back translated", () => {
    const entries = flatten(en.errors.field as Catalogue, "errors.field.");
    expect(entries.length).toBeGreaterThan(40);
    for (const [key, text] of entries) {
      const sample = text.replace(/\{(\w+)\}/g, (_, name: string) => `<${name}-1>`);
      const fields = describeError(new InvalidInputError("Some fields are not valid.", { f: sample }), "zh-CN").fields!;
      const values = Object.fromEntries([...text.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, `<${m[1]}-1>`]));
      expect(fields.f, key).toBe(renderWords(words(key, values), "zh-CN"));
      expect(fields.f, key).not.toBe(sample);
    }
  });

  it("a message with arguments is matched by its shape and keeps what stood there", () => {
    const error = new InvalidInputError("Some fields are not valid.", {
      note: "at most 1000 characters",
      repo: "acme/api is not a repository of s1",
      difficulty: "not a difficulty of s1: easy, hard",
      other: "at most many characters!",
    });
    expect(describeError(error, "zh-CN").fields).toEqual({
      note: "最多 1000 个字符",
      repo: "acme/api 不是赛季 s1 的仓库",
      difficulty: "不是赛季 s1 的难度：easy, hard",
      other: "at most many characters!",
    });
  });
});

describe("zod's own messages in Chinese, per call (#19, lib/i18n/zod-messages.ts)", () => {
  const schema = z.object({ title: z.string().min(3), count: z.number().max(5), kind: z.enum(["a", "b"]), reason: ZReason });
  const input = { title: "x", count: 9, kind: "c", reason: "" };

  it("a schema without custom messages: zod's zh-CN words, the catalogue's for custom ones; English stays zod's English", () => {
    const parsed = schema.safeParse(input);
    if (parsed.success) throw new Error("expected a refusal");
    const zh = describeError(parsed.error, "zh-CN").fields;
    expect(zh).toEqual({ title: "数值过小：期望 string >=3 字符", count: "数值过大：期望 number <=5", kind: '无效选项：期望以下之一 "a"|"b"', reason: "请说明原因（至少 3 个字符）" });
    expect(describeError(parsed.error).fields).toEqual({
      title: "Too small: expected string to have >=3 characters",
      count: "Too big: expected number to be <=5",
      kind: 'Invalid option: expected one of "a"|"b"',
      reason: "say why (at least 3 characters)",
    });
    // …and a parse after it is still English: nothing global changed.
    expect(z.string().min(3).safeParse("x").error!.issues[0]!.message).toBe("Too small: expected string to have >=3 characters");
  });

  it("the same through a command's InvalidInputError (runCommand keeps the issues)", () => {
    const parsed = schema.safeParse(input);
    if (parsed.success) throw new Error("expected a refusal");
    const error = new InvalidInputError("Some fields are not valid.", fieldErrors(parsed.error), undefined, parsed.error.issues);
    expect(describeError(error, "zh-CN").fields!.title).toBe("数值过小：期望 string >=3 字符");
    expect(describeError(error).fields).toEqual(error.fields);
  });
});

describe("field names in front of field messages (#19, errors.fieldName.*)", () => {
  it("a form's failed state names the fields the catalogue knows in Chinese; English keeps the field's own name", () => {
    const error = new InvalidInputError("Some fields are not valid.", { reason: "say why", "rules.caps[0].max": "expected a positive integer" });
    expect(toActionError(error, "zh-CN")).toEqual({
      ok: false,
      code: "INVALID",
      error: "有些字段无效。",
      fieldErrors: { reason: "请说明原因", "rules.caps[0].max": "expected a positive integer" },
      fieldLabels: { reason: "原因" },
    });
    expect(toActionError(error, "en")).toEqual({ ok: false, code: "INVALID", error: "Some fields are not valid.", fieldErrors: error.fields });
  });

  it("every English label is the field's own name", () => {
    for (const [field, label] of Object.entries(en.errors.fieldName)) expect(label).toBe(field);
  });
});
