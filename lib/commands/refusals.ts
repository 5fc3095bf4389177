import { InvalidInputError, RuleError } from "@/lib/errors";
import { words as w, type Words } from "@/lib/i18n/words";

/**
 * The refusals of the commands a page can reach (#19), each as its English message (the CLI, logs and tests read
 * it; it must stay exactly as it is) and the same sentence as catalogue words (`errors.rule.*`), so a form shows it
 * in the reader's language. test/unit/errors-i18n.test.ts renders each in English and checks it against `message`.
 * Dates stay ISO strings in both languages.
 */

/** A status (or the step an admin asked for) as a word of the catalogue when it has one, else as stored. */
const state = (group: "appealStatus" | "redemptionStatus" | "redemptionTo", value: string, known: readonly string[]): Words | string =>
  known.includes(value) ? w(`errors.rule.${group}.${value}`) : value;

export const refusals = {
  notTeamMember: (login: string, team: string) => new RuleError(`${login} is not a member of ${team}.`, w("errors.rule.notTeamMember", { login, team })),
  nameEveryMember: (team: string, members: string[]) =>
    new RuleError(`Name every member of ${team} (${members.join(", ")}), or none for an equal split.`, w("errors.rule.nameEveryMember", { team, members: members.join(", ") })),
  shareAboveZero: () => new RuleError("At least one member needs a share above 0.", w("errors.rule.shareAboveZero")),
  alreadyFinal: (slug: string, since: Date) =>
    new RuleError(`Season ${slug} is already final (since ${since.toISOString()}).`, w("errors.rule.alreadyFinal", { slug, since: since.toISOString() })),
  finalizeTooEarly: (slug: string, from: Date, end: Date, graceDays: number) =>
    new RuleError(
      `Season ${slug} cannot be finalized before ${from.toISOString()} (its end, ${end.toISOString()}, plus ${graceDays} grace day(s)).`,
      w("errors.rule.finalizeTooEarly", { slug, from: from.toISOString(), end: end.toISOString(), graceDays }),
    ),
  notFinal: (slug: string) => new RuleError(`Season ${slug} is not final; there is nothing to reopen.`, w("errors.rule.notFinal", { slug })),
  appealAnswered: (status: string) =>
    new RuleError(`This appeal was already ${status}.`, w("errors.rule.appealAnswered", { status: state("appealStatus", status, ["accepted", "declined"]) })),
  redeemSignedIn: () => new RuleError("Only a signed-in participant can redeem credits.", w("errors.rule.redeemSignedIn")),
  outOfStock: (gift: string) => new RuleError(`${gift} is out of stock.`, w("errors.rule.outOfStock", { gift })),
  tooFewCredits: (gift: string, cost: number, available: number) =>
    new RuleError(`${gift} costs ${cost} credits; you have ${available}.`, w("errors.rule.tooFewCredits", { gift, cost: String(cost), available: String(available) })),
  repoNotInSeason: (repo: string, season: string) => new RuleError(`${repo} is not listed in season ${season}.`, w("errors.rule.repoNotInSeason", { repo, season })),
  giftExists: (name: string) => new RuleError(`A gift named ${name} is in the catalogue already.`, w("errors.rule.giftExists", { name })),
  creditsNotFinal: (slug: string) => new RuleError(`Season ${slug} is not final yet; credits are issued once it is.`, w("errors.rule.creditsNotFinal", { slug })),
  repoOfNoSeason: (repo: string) => new RuleError(`${repo} is not a repository of any season`, w("errors.rule.repoOfNoSeason", { repo })),
  redemptionStep: (status: string, to: string) =>
    new RuleError(
      `This redemption is ${status}; it cannot be ${to} now.`,
      w("errors.rule.redemptionStep", {
        status: state("redemptionStatus", status, ["requested", "approved", "shipped", "refused"]),
        to: state("redemptionTo", to, ["approved", "shipped", "refused"]),
      }),
    ),
  /** Its field message (`repo`) is translated by its English text (`errors.field.notRepoOfSeason`). */
  notListedRepo: (repo: string, slug: string) =>
    new InvalidInputError("Only an issue of a listed repository can be a task.", { repo: `${repo} is not a repository of ${slug}` }, w("errors.rule.notListedRepo")),
  /**
   * The season file's problems per field stay English: they quote the file's own field paths and values
   * (`rules.caps[1].max: expected a positive integer`), read next to the JSON the admin pasted.
   */
  seasonHasErrors: (fields: Record<string, string>) => new InvalidInputError("The season has errors.", fields, w("errors.rule.seasonHasErrors")),
} as const;
