/** Issue #14: umbrellas from the season file and a maintainer's marks decide what a task is (`taskMarks`). */
import { describe, expect, it } from "vitest";
import { taskMarks, umbrellaFor, UMBRELLA_REASON, type PriorMarks } from "@/lib/rules/task-marks";

const umbrellas = [{ issue: "pingcap/tidb#12105", points: 50, difficulty: "easy" }, { issue: "tikv/tikv#9", points: 20 }];
const plain: PriorMarks = { manual: false, perPr: false, listedUmbrella: false, scoreOverride: null, scoreOverrideReason: null, difficultyOverride: null };
const wasListed: PriorMarks = { ...plain, perPr: true, listedUmbrella: true, scoreOverride: 50, scoreOverrideReason: UMBRELLA_REASON };

describe("umbrellaFor", () => {
  it("finds the entry whatever the case of the repository", () => {
    expect(umbrellaFor(umbrellas, "PingCAP/TiDB", 12105)?.points).toBe(50);
    expect(umbrellaFor(umbrellas, "pingcap/tidb", 1210)).toBeNull();
    expect(umbrellaFor(umbrellas, "tikv/pd", 9)).toBeNull();
  });
});

describe("taskMarks", () => {
  it("an issue neither labelled, listed nor stored is no task", () => {
    expect(taskMarks({ labelled: false, umbrella: null, prior: null, issueDifficulty: "easy" })).toBeNull();
  });
  it("a labelled issue: an ordinary task with the issue's difficulty", () => {
    expect(taskMarks({ labelled: true, umbrella: null, prior: null, issueDifficulty: "medium" })).toEqual({
      active: true, perPr: false, listedUmbrella: false, scoreOverride: null, scoreOverrideReason: null, difficulty: "medium",
    });
  });
  it("a listed umbrella without the task label: active, per-PR, the file's points and difficulty", () => {
    expect(taskMarks({ labelled: false, umbrella: umbrellas[0]!, prior: null, issueDifficulty: "hard" })).toEqual({
      active: true, perPr: true, listedUmbrella: true, scoreOverride: 50, scoreOverrideReason: UMBRELLA_REASON, difficulty: "easy",
    });
  });
  it("an umbrella without a difficulty takes the issue's", () => {
    expect(taskMarks({ labelled: false, umbrella: umbrellas[1]!, prior: null, issueDifficulty: "medium" })?.difficulty).toBe("medium");
  });
  it("the file no longer lists it: unlabelled, it is no longer active nor per-PR, and the file's points go", () => {
    expect(taskMarks({ labelled: false, umbrella: null, prior: wasListed, issueDifficulty: "hard" })).toEqual({
      active: false, perPr: false, listedUmbrella: false, scoreOverride: null, scoreOverrideReason: null, difficulty: "hard",
    });
  });
  it("the file no longer lists it but it is labelled: an ordinary task again", () => {
    expect(taskMarks({ labelled: true, umbrella: null, prior: wasListed, issueDifficulty: null })).toMatchObject({ active: true, perPr: false, scoreOverride: null });
  });
  it("un-listed after a maintainer marked it: it stays active and per-PR", () => {
    expect(taskMarks({ labelled: false, umbrella: null, prior: { ...wasListed, manual: true }, issueDifficulty: null })).toMatchObject({ active: true, perPr: true, listedUmbrella: false });
  });
  it("a maintainer's score override wins over the file's points, and stays when the listing goes", () => {
    const overridden = { ...wasListed, scoreOverride: 80, scoreOverrideReason: "agreed on the issue" };
    expect(taskMarks({ labelled: false, umbrella: umbrellas[0]!, prior: overridden, issueDifficulty: null })).toMatchObject({ scoreOverride: 80, scoreOverrideReason: "agreed on the issue" });
    expect(taskMarks({ labelled: true, umbrella: null, prior: overridden, issueDifficulty: null })).toMatchObject({ scoreOverride: 80, perPr: false });
  });
  it("a maintainer's difficulty wins over the umbrella's and the issue's", () => {
    expect(taskMarks({ labelled: false, umbrella: umbrellas[0]!, prior: { ...plain, difficultyOverride: "hard" }, issueDifficulty: "medium" })?.difficulty).toBe("hard");
  });
  it("a task the file never listed keeps its per-PR state (a maintainer's task.set-per-pr)", () => {
    expect(taskMarks({ labelled: true, umbrella: null, prior: { ...plain, perPr: true }, issueDifficulty: null })?.perPr).toBe(true);
  });
  it("a maintainer-marked issue whose label never came stays active", () => {
    expect(taskMarks({ labelled: false, umbrella: null, prior: { ...plain, manual: true }, issueDifficulty: null })?.active).toBe(true);
  });
});
