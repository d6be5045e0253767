import { createInterface } from "node:readline/promises";
import { CliError, EXIT } from "./exit-codes.js";

/** Prompts work only with a person at a terminal: stdin and stderr both TTYs. */
export const canPrompt = (): boolean => Boolean(process.stdin.isTTY && process.stderr.isTTY);

/** A line typed at the terminal, the question on stderr (stdout stays for results). */
export async function ask(question: string, signal: AbortSignal): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return (await rl.question(question, { signal })).trim();
  } finally {
    rl.close();
  }
}

/** A secret typed at the terminal without echo. */
export function askSecret(question: string): Promise<string> {
  const stdin = process.stdin;
  // Echo goes off before the question shows, so a key typed (or pasted) the moment it does is not echoed.
  stdin.setRawMode(true);
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let value = "";
    stdin.resume();
    stdin.setEncoding("utf8");
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(value.trim());
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n" || char === "\u0004") return finish();
        if (char === "\u0003") return finish(new CliError("interrupted", "INTERRUPTED", EXIT.interrupted));
        if (char === "\u007f" || char === "\b") value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on("data", onData);
  });
}
