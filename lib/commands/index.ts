import { assignTask } from "./assign-task";
import { awardPoints } from "./award-points";
import { importCommunityFile } from "./import-community";
import { finalizeSeason, reopenSeason } from "./finalize-season";
import { grantRole, revokeRole } from "./manage-roles";
import { applySeasonFiles, importMap, rebuildScores } from "./operator";
import { giveUpTask, pickUpTask } from "./pick-up-task";
import { releaseStalePick } from "./release-stale-pick";
import { revokeEntry } from "./revoke-entry";
import { saveSeason } from "./save-season";
import { openAppeal } from "./open-appeal";
import { answerAppeal } from "./answer-appeal";
import { previewSeason, previewSeasonFiles } from "./preview-season";
import { markTask, unmarkTask } from "./mark-task";
import { setTaskPerPr } from "./set-task-per-pr";
import { setTaskScore } from "./set-task-score";
import { importSeasonArchive } from "./import-season-archive";
import { issueCredits } from "./issue-credits";
import { requestRedemption } from "./request-redemption";
import { reviewRedemption } from "./review-redemption";
import { saveGift } from "./save-gift";
import { setCreditShares } from "./set-credit-shares";
import { waiveGate } from "./waive-gate";
import { setPrivacy } from "./set-privacy";

export { runCommand, type Actor, type Command } from "./command";

/** Every command of the domain: each runs through `runCommand`, whichever door (action, CLI, webhook, job) it came by. */
export const COMMANDS = [setTaskScore, setTaskPerPr, markTask, unmarkTask, assignTask, awardPoints, revokeEntry, pickUpTask, giveUpTask, releaseStalePick, waiveGate, grantRole, revokeRole, saveSeason, previewSeason, previewSeasonFiles, applySeasonFiles, importMap, rebuildScores, importCommunityFile, openAppeal, answerAppeal, finalizeSeason, reopenSeason, saveGift, requestRedemption, reviewRedemption, issueCredits, setCreditShares, importSeasonArchive, setPrivacy] as const;
