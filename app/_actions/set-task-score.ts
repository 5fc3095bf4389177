"use server";

import { runAction } from "@/lib/actions/run-action";
import { setTaskScore } from "@/lib/commands/set-task-score";

export async function setTaskScoreAction(_prev: unknown, formData: FormData) {
  return runAction(setTaskScore, formData, "Score saved.");
}
