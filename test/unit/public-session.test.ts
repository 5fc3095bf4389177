import { describe, expect, it } from "vitest";
import { publicSession } from "@/lib/auth/public-session";

describe("the session page scripts may read", () => {
  // The shape Auth.js (database strategy) passes to the session callback: the database session spread
  // with the user row.
  const user = { id: "u-1", name: "Cold Cache", image: "https://x.invalid/a.png", email: "cold@example.com", emailVerified: null };
  const given = { sessionToken: "5e1c7a3e-session-token-value", userId: "u-1", expires: new Date("2030-01-02T03:04:05.000Z"), user };

  it("holds no session token, no user row fields beyond the public ones, and the viewer's roles", () => {
    const s = publicSession(given, user, { userId: "u-1", participantId: 7, login: "coldcache", isAdmin: false, maintainerOf: ["pingcap/pd"] });
    expect(s).toEqual({
      expires: "2030-01-02T03:04:05.000Z",
      user: { id: "u-1", login: "coldcache", name: "Cold Cache", image: "https://x.invalid/a.png", isAdmin: false, isMaintainer: true },
    });
    const served = JSON.stringify(s);
    expect(served).not.toContain("5e1c7a3e-session-token-value");
    expect(served).not.toContain("sessionToken");
    expect(served).not.toContain("cold@example.com");
  });

  it("is anonymous-looking for a user with no participant yet", () => {
    expect(publicSession(given, { id: "u-2" }, null).user).toEqual({ id: "u-2", login: "", name: null, image: null, isAdmin: false, isMaintainer: false });
  });
});
