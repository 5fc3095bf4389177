import NextAuth from "next-auth";
import { cache } from "react";
import { getDb } from "@/db";
import { authConfig } from "./config";
import { ForbiddenError, can, type Permission, type Viewer } from "./permissions";
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

export class UnauthenticatedError extends Error {
  constructor() {
    super("sign in first");
    this.name = "UnauthenticatedError";
  }
}

/** Refuses unless signed in and holding the permission (on the repository, when it is repository-scoped). */
export async function requirePermission(permission: Permission, scope: { repo?: string; repos?: string[] } = {}): Promise<Viewer> {
  const viewer = await currentViewer();
  if (!viewer) throw new UnauthenticatedError();
  if (!can(viewer, permission, scope)) throw new ForbiddenError(permission);
  return viewer;
}
