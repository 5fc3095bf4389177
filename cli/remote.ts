import type { Output } from "./types";

export const EXIT_MARKER = "\u0000exit:";

/** Runs a command inside the running server that holds the embedded database, streaming its output. */
export async function runRemote(port: number, token: string, command: string, payload: unknown, out: Output): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/api/internal/cli`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-podium-cli-token": token },
    body: JSON.stringify({ command, payload }),
  });
  if (!res.ok || !res.body) {
    out.error(`the running server (port ${port}) refused the command: HTTP ${res.status} ${await res.text()}`);
    return 1;
  }
  // A diagnostic, not the result: stderr, so stdout stays the command's own output (contract, "Commands, added").
  out.error(`(running inside the Podium server on port ${port}, which holds the embedded database)`);
  const decoder = new TextDecoder();
  let buffered = "";
  let code = 1;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      if (line.startsWith(EXIT_MARKER)) code = Number(line.slice(EXIT_MARKER.length));
      else if (line.startsWith("\u0000err:")) out.error(line.slice(5));
      else out.line(line);
    }
  }
  return code;
}
