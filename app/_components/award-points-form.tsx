import { useTranslations } from "next-intl";
import { awardPointsAction } from "@/app/_actions/award-points";
import { ActionForm } from "./action-form";
import { ReasonField } from "./reason-field";

/** A maintainer's points for one pull request of a season (an entry in the ledger), with the reason for them. */
export function AwardPointsForm({ slug, pullRequestId, label, placeholder, reasonRequired = false }: { slug: string; pullRequestId: number; label: string; placeholder?: string; reasonRequired?: boolean }) {
  const t = useTranslations("sharedForms");
  return (
    <ActionForm action={awardPointsAction} submit={t("award")} done={t("pointsRecorded")}>
      <input type="hidden" name="season" value={slug} />
      <input type="hidden" name="pullRequestId" value={pullRequestId} />
      <input name="points" type="number" step={1} aria-label={label} placeholder={placeholder} style={{ width: "6rem" }} />
      <ReasonField required={reasonRequired} />
    </ActionForm>
  );
}
