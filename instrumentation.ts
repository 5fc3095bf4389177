/** Runs once when the server starts: validates env, opens and migrates the database, seeds demo mode. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { boot } = await import("./lib/server/boot");
  await boot();
}
