"use server";

import { runAction } from "@/lib/actions/run-action";
import { setPrivacy } from "@/lib/commands/set-privacy";

export async function setPrivacyAction(_prev: unknown, formData: FormData) {
  return runAction(setPrivacy, formData, "Privacy setting saved.");
}
