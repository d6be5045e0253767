import type { Stowage } from "../stowage.js";
import type { Output } from "./output.js";

/** One option of a command, as node:util parseArgs takes it, with what `--help` says about it. */
export type OptionSpec = {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  /** The value's placeholder in the help text (`--limit N`). */
  value?: string;
  help: string;
};

export type Values = Record<string, string | boolean | string[] | undefined>;

/** What every command gets: the parsed options, the output, and a client made on first use. */
export type Context = {
  values: Values;
  positionals: string[];
  json: boolean;
  out: Output;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
  client(): Promise<Stowage>;
  /** The profile in use: `--profile`, else "default". */
  profileName: string;
};

export type Command = {
  name: string;
  /** The arguments after the name, for the usage line (`<ref> [--version N]`). */
  args: string;
  summary: string;
  /** More lines for `stowage <command> --help`. */
  details?: string;
  options: Record<string, OptionSpec>;
  run(context: Context): Promise<number | void>;
};

/** Options every command accepts. */
export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  json: { type: "boolean", help: "machine-readable output on stdout; nothing on stderr but errors" },
  quiet: { type: "boolean", short: "q", help: "no progress on stderr" },
  profile: { type: "string", value: "NAME", help: 'the saved profile to use (default "default")' },
  url: { type: "string", value: "URL", help: "the server (overrides STOWAGE_URL and the profile)" },
  "api-key": { type: "string", value: "KEY", help: "the API key (overrides STOWAGE_API_KEY and the profile)" },
  help: { type: "boolean", short: "h", help: "this help" },
};
