import { assignTask } from "./assign-task";
import { awardPoints } from "./award-points";
import { grantRole, revokeRole } from "./manage-roles";
import { applySeasonFiles, importMap, rebuildScores } from "./operator";
import { giveUpTask, pickUpTask } from "./pick-up-task";
import { revokeEntry } from "./revoke-entry";
import { saveSeason } from "./save-season";
import { setTaskPerPr } from "./set-task-per-pr";
import { setTaskScore } from "./set-task-score";
import { importSeasonArchive } from "./import-season-archive";
import { issueCredits } from "./issue-credits";
import { requestRedemption } from "./request-redemption";
import { reviewRedemption } from "./review-redemption";
import { saveGift } from "./save-gift";
import { setCreditShares } from "./set-credit-shares";

export { runCommand, type Actor, type Command } from "./command";

/** Every command of the domain: each runs through `runCommand`, whichever door (action, CLI, webhook, job) it came by. */
export const COMMANDS = [setTaskScore, setTaskPerPr, assignTask, awardPoints, revokeEntry, pickUpTask, giveUpTask, grantRole, revokeRole, saveSeason, applySeasonFiles, importMap, rebuildScores, saveGift, requestRedemption, reviewRedemption, issueCredits, setCreditShares, importSeasonArchive] as const;
