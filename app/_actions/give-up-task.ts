"use server";

import { runAction } from "@/lib/actions/run-action";
import { giveUpTask } from "@/lib/commands/pick-up-task";

export async function giveUpTaskAction(_prev: unknown, formData: FormData) {
  return runAction(giveUpTask, formData, "You gave the task back.");
}
