import type { FixtureComment, FixtureIssue, FixturePullRequest } from "@/demo/program/fixture";
import { githubError } from "./connection";
import { parseNodeId } from "./ids";
import { commentModel, issueModel, pullRequestModel, str, obj, type Args, type Ctx, type Model } from "./models";
import type { FixtureStore } from "./store";

/** Comments written on the fake (a participant's, through the control endpoint; the bot's, through `addComment`). */

export type Commented = { item: FixtureIssue | FixturePullRequest; comment: FixtureComment };

let serial = 0;
const utcNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

/** Appends a comment to an issue or pull request (its `updatedAt` moves, as on GitHub); null when there is no such item. */
export function addItemComment(store: FixtureStore, repo: string, number: number, author: string, body: string): Commented | null {
  const r = store.repo(repo);
  const item = r?.issueByNumber.get(number) ?? r?.pullRequestByNumber.get(number);
  if (!item) return null;
  serial += 1;
  const comment: FixtureComment = { id: `IC_fake${Date.now().toString(36)}${serial}`, author, body, createdAt: utcNow() };
  if ("mergedAt" in item) item.comments.push(comment);
  else (item.comments ??= []).push(comment);
  item.updatedAt = comment.createdAt;
  store.touch();
  return { item, comment };
}

/** The `Mutation` root: `addComment` (as the viewer), validated against GitHub's schema like every query. */
export function mutationRoot(ctx: Ctx, onComment: (c: Commented) => void): Model {
  return {
    __typename: "Mutation",
    addComment: ({ input }: Args) => {
      const args = obj(input) ?? {};
      const ref = parseNodeId(str(args.subjectId) ?? "");
      if (ref?.kind !== "Issue" && ref?.kind !== "PullRequest")
        throw githubError("NOT_FOUND", `Could not resolve to a node with the global id of '${str(args.subjectId) ?? ""}'`);
      const body = str(args.body) ?? "";
      if (body.trim() === "") throw githubError("UNPROCESSABLE", "Body can't be blank");
      const done = addItemComment(ctx.store, ref.repo, ref.number, ctx.viewer, body);
      if (!done) throw githubError("NOT_FOUND", `Could not resolve to a node with the global id of '${str(args.subjectId) ?? ""}'`);
      onComment(done);
      const r = ctx.store.repo(ref.repo)!;
      const subject = "mergedAt" in done.item ? pullRequestModel(ctx, r, done.item) : issueModel(ctx, r, done.item);
      return {
        __typename: "AddCommentPayload",
        clientMutationId: str(args.clientMutationId),
        subject,
        commentEdge: { __typename: "IssueCommentEdge", cursor: done.comment.id, node: commentModel(ctx, r, done.item, done.comment) },
        timelineEdge: null,
      };
    },
  };
}
