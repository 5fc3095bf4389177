"use server";

import { runAction } from "@/lib/actions/run-action";
import { reopenSeason } from "@/lib/commands/finalize-season";

export async function reopenSeasonAction(_prev: unknown, formData: FormData) {
  return runAction(reopenSeason, formData, "Season reopened.");
}
