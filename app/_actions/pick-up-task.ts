"use server";

import { getDb } from "@/db";
import type { ActionState } from "@/lib/actions/action-result";
import { validatedAction } from "@/lib/actions/validated-action";
import { pickUpTask, ZTaskRef } from "@/lib/tools/pick-up-task";

export async function pickUpTaskAction(_prev: unknown, formData: FormData): Promise<ActionState<{ holder: string | null }>> {
  return validatedAction(ZTaskRef, formData, async (viewer, input) => pickUpTask(await getDb(), viewer, input), "You have picked up this task.");
}
