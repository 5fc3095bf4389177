"use server";

import { getDb } from "@/db";
import type { ActionState } from "@/lib/actions/action-result";
import { validatedAction } from "@/lib/actions/validated-action";
import { giveUpTask, ZTaskRef } from "@/lib/tools/pick-up-task";

export async function giveUpTaskAction(_prev: unknown, formData: FormData): Promise<ActionState<{ holder: string | null }>> {
  return validatedAction(ZTaskRef, formData, async (viewer, input) => giveUpTask(await getDb(), viewer, input), "You gave the task back.");
}
