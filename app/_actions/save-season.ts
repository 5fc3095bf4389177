"use server";

import { runAction } from "@/lib/actions/run-action";
import { saveSeason } from "@/lib/commands/save-season";

export async function saveSeasonAction(_prev: unknown, formData: FormData) {
  return runAction(saveSeason, formData, "Season saved.");
}
