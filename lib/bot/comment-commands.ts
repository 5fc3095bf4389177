import { and, desc, eq, lte, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { transaction } from "@/db/transaction";
import { commentCommands, repositories, seasons, tasks } from "@/db/schema";
import type { Viewer } from "@/lib/auth/permissions";
import { giveUpTask, pickUpTask } from "@/lib/commands/pick-up-task";
import { runCommand } from "@/lib/commands/command";
import { PodiumError } from "@/lib/errors";
import { DEFAULT_LOCALE, parseLocale } from "@/lib/i18n/locale";
import { renderWords } from "@/lib/i18n/words";
import { upsertParticipants } from "@/lib/sync/upsert-participants";
import type { GhComment } from "@/lib/sync/types";
import { queueBotComment, type BotCommentsMode } from "./post";
import { parseCommand, type ParsedCommand } from "./parse-command";
import { pickedUpReply, refusedReply, releasedReply, unclearReply } from "./replies";

/** Comments on one issue, as a webhook or the import read them. */
export type IssueComments = { repo: string; number: number; comments: GhComment[] };

export type CommandOptions = {
  /** What the bot answers (`PODIUM_BOT_COMMENTS`). */
  mode: BotCommentsMode;
  now?: Date;
};

/**
 * A command is acted on only when it is read within this time of being written: a first import of a repository
 * with years of history must not replay old pick-ups nor answer them (they are recorded as `expired`).
 */
export const COMMAND_MAX_AGE_MS = 3 * 24 * 3_600_000;

export type CommandResult = { commentId: string; outcome: string };

/**
 * Reads comment commands on task issues and acts on them with the web's own commands (the same rules: gates, stops,
 * pick limits, one holder, team picks), each comment once: its row, its effect and its reply are written in one
 * transaction, so a redelivery, a re-import or another instance that reads it again finds the row and does nothing.
 * Oldest comment first.
 */
export async function runCommentCommands(db: Executor, items: readonly IssueComments[], options: CommandOptions): Promise<CommandResult[]> {
  const now = options.now ?? new Date();
  const found = items
    .flatMap((item) => item.comments.map((c) => ({ item, c, parsed: c.author && !c.author.isBot ? parseCommand(c.body) : null })))
    .filter((x): x is typeof x & { parsed: ParsedCommand } => x.parsed !== null)
    .sort((a, b) => Date.parse(a.c.createdAt) - Date.parse(b.c.createdAt));
  const results: CommandResult[] = [];
  for (const { item, c, parsed } of found) {
    const outcome = await transaction(db, (tx) => oneCommand(tx, item, c, parsed, options.mode, now));
    if (outcome) results.push({ commentId: c.id, outcome });
  }
  return results;
}

/** The task a comment on this issue is about: the task of the season running when it was written (latest start). */
async function taskFor(tx: Executor, repo: string, number: number, at: Date) {
  const [row] = await tx
    .select({ id: tasks.id, seasonId: tasks.seasonId, difficulty: tasks.difficulty, score: tasks.score, rules: seasons.rules, language: sql<string | null>`${seasons.options}->>'language'` })
    .from(tasks)
    .innerJoin(repositories, eq(repositories.id, tasks.repositoryId))
    .innerJoin(seasons, eq(seasons.id, tasks.seasonId))
    .where(and(eq(repositories.fullName, repo.toLowerCase()), eq(tasks.number, number), eq(tasks.active, true), lte(seasons.startsAt, at)))
    .orderBy(desc(seasons.startsAt))
    .limit(1);
  return row ?? null;
}

async function oneCommand(tx: Executor, item: IssueComments, c: GhComment, parsed: ParsedCommand, mode: BotCommentsMode, now: Date): Promise<string | null> {
  const at = new Date(c.createdAt);
  const task = await taskFor(tx, item.repo, item.number, at);
  if (!task || !c.author) return null; // not a task issue: someone else's business
  const command = parsed.kind;
  const claimed = await tx
    .insert(commentCommands)
    .values({ commentId: c.id, taskId: task.id, login: c.author.login, command, outcome: "pending", commentedAt: at })
    .onConflictDoNothing()
    .returning({ id: commentCommands.commentId });
  if (claimed.length === 0) return null; // read before: done already
  const record = (outcome: string, detail: string | null, participantId: number | null) =>
    tx.update(commentCommands).set({ outcome, detail, participantId }).where(eq(commentCommands.commentId, c.id));
  if (now.getTime() - at.getTime() > COMMAND_MAX_AGE_MS) {
    await record("expired", `read ${Math.round((now.getTime() - at.getTime()) / 3_600_000)} h after it was written`, null);
    return "expired";
  }
  const people = await upsertParticipants(tx, [c.author]);
  const participantId = people.get(c.author.login.toLowerCase()) ?? null;
  const login = c.author.login;
  const key = `reply:${c.id}`;
  const reply = (body: string) => queueBotComment(tx, mode, { key, kind: "reply", seasonId: task.seasonId, repo: item.repo, number: item.number, body });
  if (parsed.kind === "unclear") {
    await record("understood", `read as ${parsed.meant}`, participantId);
    await reply(unclearReply(key, login, parsed, task.language));
    return "understood";
  }
  const viewer: Viewer = { userId: `github:${login}`, participantId, login, isAdmin: false, maintainerOf: [] };
  try {
    if (parsed.kind === "pick-up") await runCommand(tx, pickUpTask, viewer, { taskId: task.id });
    else await runCommand(tx, giveUpTask, viewer, { taskId: task.id });
  } catch (error) {
    if (!(error instanceof PodiumError)) throw error;
    await record("refused", error.message, participantId);
    // The refusal's words in the season's language (a rule without catalogue words keeps its English message).
    await reply(refusedReply(key, login, parsed.kind, error.words ? renderWords(error.words, parseLocale(task.language) ?? DEFAULT_LOCALE) : error.message, task.language));
    return "refused";
  }
  const done = parsed.kind === "pick-up" ? "picked-up" : "released";
  await record(done, null, participantId);
  await reply(parsed.kind === "pick-up" ? pickedUpReply(key, login, { difficulty: task.difficulty, score: task.score, releaseAfterDays: task.rules.picks?.releaseAfterDays ?? null }, task.language) : releasedReply(key, login, task.language));
  return done;
}
