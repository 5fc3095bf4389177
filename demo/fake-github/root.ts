import { githubError } from "./connection";
import { parseNodeId } from "./ids";
import { actorModel, connection, issueModel, pullRequestModel, repositoryModel, str, type Args, type Ctx, type Model } from "./models";
import { isPullRequest, SEARCH_CAP, searchIssues, type SearchItem } from "./search";

/** The `Query` root: `viewer`, `user`, `repository`, `search`, `rateLimit`, `node`, `nodes`. */

function nodeModel(ctx: Ctx, id: string): Model | null {
  const ref = parseNodeId(id);
  if (ref === null) return null;
  switch (ref.kind) {
    case "Repository": {
      const r = ctx.store.repo(ref.repo);
      return r ? repositoryModel(ctx, r) : null;
    }
    case "Issue":
    case "PullRequest": {
      const r = ctx.store.repo(ref.repo);
      if (r === undefined) return null;
      if (ref.kind === "Issue") {
        const issue = r.issueByNumber.get(ref.number);
        return issue ? issueModel(ctx, r, issue) : null;
      }
      const pr = r.pullRequestByNumber.get(ref.number);
      return pr ? pullRequestModel(ctx, r, pr) : null;
    }
    case "User":
    case "Bot": {
      const known = ctx.store.user(ref.kind === "Bot" ? `${ref.login}[bot]` : ref.login);
      return known ? actorModel(ctx, known.login) : null;
    }
    default:
      return null;
  }
}

function searchItemModel(ctx: Ctx, item: SearchItem): Model {
  const r = ctx.store.repo(item.repo);
  if (r === undefined) throw new Error(`fake GitHub: no repository ${item.repo}`);
  return isPullRequest(item) ? pullRequestModel(ctx, r, item) : issueModel(ctx, r, item);
}

export function queryRoot(ctx: Ctx): Model {
  return {
    __typename: "Query",
    id: "QUERY",
    viewer: () => actorModel(ctx, ctx.viewer),
    user: ({ login }: Args) => {
      const user = ctx.store.user(String(login));
      if (user === undefined || user.type !== "User")
        throw githubError("NOT_FOUND", `Could not resolve to a User with the login of '${String(login)}'.`);
      return actorModel(ctx, user.login);
    },
    repository: ({ owner, name }: Args) => {
      const nwo = `${String(owner)}/${String(name)}`;
      const r = ctx.store.repo(nwo);
      if (r === undefined) throw githubError("NOT_FOUND", `Could not resolve to a Repository with the name '${nwo}'.`);
      return repositoryModel(ctx, r);
    },
    search: (args: Args) => {
      const counts = { codeCount: 0, discussionCount: 0, repositoryCount: 0, userCount: 0, wikiCount: 0 };
      const items = str(args.type) === "ISSUE" ? searchIssues(ctx.store, str(args.query) ?? "") : [];
      return connection("SearchResultItemConnection", items, args, "search", (item) => searchItemModel(ctx, item), {
        cap: SEARCH_CAP,
        extra: { ...counts, issueCount: items.length },
      });
    },
    rateLimit: () => ({ __typename: "RateLimit", ...ctx.rate }),
    node: ({ id }: Args) => nodeModel(ctx, String(id)),
    nodes: ({ ids }: Args) => (Array.isArray(ids) ? ids.map((id) => nodeModel(ctx, String(id))) : []),
  };
}
