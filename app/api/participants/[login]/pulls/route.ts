import { z } from "zod";
import { getDb } from "@/db";
import { jsonError, LOGIN, publicJson, SLUG } from "@/lib/api/respond";
import { participantPulls } from "@/lib/queries/participant-pulls";
import { isHidden } from "@/lib/queries/privacy";

export const dynamic = "force-dynamic";

const ZPullsQuery = z.strictObject({
  season: z.string({ error: "season: expected a season slug (?season=…)" }).regex(SLUG, { error: "season: expected a season slug" }),
  outcome: z.enum(["all", "unscored"], { error: "outcome: expected all or unscored" }).optional().default("all"),
});

/** Every pull request of a participant that matters in a season, with its outcome and the sentence for it (contract: `/pulls`). */
export async function GET(request: Request, { params }: { params: Promise<{ login: string }> }) {
  const { login } = await params;
  const parsed = ZPullsQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return jsonError(400, issue?.code === "unrecognized_keys" ? `unknown parameter: ${(issue.keys ?? []).join(", ")}` : (issue?.message ?? "bad query"));
  }
  if (!LOGIN.test(login)) return jsonError(404, "unknown participant");
  const db = await getDb();
  const pulls = (await isHidden(db, login)) ? null : await participantPulls(db, login, parsed.data.season);
  if (!pulls) return jsonError(404, `unknown participant or season: ${login}, ${parsed.data.season}`);
  const shown = parsed.data.outcome === "unscored" ? pulls.filter((p) => p.points === 0) : pulls;
  return publicJson({
    pulls: shown.map((p) => ({ repo: p.repo, number: p.number, title: p.title, mergedAt: p.mergedAt, task: p.task, points: p.points, outcome: p.outcome, detail: p.detail })),
  });
}
