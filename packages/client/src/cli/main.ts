#!/usr/bin/env node
// The `stowage` command line: argument parsing and dispatch. Each command lives in its own file.
import { Stowage } from "../stowage.js";
import { login, logout, usage, whoami } from "./account.js";
import { runs, sessions } from "./activity.js";
import { alias } from "./alias.js";
import { commandHelp, mainHelp, parseCommandArgs, str } from "./args.js";
import type { Command } from "./command.js";
import { describeError, EXIT, usageError } from "./exit-codes.js";
import { rm, share, url } from "./manage.js";
import { Output } from "./output.js";
import { DEFAULT_PROFILE, resolveConnection } from "./profiles.js";
import { cat, download, ls, versions } from "./read.js";
import { append, diff, grep, text } from "./reads.js";
import { upload } from "./upload.js";
import { lineage } from "./lineage.js";

export const COMMANDS: Command[] = [
  login,
  logout,
  whoami,
  upload,
  download,
  cat,
  text,
  grep,
  diff,
  append,
  ls,
  versions,
  alias,
  lineage,
  share,
  url,
  rm,
  usage,
  runs,
  sessions,
];

const VERSION = "0.1.0";

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    // Without a command it is a usage error: the help goes to stderr then.
    (name === undefined ? process.stderr : process.stdout).write(topic ? commandHelp(topic) : mainHelp(COMMANDS));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-V") {
    process.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const hint = name.startsWith("-") ? "options come after the command" : `unknown command "${name}"`;
    throw usageError(`${hint}; stowage --help lists the commands`);
  }
  const { values, positionals } = parseCommandArgs(command, rest);
  if (values.help) {
    process.stdout.write(commandHelp(command));
    return EXIT.ok;
  }
  const json = values.json === true;
  const out = new Output(json, values.quiet === true);
  const controller = new AbortController();
  const onSignal = () => controller.abort(new DOMException("interrupted", "AbortError"));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const profileName = str(values, "profile") ?? DEFAULT_PROFILE;
  let stowage: Stowage | undefined;
  try {
    const code = await command.run({
      values,
      positionals,
      json,
      out,
      signal: controller.signal,
      profileName,
      async client() {
        if (!stowage) {
          const connection = await resolveConnection({
            url: str(values, "url"),
            apiKey: str(values, "api-key"),
            profile: profileName,
            explicitProfile: values.profile !== undefined,
          });
          stowage = new Stowage(connection);
        }
        return stowage;
      },
    });
    return code ?? EXIT.ok;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/** Reports a failure as one line, `stowage: <message> (<CODE>)`, never a stack trace. */
function fail(error: unknown): number {
  const { message, code, exitCode } = describeError(error);
  process.stderr.write(`stowage: ${message.replace(/\s*\n\s*/g, " ")} (${code})\n`);
  return exitCode;
}

// A reader that went away (`stowage cat … | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(EXIT.ok);
  process.exit(fail(error));
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = fail(error);
  },
);
