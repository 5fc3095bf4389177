"use server";

import { runAction } from "@/lib/actions/run-action";
import { setTaskPerPr } from "@/lib/commands/set-task-per-pr";

export async function setTaskPerPrAction(_prev: unknown, formData: FormData) {
  return runAction(setTaskPerPr, formData, "Saved.");
}
