/** What the bot answers on a sign-up issue (pure), with the hidden marker of its key (`lib/bot/replies.ts`). */
import { marker } from "@/lib/bot/replies";
import type { SignUpOutcome } from "./derive";

const TEMPLATE = "`Team: <name>` and `Members: @login @login` lines";
const CHANGE = "To change it later, close this issue and open a new one: the new one counts from when it is opened.";

const list = (logins: string[]) => logins.map((l) => `@${l}`).join(", ");

function body(o: SignUpOutcome): string {
  switch (o.kind) {
    case "team": {
      const lines = [`@${o.author}, you are registered as team **${o.team}** with ${list(o.members)}, from when this issue was opened.`];
      if (o.skipped.length > 0) lines.push(`Not added: ${o.skipped.map((s) => `@${s.login} (${s.why})`).join("; ")}.`);
      if (o.unread.length > 0) lines.push(`I could not read ${o.unread.map((u) => `\`${u}\``).join(", ")} as GitHub logins: write each member as \`@login\`.`);
      return [...lines, CHANGE].join("\n\n");
    }
    case "individual":
      return `@${o.author}, you are registered on your own. To sign up as a team, write ${TEMPLATE}.\n\n${CHANGE}`;
    case "unreadable":
      return `@${o.author}, I could not read this sign-up: ${o.problems.join("; ")}. Edit this issue, or close it and open a new one, with ${TEMPLATE}. Until then your registration stays as it was.`;
    case "refused":
      return `@${o.author}, I could not register this team: ${o.why}. Choose another name, edit this issue or open a new one. Until then your registration stays as it was.`;
  }
}

export function signUpReply(key: string, outcome: SignUpOutcome): string {
  return `${body(outcome)}\n\n${marker(key)}`;
}
