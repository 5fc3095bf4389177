/**
 * What the bot answers on a sign-up issue (pure), in the season's language (the catalogues' `bot.signUp`), with the
 * hidden marker of its key (`lib/bot/replies.ts`).
 */
import { botWords, marker } from "@/lib/bot/replies";
import type { Refusal, Skipped, SignUpOutcome } from "./derive";
import { TEAM_NAME_MAX } from "./parse";

type Words = ReturnType<typeof botWords>;

/** Passed as an argument: `<name>` in a message would be read as a rich-text tag. */
const TEAM_LINE = "`Team: <name>`";

const list = (logins: string[]) => logins.map((l) => `@${l}`).join(", ");

const skippedWords = (t: Words, s: Skipped) =>
  "fileTeam" in s ? t("signUp.skippedFileTeam", { login: s.login, team: s.fileTeam }) : t("signUp.skippedOtherTeam", { login: s.login, team: s.team, issue: s.issue });

const refusalWords = (t: Words, r: Refusal) =>
  "fileTeam" in r ? t("signUp.refusedFileTeam", { team: r.fileTeam }) : t("signUp.refusedTaken", { team: r.team, owner: r.owner, issue: r.issue });

function body(t: Words, o: SignUpOutcome): string {
  switch (o.kind) {
    case "team": {
      const lines = [t("signUp.team", { login: o.author, team: o.team, members: list(o.members) })];
      if (o.skipped.length > 0) lines.push(t("signUp.skipped", { list: o.skipped.map((s) => skippedWords(t, s)).join(t("signUp.separator")) }));
      if (o.unread.length > 0) lines.push(t("signUp.unread", { words: o.unread.map((u) => `\`${u}\``).join(", ") }));
      return [...lines, t("signUp.change")].join("\n\n");
    }
    case "individual":
      return `${t("signUp.individual", { login: o.author, teamLine: TEAM_LINE })}\n\n${t("signUp.change")}`;
    case "unreadable":
      return t("signUp.unreadable", { login: o.author, teamLine: TEAM_LINE, problems: o.problems.map((p) => t(`signUp.${p}`, { max: TEAM_NAME_MAX, teamLine: TEAM_LINE })).join(t("signUp.separator")) });
    case "refused":
      return t("signUp.refused", { login: o.author, why: refusalWords(t, o.why) });
  }
}

export function signUpReply(key: string, outcome: SignUpOutcome, language?: string | null): string {
  return `${body(botWords(language), outcome)}\n\n${marker(key)}`;
}
