import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RankingTable } from "@/app/_components/ranking-table";
import { getDb } from "@/db";
import { getAllTimeRanking } from "@/lib/queries/cached/public";
import { currentViewer } from "@/lib/auth";
import { anonymized } from "@/lib/participants/privacy";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("allTime"))("title") };
}

export default async function AllTimePage() {
  const [rows, viewer, t] = await Promise.all([getAllTimeRanking(await getDb(), 200), currentViewer(), getTranslations("allTime")]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="muted">{t("lead")}</p>
      {rows.length === 0 ? (
        <p className="empty">{t("noPoints")}</p>
      ) : (
        <RankingTable testId="all-time" caption={t("caption")} extraColumns={[t("seasons")]} rows={rows.map((r) => ({ ...anonymized(r, viewer), extra: [r.seasons] }))} />
      )}
    </>
  );
}
