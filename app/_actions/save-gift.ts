"use server";

import { runAction } from "@/lib/actions/run-action";
import { saveGift } from "@/lib/commands/save-gift";

export async function saveGiftAction(_prev: unknown, formData: FormData) {
  return runAction(saveGift, formData, "Gift saved.");
}
