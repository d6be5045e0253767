import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CliError, EXIT } from "./exit-codes.js";

export type Profile = { url: string; apiKey: string };
type ProfileFile = { profiles: Record<string, Profile> };

export const DEFAULT_PROFILE = "default";

/** `$XDG_CONFIG_HOME/stowage`, else `~/.config/stowage`. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(os.homedir(), ".config");
  return path.join(base, "stowage");
}

export const profilesPath = (env: NodeJS.ProcessEnv = process.env) => path.join(configDir(env), "profiles.json");

export async function readProfiles(): Promise<ProfileFile> {
  const file = profilesPath();
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { profiles: {} };
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<ProfileFile>;
    return { profiles: parsed.profiles && typeof parsed.profiles === "object" ? parsed.profiles : {} };
  } catch {
    throw new CliError(`${file} is not valid JSON; fix or remove it`, "BAD_PROFILE_FILE", EXIT.other);
  }
}

export async function readProfile(name: string): Promise<Profile | undefined> {
  const found = (await readProfiles()).profiles[name];
  return found && typeof found.url === "string" && typeof found.apiKey === "string" ? found : undefined;
}

/**
 * Saves (or with `undefined`, removes) a profile. The directory is 0700 and the file 0600: it
 * holds API keys. Written to a temporary file first and renamed, so it is never half-written.
 */
export async function writeProfile(name: string, profile: Profile | undefined): Promise<string> {
  const dir = configDir();
  const file = profilesPath();
  const all = await readProfiles();
  if (profile) all.profiles[name] = profile;
  else delete all.profiles[name];
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(all, null, 2) + "\n", { mode: 0o600 });
  await chmod(temp, 0o600);
  await rename(temp, file);
  return file;
}

/**
 * Where the server and key come from: the flags, then STOWAGE_URL / STOWAGE_API_KEY, then the
 * profile (`--profile`, else "default").
 */
export async function resolveConnection(flags: {
  url?: string;
  apiKey?: string;
  profile: string;
  /** `--profile` was given: a missing profile is then an error. */
  explicitProfile: boolean;
}): Promise<{ url: string; apiKey?: string }> {
  const env = process.env;
  let url = flags.url ?? (env.STOWAGE_URL || undefined);
  let apiKey = flags.apiKey ?? (env.STOWAGE_API_KEY || undefined);
  if (!url || !apiKey) {
    const profile = await readProfile(flags.profile);
    if (!profile && flags.explicitProfile) {
      throw new CliError(
        `no profile "${flags.profile}" in ${profilesPath()}: run \`stowage login --profile ${flags.profile}\``,
        "NO_PROFILE",
        EXIT.usage,
      );
    }
    url ??= profile?.url;
    apiKey ??= profile?.apiKey;
  }
  if (!url) {
    const which = flags.profile === DEFAULT_PROFILE ? "" : ` --profile ${flags.profile}`;
    throw new CliError(`no server: run \`stowage login${which}\`, set STOWAGE_URL or pass --url`, "NOT_CONFIGURED", EXIT.usage);
  }
  return { url, apiKey };
}
