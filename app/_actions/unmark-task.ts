"use server";

import { runAction } from "@/lib/actions/run-action";
import { unmarkTask } from "@/lib/commands/mark-task";

export async function unmarkTaskAction(_prev: unknown, formData: FormData) {
  return runAction(unmarkTask, formData, "Unmarked.");
}
