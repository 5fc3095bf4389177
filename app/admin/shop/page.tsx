import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { currentViewer } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { finalSeasonsWithTeams, listGifts, listRedemptions } from "@/lib/queries/shop";
import { issueCreditsAction } from "@/app/_actions/issue-credits";
import { reviewRedemptionAction } from "@/app/_actions/review-redemption";
import { saveGiftAction } from "@/app/_actions/save-gift";
import { setCreditSharesAction } from "@/app/_actions/set-credit-shares";
import { ActionForm } from "@/app/_components/action-form";
import type { Gift } from "@/db/schema";
import { TableHead } from "@/app/_components/table-head";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminShop"))("metaTitle") };
}
export const dynamic = "force-dynamic";

/** The admins' shop: the catalogue, the redemption queue, credits of final seasons and team splits. */
export default async function AdminShopPage() {
  const viewer = await currentViewer();
  if (!viewer) redirect("/signin?callbackUrl=/admin/shop");
  const t = await getTranslations("adminShop");
  const status = await getTranslations("shop");
  if (!can(viewer, "shop.manage")) {
    return (
      <section className="narrow" data-testid="admin-forbidden">
        <h1>{t("title")}</h1>
        <p role="alert">{t("forbidden")}</p>
      </section>
    );
  }
  const db = await getDb();
  const [catalogue, queue, finals] = await Promise.all([listGifts(db, { all: true }), listRedemptions(db), finalSeasonsWithTeams(db)]);
  return (
    <section data-testid="admin-shop">
      <h1>{t("title")}</h1>
      <h2>{t("redemptions")}</h2>
      {queue.length === 0 && <p className="empty">{t("noRequests")}</p>}
      <table className="table" data-testid="redemption-queue">
        <caption className="sr-only">{t("caption")}</caption>
        <TableHead columns={["#", t("who"), t("gift"), t("credits"), t("note"), t("status"), t("decide")]} />
        <tbody>
          {queue.map((r) => (
            <tr key={r.id} data-testid={`redemption-${r.id}`}>
              <td>{r.id}</td>
              <td>{r.login}</td>
              <td>{r.gift}</td>
              <td>{r.cost}</td>
              <td>{r.note}</td>
              <td>
                {status("statusName", { status: r.status })}
                {r.reason ? ` (${r.reason})` : ""}
              </td>
              <td>
                {(r.status === "requested" || r.status === "approved") && (
                  <ActionForm action={reviewRedemptionAction} submit={t("record")} done={t("recorded")} testId={`review-${r.id}`}>
                    <input type="hidden" name="redemptionId" value={r.id} />
                    <select name="decision" aria-label={t("decision")} defaultValue={r.status === "requested" ? "approve" : "ship"}>
                      {r.status === "requested" && <option value="approve">{t("approve")}</option>}
                      {r.status === "approved" && <option value="ship">{t("ship")}</option>}
                      <option value="refuse">{t("refuse")}</option>
                    </select>
                    <input name="reason" aria-label={t("reasonLabel")} placeholder={t("reasonPlaceholder")} />
                  </ActionForm>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("catalogue")}</h2>
      <ActionForm action={saveGiftAction} submit={t("addGift")} done={t("giftSaved")} testId="add-gift">
        <GiftFields />
      </ActionForm>
      {catalogue.map((g) => (
        <ActionForm key={g.id} action={saveGiftAction} submit={t("save")} done={t("giftSaved")} testId={`edit-gift-${g.id}`}>
          <input type="hidden" name="id" value={g.id} />
          <GiftFields gift={g} />
        </ActionForm>
      ))}
      <h2>{t("creditsHeading")}</h2>
      <p className="muted">{t.rich("creditsLead", { example: "alice: 2, bob: 1", code: (x) => <code>{x}</code> })}</p>
      {finals.length === 0 && <p className="empty">{t("noFinal")}</p>}
      {finals.map((s) => (
        <div key={s.slug} className="tools">
          <ActionForm action={issueCreditsAction} submit={t("issue", { slug: s.slug })} done={t("issued")} testId={`issue-${s.slug}`}>
            <input type="hidden" name="season" value={s.slug} />
          </ActionForm>
          {s.teams.length > 0 && (
            <ActionForm action={setCreditSharesAction} submit={t("setSplit")} done={t("sharesSaved")}>
              <input type="hidden" name="season" value={s.slug} />
              <select name="team" aria-label={t("team")}>
                {s.teams.map((team) => (
                  <option key={team} value={team}>
                    {team}
                  </option>
                ))}
              </select>
              <input name="shares" aria-label={t("shares")} placeholder={t("sharesPlaceholder")} />
            </ActionForm>
          )}
        </div>
      ))}
    </section>
  );
}

function GiftFields({ gift }: { gift?: Gift }) {
  const t = useTranslations("adminShop");
  return (
    <>
      <input name="name" aria-label={t("name")} placeholder={t("namePlaceholder")} defaultValue={gift?.name} required />
      <input name="cost" aria-label={t("cost")} type="number" min={1} placeholder={t("costPlaceholder")} defaultValue={gift?.cost} required />
      <input name="stock" aria-label={t("stock")} type="number" min={0} placeholder={t("stockPlaceholder")} defaultValue={gift?.stock} required />
      <input name="pictureUrl" aria-label={t("picture")} placeholder="https://…" defaultValue={gift?.pictureUrl ?? ""} />
      <input name="description" aria-label={t("description")} placeholder={t("descriptionPlaceholder")} defaultValue={gift?.description} />
      <select name="active" aria-label={t("active")} defaultValue={gift?.active === false ? "false" : "true"}>
        <option value="true">{t("shown")}</option>
        <option value="false">{t("hidden")}</option>
      </select>
    </>
  );
}
