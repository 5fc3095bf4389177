"use server";

import { chooseThemeAction } from "@/lib/actions/theme-action";

export async function setThemeAction(_prev: unknown, formData: FormData) {
  return chooseThemeAction(formData);
}
