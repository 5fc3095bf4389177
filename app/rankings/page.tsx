import type { Metadata } from "next";
import { RankingTable } from "@/app/_components/ranking-table";
import { getDb } from "@/db";
import { getAllTimeRanking } from "@/lib/queries/cached/public";
import { currentViewer } from "@/lib/auth";
import { anonymized } from "@/lib/participants/privacy";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "All-time ranking" };

export default async function AllTimePage() {
  const [rows, viewer] = await Promise.all([getAllTimeRanking(await getDb(), 200), currentViewer()]);
  return (
    <>
      <h1>All-time ranking</h1>
      <p className="muted">Points of every season together.</p>
      {rows.length === 0 ? (
        <p className="empty">No points yet.</p>
      ) : (
        <RankingTable testId="all-time" caption="All-time ranking: points of every season together" extraColumns={["Seasons"]} rows={rows.map((r) => ({ ...anonymized(r, viewer), extra: [r.seasons] }))} />
      )}
    </>
  );
}
