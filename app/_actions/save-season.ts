"use server";

import { getDb } from "@/db";
import type { ActionState } from "@/lib/actions/action-result";
import { validatedAction } from "@/lib/actions/validated-action";
import type { SeasonChange } from "@/lib/seasons/apply-seasons";
import { saveSeason, ZSaveSeason } from "@/lib/tools/save-season";

export async function saveSeasonAction(_prev: unknown, formData: FormData): Promise<ActionState<SeasonChange[]>> {
  return validatedAction(ZSaveSeason, formData, async (viewer, input) => saveSeason(await getDb(), viewer, input), "Season saved.");
}
