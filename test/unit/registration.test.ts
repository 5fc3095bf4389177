import { describe, expect, it } from "vitest";
import { parseSignUp } from "@/lib/registration/parse";
import { deriveRegistration, type SignUpIssue } from "@/lib/registration/derive";

describe("parseSignUp", () => {
  it("reads the real template's lines", () => {
    expect(parseSignUp("Team: dot-star\nMembers: @alice @bob @carol")).toEqual({ kind: "team", team: "dot-star", members: ["alice", "bob", "carol"], unread: [] });
  });

  it("reads Markdown, a full-width colon, commas and bullets", () => {
    expect(parseSignUp("## Sign up\n**Team name**：`Rust 小分队`\n- Members: @a-1, @B2 和 @c\n")).toEqual({ kind: "team", team: "Rust 小分队", members: ["a-1", "B2", "c"], unread: [] });
    expect(parseSignUp("Team: x\nMembers:\n- @one\n- @two\n\nAnything else: no")).toEqual({ kind: "team", team: "x", members: ["one", "two"], unread: [] });
  });

  it("says which members it could not read and takes no login without @", () => {
    expect(parseSignUp("Team: x\nMembers: @ok bob @-bad")).toEqual({ kind: "team", team: "x", members: ["ok"], unread: ["bob", "@-bad"] });
  });

  it("ignores quoted lines, code blocks and comments (the template's own example)", () => {
    const body = "<!-- Team: example -->\n> Team: quoted\n```\nTeam: in code\nMembers: @nobody\n```\nI take part alone.";
    expect(parseSignUp(body)).toEqual({ kind: "individual" });
  });

  it("names what is missing", () => {
    expect(parseSignUp("Members: @a")).toEqual({ kind: "unreadable", problems: ["there is a `Members:` line but no `Team: <name>` line"] });
    expect(parseSignUp("Team:\nMembers: a b")).toEqual({ kind: "unreadable", problems: ["the `Team:` line has no name after it", "the `Members:` line names no one as `@login`"] });
    expect(parseSignUp("Team: solo")).toEqual({ kind: "unreadable", problems: ["there is no `Members: @login @login` line"] });
  });
});

const PREFIX = "UCP/Sign Up";
const at = (day: number) => new Date(Date.UTC(2020, 2, day));
let n = 0;
const signUp = (author: string, day: number, body: string, title = `${PREFIX} ${author}`): SignUpIssue => ({ number: ++n, author, title, body, createdAt: at(day) });
const ctx = { titlePrefix: PREFIX, fileTeams: [{ name: "staff", members: ["boss"] }] };
const members = (r: ReturnType<typeof deriveRegistration>, team: string) =>
  r.teams.find((t) => t.name === team)?.members.map((m) => `${m.login} ${m.joinedAt.getUTCDate()}-${m.leftAt?.getUTCDate() ?? ""}`).sort();

describe("deriveRegistration", () => {
  it("makes a team with its members from the issue's creation, the author included", () => {
    const r = deriveRegistration([signUp("alice", 10, "Team: dot-star\nMembers: @bob")], ctx);
    expect(members(r, "dot-star")).toEqual(["alice 10-", "bob 10-"]);
    expect(r.outcomes[0]).toMatchObject({ kind: "team", team: "dot-star", members: ["alice", "bob"], skipped: [] });
  });

  it("only reads issues whose title starts with the prefix", () => {
    const r = deriveRegistration([signUp("alice", 10, "Team: t\nMembers: @bob", "Question about signing up"), signUp("carol", 11, "Team: u\nMembers: @dan", "  ucp/sign up: carol")], ctx);
    expect(r.teams.map((t) => t.name)).toEqual(["u"]);
  });

  it("a new sign-up by the same author changes the registration from its creation time", () => {
    const r = deriveRegistration([signUp("alice", 10, "Team: t\nMembers: @bob @carol"), signUp("alice", 20, "Team: t\nMembers: @bob @dan")], ctx);
    // bob stays from the 10th; carol left on the 20th; dan joined then.
    expect(members(r, "t")).toEqual(["alice 10-", "bob 10-", "carol 10-20", "dan 20-"]);
  });

  it("moving to another team frees the old name, and an individual sign-up leaves the team", () => {
    const r = deriveRegistration(
      [signUp("alice", 10, "Team: t\nMembers: @bob"), signUp("alice", 12, "Team: u\nMembers: @bob"), signUp("zed", 13, "Team: t\nMembers: @yan"), signUp("bob", 15, "I go alone now.")],
      ctx,
    );
    expect(members(r, "t")).toEqual(["alice 10-12", "bob 10-12", "yan 13-", "zed 13-"]);
    expect(members(r, "u")).toEqual(["alice 12-", "bob 12-15"]);
  });

  it("refuses a taken name or a season-file team, and leaves out people already in another team", () => {
    const r = deriveRegistration([signUp("alice", 10, "Team: t\nMembers: @bob"), signUp("carol", 11, "Team: T\nMembers: @dan"), signUp("erin", 12, "Team: Staff\nMembers: @fay"), signUp("gil", 13, "Team: g\nMembers: @bob @boss @hal")], ctx);
    expect(r.outcomes.map((o) => o.kind)).toEqual(["team", "refused", "refused", "team"]);
    expect(r.outcomes[1]).toMatchObject({ why: "team t was registered by @alice in #" + r.outcomes[0]!.number });
    expect(r.outcomes[2]).toMatchObject({ why: "team Staff is a team of the season file" });
    expect(r.outcomes[3]).toMatchObject({ members: ["gil", "hal"], skipped: [{ login: "bob", why: `already in team t (#${r.outcomes[0]!.number})` }, { login: "boss", why: "in team staff of the season file" }] });
    expect(r.teams.map((t) => t.name)).toEqual(["g", "t"]);
  });

  it("a member's own sign-up moves them out of someone else's team", () => {
    const r = deriveRegistration([signUp("alice", 10, "Team: t\nMembers: @bob"), signUp("bob", 14, "Team: b\nMembers: @cy")], ctx);
    expect(members(r, "t")).toEqual(["alice 10-", "bob 10-14"]);
    expect(members(r, "b")).toEqual(["bob 14-", "cy 14-"]);
  });

  it("an unreadable new sign-up leaves the registration as it was", () => {
    const r = deriveRegistration([signUp("alice", 10, "Team: t\nMembers: @bob"), signUp("alice", 12, "Members: @bob @carol")], ctx);
    expect(members(r, "t")).toEqual(["alice 10-", "bob 10-"]);
    expect(r.outcomes[1]).toMatchObject({ kind: "unreadable" });
  });

  it("takes sign-ups in creation order whatever order they arrive in", () => {
    const a = signUp("alice", 10, "Team: t\nMembers: @bob");
    const b = signUp("carol", 11, "Team: t\nMembers: @dan");
    expect(deriveRegistration([b, a], ctx).outcomes.map((o) => `${o.author} ${o.kind}`)).toEqual(["alice team", "carol refused"]);
  });
});
