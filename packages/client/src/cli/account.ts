import { Stowage } from "../stowage.js";
import { positionalsOf, str } from "./args.js";
import type { Command } from "./command.js";
import { CliError, EXIT } from "./exit-codes.js";
import { formatBytes } from "./format.js";
import { profilesPath, readProfile, writeProfile } from "./profiles.js";
import { ask, askSecret, canPrompt } from "./prompt.js";

export const login: Command = {
  name: "login",
  args: "[--url URL] [--api-key KEY]",
  summary: "check an API key and save it, with the server, as a profile",
  details: [
    "Checks the key with GET /api/v1/me, then saves url and key as the profile (--profile NAME,",
    'default "default") in $XDG_CONFIG_HOME/stowage/profiles.json (else ~/.config/stowage/),',
    "file mode 0600. Missing --url / --api-key come from STOWAGE_URL / STOWAGE_API_KEY, else are",
    "asked for at a terminal (the key without echo); without a terminal they are an error.",
  ].join("\n"),
  options: {},
  async run({ values, positionals, out, signal, profileName }) {
    positionalsOf(login, positionals, []);
    let url = str(values, "url") ?? (process.env.STOWAGE_URL || undefined);
    let apiKey = str(values, "api-key") ?? (process.env.STOWAGE_API_KEY || undefined);
    if (!url || !apiKey) {
      if (!canPrompt()) {
        const missing = [!url && "--url", !apiKey && "--api-key"].filter(Boolean).join(" and ");
        throw new CliError(`missing ${missing} (no terminal to ask at)`, "USAGE", EXIT.usage);
      }
      const saved = await readProfile(profileName);
      if (!url) url = (await ask(`Stowage server URL${saved ? ` [${saved.url}]` : ""}: `, signal)) || saved?.url;
      if (!url) throw new CliError("no server URL given", "USAGE", EXIT.usage);
      if (!apiKey) apiKey = await askSecret("API key (stw_…, not shown): ");
      if (!apiKey) throw new CliError("no API key given", "USAGE", EXIT.usage);
    }
    if (!/^https?:\/\//i.test(url)) throw new CliError(`--url must start with http:// or https://, not "${url}"`, "USAGE", EXIT.usage);
    url = url.replace(/\/+$/, "");
    const me = await new Stowage({ url, apiKey }).whoami({ signal });
    const file = await writeProfile(profileName, { url, apiKey });
    if (out.json) out.data({ profile: profileName, url, file, identity: me.identity });
    else
      out.line(
        `Logged in to ${url} as ${me.identity.name} (namespace ${me.identity.namespace}); saved as profile "${profileName}" in ${file}`,
      );
  },
};

export const logout: Command = {
  name: "logout",
  args: "",
  summary: "forget a saved profile (the key itself stays valid)",
  options: {},
  async run({ positionals, out, profileName }) {
    positionalsOf(logout, positionals, []);
    const had = await readProfile(profileName);
    if (had) await writeProfile(profileName, undefined);
    if (out.json) out.data({ profile: profileName, removed: Boolean(had) });
    else out.line(had ? `Removed profile "${profileName}" from ${profilesPath()}` : `No profile "${profileName}"`);
  },
};

export const whoami: Command = {
  name: "whoami",
  args: "",
  summary: "the identity the key belongs to, and the namespaces it can read",
  options: {},
  async run({ positionals, out, signal, client }) {
    positionalsOf(whoami, positionals, []);
    const stowage = await client();
    const me = await stowage.whoami({ signal });
    if (out.json) return out.data(me);
    out.line(`${me.identity.name}${me.identity.isAdmin ? " (admin)" : ""} at ${stowage.url}`);
    out.line(`namespace: ${me.identity.namespace}`);
    out.line(`can read: ${me.namespaces.map((n) => n.name).join(", ") || "nothing"}`);
  },
};

export const usage: Command = {
  name: "usage",
  args: "[<namespace>]",
  summary: "a namespace's usage against its quota (default: your own namespace)",
  options: {},
  async run({ positionals, out, signal, client }) {
    const [given] = positionalsOf(usage, positionals, ["<namespace>"], 1);
    const stowage = await client();
    const namespace = given ?? (await stowage.whoami({ signal })).identity.namespace;
    const u = await stowage.usage(namespace, { signal });
    if (out.json) return out.data(u);
    const percent = u.quotaBytes > 0 ? ` (${((u.usedBytes / u.quotaBytes) * 100).toFixed(1)}%)` : "";
    out.line(
      `${u.namespace}: ${formatBytes(u.usedBytes)} of ${formatBytes(u.quotaBytes)}${percent}${u.quotaOverride ? ", quota set by an admin" : ""}`,
    );
    if (u.reservedBytes) out.line(`held for uploads in flight: ${formatBytes(u.reservedBytes)}`);
    out.line(`${u.artifactCount} artifact${u.artifactCount === 1 ? "" : "s"}, ${u.versionCount} version${u.versionCount === 1 ? "" : "s"}`);
    if (u.retentionDays !== null) out.line(`retention: ${u.retentionDays} days`);
    if (u.keepVersions !== null) out.line(`versions kept per artifact: the newest ${u.keepVersions}`);
  },
};
