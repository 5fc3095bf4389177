"use server";

import { chooseLocaleAction } from "@/lib/actions/locale-action";

export async function setLocaleAction(_prev: unknown, formData: FormData) {
  return chooseLocaleAction(formData);
}
