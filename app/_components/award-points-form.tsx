import { awardPointsAction } from "@/app/_actions/award-points";
import { ActionForm, ReasonInput } from "./action-form";

/** A maintainer's points for one pull request of a season (an entry in the ledger), with the reason for them; words from the page (English by default). */
export function AwardPointsForm({
  slug,
  pullRequestId,
  label,
  placeholder,
  reasonRequired = false,
  submit = "Award",
  reason,
}: {
  slug: string;
  pullRequestId: number;
  label: string;
  placeholder?: string;
  reasonRequired?: boolean;
  submit?: string;
  reason?: { label: string; placeholder: string };
}) {
  return (
    <ActionForm action={awardPointsAction} submit={submit}>
      <input type="hidden" name="season" value={slug} />
      <input type="hidden" name="pullRequestId" value={pullRequestId} />
      <input name="points" type="number" step={1} aria-label={label} placeholder={placeholder} style={{ width: "6rem" }} />
      <ReasonInput required={reasonRequired} {...reason} />
    </ActionForm>
  );
}
