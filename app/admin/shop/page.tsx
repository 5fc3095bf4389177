import type { Metadata } from "next";
import { redirect } from "next/navigation";
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

export const metadata: Metadata = { title: "Admin · Gift shop" };
export const dynamic = "force-dynamic";

/** The admins' shop: the catalogue, the redemption queue, credits of final seasons and team splits. */
export default async function AdminShopPage() {
  const viewer = await currentViewer();
  if (!viewer) redirect("/signin?callbackUrl=/admin/shop");
  if (!can(viewer, "shop.manage")) {
    return (
      <section className="narrow" data-testid="admin-forbidden">
        <h1>Gift shop</h1>
        <p role="alert">This page is for the program&apos;s admins.</p>
      </section>
    );
  }
  const db = await getDb();
  const [catalogue, queue, finals] = await Promise.all([listGifts(db, { all: true }), listRedemptions(db), finalSeasonsWithTeams(db)]);
  return (
    <section data-testid="admin-shop">
      <h1>Gift shop</h1>
      <h2>Redemptions</h2>
      {queue.length === 0 && <p className="empty">No requests yet.</p>}
      <table className="table" data-testid="redemption-queue">
        <caption className="sr-only">Redemption requests</caption>
        <TableHead columns={["#", "Who", "Gift", "Credits", "Note", "Status", "Decide"]} />
        <tbody>
          {queue.map((r) => (
            <tr key={r.id} data-testid={`redemption-${r.id}`}>
              <td>{r.id}</td>
              <td>{r.login}</td>
              <td>{r.gift}</td>
              <td>{r.cost}</td>
              <td>{r.note}</td>
              <td>{r.status}{r.reason ? ` (${r.reason})` : ""}</td>
              <td>
                {(r.status === "requested" || r.status === "approved") && (
                  <ActionForm action={reviewRedemptionAction} submit="Record" testId={`review-${r.id}`}>
                    <input type="hidden" name="redemptionId" value={r.id} />
                    <select name="decision" aria-label="Decision" defaultValue={r.status === "requested" ? "approve" : "ship"}>
                      {r.status === "requested" && <option value="approve">approve</option>}
                      {r.status === "approved" && <option value="ship">ship</option>}
                      <option value="refuse">refuse (refunds)</option>
                    </select>
                    <input name="reason" aria-label="Reason (required to refuse)" placeholder="reason (to refuse)" />
                  </ActionForm>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Catalogue</h2>
      <ActionForm action={saveGiftAction} submit="Add gift" testId="add-gift">
        <GiftFields />
      </ActionForm>
      {catalogue.map((g) => (
        <ActionForm key={g.id} action={saveGiftAction} submit="Save" testId={`edit-gift-${g.id}`}>
          <input type="hidden" name="id" value={g.id} />
          <GiftFields gift={g} />
        </ActionForm>
      ))}
      <h2>Credits of final seasons</h2>
      <p className="muted">
        One credit per point of a final season; team points are split among the members (equally, or by the shares set here, e.g. <code>alice: 2, bob: 1</code>).
        Issuing again after a change writes only the difference, and expires what is due in every wallet.
      </p>
      {finals.length === 0 && <p className="empty">No season is final yet.</p>}
      {finals.map((s) => (
        <div key={s.slug} className="tools">
          <ActionForm action={issueCreditsAction} submit={`Issue credits of ${s.slug}`} testId={`issue-${s.slug}`}>
            <input type="hidden" name="season" value={s.slug} />
          </ActionForm>
          {s.teams.length > 0 && (
            <ActionForm action={setCreditSharesAction} submit="Set team split">
              <input type="hidden" name="season" value={s.slug} />
              <select name="team" aria-label="Team">
                {s.teams.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
              <input name="shares" aria-label="Shares" placeholder="alice: 2, bob: 1 (empty: equal)" />
            </ActionForm>
          )}
        </div>
      ))}
    </section>
  );
}

function GiftFields({ gift }: { gift?: Gift }) {
  return (
    <>
      <input name="name" aria-label="Name" placeholder="name" defaultValue={gift?.name} required />
      <input name="cost" aria-label="Cost in credits" type="number" min={1} placeholder="cost" defaultValue={gift?.cost} required />
      <input name="stock" aria-label="Stock" type="number" min={0} placeholder="stock" defaultValue={gift?.stock} required />
      <input name="pictureUrl" aria-label="Picture URL (https)" placeholder="https://…" defaultValue={gift?.pictureUrl ?? ""} />
      <input name="description" aria-label="Description" placeholder="description" defaultValue={gift?.description} />
      <select name="active" aria-label="Shown in the shop" defaultValue={gift?.active === false ? "false" : "true"}>
        <option value="true">shown</option>
        <option value="false">hidden</option>
      </select>
    </>
  );
}
