import { describe, expect, it } from "vitest";
import { parseSignUp } from "@/lib/registration/parse";
import { deriveRegistration, type SignUpIssue } from "@/lib/registration/derive";
import { signUpReply } from "@/lib/registration/replies";

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
    expect(parseSignUp("Members: @a")).toEqual({ kind: "unreadable", problems: ["noTeamLine"] });
    expect(parseSignUp("Team:\nMembers: a b")).toEqual({ kind: "unreadable", problems: ["emptyTeam", "noMembers"] });
    expect(parseSignUp("Team: solo")).toEqual({ kind: "unreadable", problems: ["noMembersLine"] });
    expect(parseSignUp(`Team: ${"x".repeat(101)}\nMembers: @a`)).toEqual({ kind: "unreadable", problems: ["longTeam"] });
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
    expect(r.outcomes[1]).toMatchObject({ why: { team: "t", owner: "alice", issue: r.outcomes[0]!.number } });
    expect(r.outcomes[2]).toMatchObject({ why: { fileTeam: "Staff" } });
    expect(r.outcomes[3]).toMatchObject({ members: ["gil", "hal"], skipped: [{ login: "bob", team: "t", issue: r.outcomes[0]!.number }, { login: "boss", fileTeam: "staff" }] });
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

describe("signUpReply", () => {
  const team = { number: 7, author: "ann", kind: "team" as const, team: "duo", members: ["ann", "bob"], skipped: [{ login: "cy", team: "t", issue: 3 }, { login: "sam", fileTeam: "staff" }], unread: ["dan"] };
  it("says in English what was read, who was left out and why, and what was not read", () => {
    expect(signUpReply("k", team).split("\n\n")).toEqual([
      "@ann, you are registered as team **duo** with @ann, @bob, from when this issue was opened.",
      "Not added: @cy (already in team t (#3)); @sam (in team staff of the season file).",
      "I could not read `dan` as GitHub logins: write each member as `@login`.",
      "To change it later, close this issue and open a new one: the new one counts from when it is opened.",
      "<!-- podium:k -->",
    ]);
  });
  it("speaks the season's language", () => {
    expect(signUpReply("k", { number: 8, author: "ann", kind: "refused", team: "t", why: { team: "t", owner: "bob", issue: 2 } }, "zh-CN").split("\n\n")[0]).toBe(
      "@ann，无法报名这支队伍：队伍 t 已由 @bob 在 #2 中报名。请换一个队名，编辑本 issue 或新开一个。在此之前，你的报名保持不变。",
    );
    expect(signUpReply("k", { number: 9, author: "ann", kind: "unreadable", problems: ["noTeamLine", "longTeam"] }, "zh-CN").split("\n\n")[0]).toBe(
      "@ann，无法读取这份报名：有 `Members:` 行，但没有 `Team: <name>` 行；队名超过 100 个字符。请编辑本 issue，或关闭后新开一个，写上 `Team: <name>` 和 `Members: @login @login` 两行。在此之前，你的报名保持不变。",
    );
  });
});
