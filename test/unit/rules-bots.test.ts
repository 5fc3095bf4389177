import { describe, expect, it } from "vitest";
import { type Actor, isBot, isScorableAuthor } from "@/lib/rules/bots";

describe("isBot and isScorableAuthor", () => {
  const cases: [string, Actor | null, boolean, boolean][] = [
    ["a person", { login: "octocat", type: "User" }, false, true],
    ["[bot] suffix", { login: "dependabot[bot]" }, true, false],
    ["[bot] suffix, case", { login: "Renovate[BOT]" }, true, false],
    ["REST type Bot", { login: "some-app", type: "Bot" }, true, false],
    ["GraphQL __typename Bot", { login: "ti-chi-bot", __typename: "Bot" }, true, false],
    ["deleted user (null login)", { login: null }, false, false],
    ["ghost placeholder", { login: "ghost", type: "User" }, false, false],
    ["empty login", { login: "  " }, false, false],
    ["a login merely containing bot", { login: "robotics-fan" }, false, true],
    ["no actor", null, false, false],
  ];
  it.each(cases)("%s", (_name, actor, bot, scorable) => {
    if (actor) expect(isBot(actor)).toBe(bot);
    expect(isScorableAuthor(actor)).toBe(scorable);
  });

  it("knows extra bot accounts that are ordinary users", () => {
    expect(isBot({ login: "Sre-Bot" }, ["sre-bot"])).toBe(true);
    expect(isScorableAuthor({ login: "sre-bot", type: "User" }, ["SRE-bot"])).toBe(false);
    expect(isScorableAuthor({ login: "octocat" }, ["sre-bot"])).toBe(true);
  });
});
