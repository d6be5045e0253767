import { parseArgs } from "node:util";
import { GLOBAL_OPTIONS, type Command, type OptionSpec, type Values } from "./command.js";
import { EXIT_TABLE, usageError } from "./exit-codes.js";

/** A command's arguments, strictly: an unknown option or a missing value is a usage error. */
export function parseCommandArgs(command: Command, argv: string[]): { values: Values; positionals: string[] } {
  const options = { ...command.options, ...GLOBAL_OPTIONS };
  const config: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> = {};
  for (const [name, spec] of Object.entries(options)) {
    config[name] = { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) };
  }
  try {
    const parsed = parseArgs({ args: argv, options: config, allowPositionals: true, strict: true });
    return { values: parsed.values as Values, positionals: parsed.positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0]!.replace(/\. To specify a positional.*$/, "") : String(error);
    throw usageError(`${message}; see stowage ${command.name} --help`);
  }
}

/** A string option's value, or undefined. */
export const str = (values: Values, name: string): string | undefined => {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
};

/** A repeatable string option's values. */
export const list = (values: Values, name: string): string[] => {
  const value = values[name];
  return Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
};

/** A non-negative integer option (`--version 0`, `--limit 20`). */
export function int(values: Values, name: string, { min = 0 }: { min?: number } = {}): number | undefined {
  const value = str(values, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw usageError(`--${name} must be an integer${min > 0 ? ` of at least ${min}` : " (0 or more)"}, not "${value}"`);
  }
  return Number(value);
}

/**
 * A read's `--version N` or `--alias NAME` (the version an alias points to), as the SDK takes
 * them; neither: the latest. Both at once is a usage error.
 */
export function versionChoice(values: Values): { version?: number; alias?: string } {
  const version = int(values, "version");
  const alias = str(values, "alias");
  if (version !== undefined && alias !== undefined) throw usageError("give --version or --alias, not both");
  return version !== undefined ? { version } : alias !== undefined ? { alias } : {};
}

/** Exactly `count` positionals, named for the error message. */
export function positionalsOf(command: Command, positionals: string[], names: string[], optional = 0): string[] {
  const min = names.length - optional;
  if (positionals.length < min) throw usageError(`missing ${names[positionals.length]}; usage: stowage ${command.name} ${command.args}`);
  if (positionals.length > names.length) {
    throw usageError(`unexpected argument "${positionals[names.length]}"; usage: stowage ${command.name} ${command.args}`);
  }
  return positionals;
}

function optionLines(options: Record<string, OptionSpec>): string[] {
  const rows = Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : "    "}--${name}${spec.value ? ` ${spec.value}` : ""}`;
    return [flag, spec.help + (spec.multiple ? " (repeatable)" : "")] as const;
  });
  const width = Math.max(0, ...rows.map(([flag]) => flag.length));
  return rows.map(([flag, help]) => `  ${flag.padEnd(width)}  ${help}`);
}

export function commandHelp(command: Command): string {
  const lines = [`usage: stowage ${command.name}${command.args ? ` ${command.args}` : ""} [options]`, "", command.summary];
  if (command.details) lines.push("", command.details);
  if (Object.keys(command.options).length) lines.push("", "options:", ...optionLines(command.options));
  lines.push("", "global options:", ...optionLines(GLOBAL_OPTIONS));
  return lines.join("\n") + "\n";
}

export function mainHelp(commands: Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return (
    [
      "usage: stowage <command> [arguments] [options]",
      "",
      "The command line of Stowage, versioned artifact storage for AI agents.",
      "",
      "commands:",
      ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
      "",
      "global options (every command):",
      ...optionLines(GLOBAL_OPTIONS),
      "",
      "A <ref> is an artifact id, or <namespace>/<name> (the namespace is the part before the first",
      '"/"; names may contain "/"), with --session ID for an artifact of a session.',
      "",
      "The server and key come from --url / --api-key, else STOWAGE_URL / STOWAGE_API_KEY, else the",
      "profile `stowage login` saved ($XDG_CONFIG_HOME/stowage/profiles.json, or ~/.config/stowage/).",
      "",
      EXIT_TABLE,
      "",
      "stowage <command> --help tells more.",
    ].join("\n") + "\n"
  );
}
