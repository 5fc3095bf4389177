"use server";

import { getDb } from "@/db";
import type { ActionState } from "@/lib/actions/action-result";
import { validatedAction } from "@/lib/actions/validated-action";
import { assignTask, ZAssignTask } from "@/lib/tools/assign-task";

export async function assignTaskAction(_prev: unknown, formData: FormData): Promise<ActionState<Awaited<ReturnType<typeof assignTask>>>> {
  return validatedAction(ZAssignTask, formData, async (viewer, input) => assignTask(await getDb(), viewer, input), "Saved.");
}
