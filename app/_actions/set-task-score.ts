"use server";

import { getDb } from "@/db";
import type { ActionState } from "@/lib/actions/action-result";
import { validatedAction } from "@/lib/actions/validated-action";
import { setTaskScore, ZSetTaskScore } from "@/lib/tools/set-task-score";

export async function setTaskScoreAction(_prev: unknown, formData: FormData): Promise<ActionState<Awaited<ReturnType<typeof setTaskScore>>>> {
  return validatedAction(ZSetTaskScore, formData, async (viewer, input) => setTaskScore(await getDb(), viewer, input), "Score saved.");
}
