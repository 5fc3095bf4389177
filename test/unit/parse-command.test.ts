import { describe, expect, it } from "vitest";
import { parseCommand } from "@/lib/bot/parse-command";

describe("comment commands", () => {
  it.each([
    ["/pick-up-challenge", "pick-up"],
    ["/pick-up", "pick-up"],
    ["/PICK-UP-CHALLENGE", "pick-up"],
    ["I would like this one.\n/pick-up-challenge\nthanks", "pick-up"],
    ["/give-up-challenge", "give-up"],
    ["/give-up too busy", "give-up"],
  ])("reads %j as %s", (body, kind) => {
    expect(parseCommand(body)).toMatchObject({ kind });
  });

  it.each([
    ["/pickup-challenge", "pick-up", "typo"],
    ["/pick-up-challange", "pick-up", "typo"],
    ["/give-up-chalenge", "give-up", "typo"],
    ["/giveup", "give-up", "typo"],
    ["pick-up-challenge", "pick-up", "no-slash"],
    ["pick up challenge", "pick-up", "no-slash"],
    ["give-up", "give-up", "no-slash"],
  ])("reads %j as unclear, meant %s (%s)", (body, meant, why) => {
    expect(parseCommand(body)).toEqual({ kind: "unclear", written: body.replace(/^\//, "/").trim(), meant, why });
  });

  it.each([
    "LGTM",
    "/lgtm",
    "/assign @bob",
    "/reward 100",
    "I will pick up this challenge tomorrow if nobody else does",
    "> /pick-up-challenge\nplease do",
    "pick",
    "please /pick-up-challenge",
    "<!-- podium:reply:IC_1 -->\n@ann picked up this task. To give it back, comment /give-up-challenge.\n/give-up-challenge",
  ])("finds no command in %j", (body) => {
    expect(parseCommand(body)).toBeNull();
  });
});
