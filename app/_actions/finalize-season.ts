"use server";

import { runAction } from "@/lib/actions/run-action";
import { finalizeSeason } from "@/lib/commands/finalize-season";

export async function finalizeSeasonAction(_prev: unknown, formData: FormData) {
  return runAction(finalizeSeason, formData, "Season finalized.");
}
