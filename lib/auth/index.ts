export { auth, currentViewer, handlers, signIn, signOut } from "./session";
export { requirePermission, requireViewer } from "./guard";
