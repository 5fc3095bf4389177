"use server";

import { getDb } from "@/db";
import type { ActionState } from "@/lib/actions/action-result";
import { validatedAction } from "@/lib/actions/validated-action";
import { setTaskPerPr, ZSetTaskPerPr } from "@/lib/tools/set-task-per-pr";

export async function setTaskPerPrAction(_prev: unknown, formData: FormData): Promise<ActionState<Awaited<ReturnType<typeof setTaskPerPr>>>> {
  return validatedAction(ZSetTaskPerPr, formData, async (viewer, input) => setTaskPerPr(await getDb(), viewer, input), "Saved.");
}
