import { assignTask } from "./assign-task";
import { awardPoints } from "./award-points";
import { grantRole, revokeRole } from "./manage-roles";
import { applySeasonFiles, importMap, rebuildScores } from "./operator";
import { giveUpTask, pickUpTask } from "./pick-up-task";
import { revokeEntry } from "./revoke-entry";
import { saveSeason } from "./save-season";
import { setTaskPerPr } from "./set-task-per-pr";
import { setTaskScore } from "./set-task-score";
import { waiveGate } from "./waive-gate";

export { runCommand, type Actor, type Command } from "./command";

/** Every command of the domain: each runs through `runCommand`, whichever door (action, CLI, webhook, job) it came by. */
export const COMMANDS = [setTaskScore, setTaskPerPr, assignTask, awardPoints, revokeEntry, pickUpTask, giveUpTask, waiveGate, grantRole, revokeRole, saveSeason, applySeasonFiles, importMap, rebuildScores] as const;
