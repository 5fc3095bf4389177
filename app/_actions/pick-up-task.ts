"use server";

import { runAction } from "@/lib/actions/run-action";
import { pickUpTask } from "@/lib/commands/pick-up-task";

export async function pickUpTaskAction(_prev: unknown, formData: FormData) {
  return runAction(pickUpTask, formData, "You have picked up this task.");
}
