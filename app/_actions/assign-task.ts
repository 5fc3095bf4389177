"use server";

import { runAction } from "@/lib/actions/run-action";
import { assignTask } from "@/lib/commands/assign-task";

export async function assignTaskAction(_prev: unknown, formData: FormData) {
  return runAction(assignTask, formData, "Saved.");
}
