/**
 * What makes an issue a task, beyond its label or title prefix (contract, "Added in the second round"): the
 * season file's `umbrellas` (per-PR tasks with their own points and difficulty) and a maintainer's mark. Pure:
 * the importer (`lib/sync/store-tasks.ts`), the season file's reapply (`lib/sync/umbrellas.ts`) and the
 * `task.mark` command all decide with `taskMarks`.
 */

/** The override reason of an umbrella's points taken from the season file (told apart from a maintainer's override). */
export const UMBRELLA_REASON = "season file: umbrella";

export type UmbrellaEntry = { issue: string; points: number; difficulty?: string };

/** The season file's umbrella entry for `repo#number`, if it lists one (names compared in lower case). */
export function umbrellaFor(umbrellas: readonly UmbrellaEntry[], repo: string, number: number): UmbrellaEntry | null {
  const key = `${repo.trim().toLowerCase()}#${number}`;
  return umbrellas.find((u) => u.issue.toLowerCase() === key) ?? null;
}

/** What is stored of a task that decides how it is marked. */
export type PriorMarks = {
  manual: boolean;
  perPr: boolean;
  listedUmbrella: boolean;
  scoreOverride: number | null;
  scoreOverrideReason: string | null;
  difficultyOverride: string | null;
};

export type TaskMarks = {
  active: boolean;
  perPr: boolean;
  listedUmbrella: boolean;
  scoreOverride: number | null;
  scoreOverrideReason: string | null;
  difficulty: string | null;
};

/**
 * How an issue is marked, or null when it is no task at all (neither labelled, listed, nor stored before):
 * - active while labelled (or title-prefixed), listed as an umbrella, or marked by a maintainer;
 * - per-PR while listed; once the file no longer lists it, per-PR no more, unless a maintainer marked it (their
 *   choice stays); a task the file never listed keeps what it had (a maintainer's `task.set-per-pr`);
 * - the umbrella's points are a score override with `UMBRELLA_REASON`, unless a maintainer's override is there
 *   (it wins), and go away with the listing;
 * - difficulty: a maintainer's, else the umbrella's, else what the issue says.
 */
export function taskMarks(input: { labelled: boolean; umbrella: UmbrellaEntry | null; prior: PriorMarks | null; issueDifficulty: string | null }): TaskMarks | null {
  const { labelled, umbrella, prior, issueDifficulty } = input;
  if (!labelled && !umbrella && !prior) return null;
  const manual = prior?.manual ?? false;
  const listed = umbrella !== null;
  const fileOverride = prior?.scoreOverrideReason === UMBRELLA_REASON;
  const maintainerOverride = prior !== null && prior.scoreOverride !== null && !fileOverride;
  const override = maintainerOverride
    ? { scoreOverride: prior.scoreOverride, scoreOverrideReason: prior.scoreOverrideReason }
    : listed
      ? { scoreOverride: umbrella.points, scoreOverrideReason: UMBRELLA_REASON }
      : fileOverride
        ? { scoreOverride: null, scoreOverrideReason: null }
        : { scoreOverride: prior?.scoreOverride ?? null, scoreOverrideReason: prior?.scoreOverrideReason ?? null };
  const perPr = listed ? true : prior?.listedUmbrella && !manual ? false : (prior?.perPr ?? false);
  return {
    active: labelled || listed || manual,
    perPr,
    listedUmbrella: listed,
    ...override,
    difficulty: prior?.difficultyOverride ?? umbrella?.difficulty ?? issueDifficulty,
  };
}
