"use server";

import { runAction } from "@/lib/actions/run-action";
import { previewSeason } from "@/lib/commands/preview-season";

export async function previewSeasonAction(_prev: unknown, formData: FormData) {
  return runAction(previewSeason, formData);
}
