import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { can, type Permission, type Viewer } from "./permissions";
import { currentViewer } from "./session";

/** The signed-in viewer, or `UnauthenticatedError`. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await currentViewer();
  if (!viewer || viewer.participantId === null) throw new UnauthenticatedError();
  return viewer;
}

/** Refuses unless signed in and holding the permission (on the repository, when it is repository-scoped). */
export async function requirePermission(permission: Permission, scope: { repo?: string; repos?: string[] } = {}): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!can(viewer, permission, scope)) throw new ForbiddenError(permission);
  return viewer;
}
