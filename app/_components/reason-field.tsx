import { useTranslations } from "next-intl";
import { ReasonInput } from "./action-form";

/** `ReasonInput` in the request's language (#19): a server component, so the words are translated before the client. */
export function ReasonField({ required = false }: { required?: boolean }) {
  const t = useTranslations("sharedForms");
  return <ReasonInput required={required} label={t("reason")} placeholder={required ? t("whyRequired") : t("why")} />;
}
