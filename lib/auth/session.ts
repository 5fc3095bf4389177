import "server-only";
import NextAuth from "next-auth";
import { cache } from "react";
import { getDb } from "@/db";
import { authConfig } from "./config";
import type { Viewer } from "./permissions";
import { loadViewer } from "./viewer";

const nextAuth = NextAuth(async () => authConfig());

export const { handlers, signIn, signOut } = nextAuth;

/** The session of this request (once per render). */
export const auth = cache(() => nextAuth.auth());

/** The signed-in viewer with roles, loaded on the server; null when anonymous. */
export const currentViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  return loadViewer(await getDb(), session.user.id);
});
