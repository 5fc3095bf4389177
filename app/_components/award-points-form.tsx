import { awardPointsAction } from "@/app/_actions/award-points";
import { ActionForm, ReasonInput } from "./action-form";

/** A maintainer's points for one pull request of a season (an entry in the ledger), with the reason for them. */
export function AwardPointsForm({ slug, pullRequestId, label, placeholder, reasonRequired = false }: { slug: string; pullRequestId: number; label: string; placeholder?: string; reasonRequired?: boolean }) {
  return (
    <ActionForm action={awardPointsAction} submit="Award">
      <input type="hidden" name="season" value={slug} />
      <input type="hidden" name="pullRequestId" value={pullRequestId} />
      <input name="points" type="number" step={1} aria-label={label} placeholder={placeholder} style={{ width: "6rem" }} />
      <ReasonInput required={reasonRequired} />
    </ActionForm>
  );
}
