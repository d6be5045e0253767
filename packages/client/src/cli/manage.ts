import { int, positionalsOf, str, versionChoice } from "./args.js";
import type { Command } from "./command.js";
import { parseRef, resolveArtifact, resolveId } from "./ref.js";

const session = { type: "string", value: "ID", help: "with <namespace>/<name>: the artifact of this session" } as const;
const alias = { type: "string", value: "NAME", help: "instead of --version: the version this alias points to (production)" } as const;

export const share: Command = {
  name: "share",
  args: "<ref> [--expires-in S] [--version N|--alias NAME]",
  summary: "make a time-limited, revocable link that works without a key, and print it",
  options: {
    session,
    version: { type: "string", value: "N", help: "share this version (default: the latest)" },
    alias: { ...alias, help: "instead of --version: the version this alias points to now (the link stays on it)" },
    "expires-in": { type: "string", value: "S", help: "seconds the link works (60 up to the server's maximum; default 3600)" },
  },
  async run({ values, positionals, out, signal, client }) {
    const [ref] = positionalsOf(share, positionals, ["<ref>"]);
    const stowage = await client();
    const id = await resolveId(stowage, parseRef(ref!, str(values, "session")), signal);
    const expiresIn = int(values, "expires-in", { min: 1 });
    const link = await stowage.artifacts.share(id, {
      signal,
      ...versionChoice(values),
      ...(expiresIn === undefined ? {} : { expiresIn }),
    });
    if (out.json) return out.data(link);
    out.line(link.url);
    out.note(`expires ${link.expiresAt}`);
  },
};

export const url: Command = {
  name: "url",
  args: "<ref> [--version N|--alias NAME] [--expires-in S]",
  summary: "print a download URL that works without a key until it expires (cannot be revoked)",
  options: {
    session,
    version: { type: "string", value: "N", help: "this version (default: the latest)" },
    alias,
    "expires-in": { type: "string", value: "S", help: "seconds the URL works (bounded by the server)" },
    download: { type: "boolean", help: "ask browsers to save the file rather than show it" },
  },
  async run({ values, positionals, out, signal, client }) {
    const [ref] = positionalsOf(url, positionals, ["<ref>"]);
    const stowage = await client();
    const id = await resolveId(stowage, parseRef(ref!, str(values, "session")), signal);
    const expiresIn = int(values, "expires-in", { min: 1 });
    const answer = await stowage.artifacts.url(id, {
      signal,
      ...versionChoice(values),
      ...(expiresIn === undefined ? {} : { expiresIn }),
      ...(values.download ? { download: true } : {}),
    });
    if (out.json) return out.data(answer);
    out.line(answer.url);
  },
};

export const rm: Command = {
  name: "rm",
  args: "<ref> [--version N]",
  summary: "delete one version, or the whole artifact (owner or admin)",
  details: "A version a protected alias points to (and so its artifact) cannot be deleted: move or unprotect the alias first (exit 5).",
  options: {
    session,
    version: { type: "string", value: "N", help: "delete only this version" },
  },
  async run({ values, positionals, out, signal, client }) {
    const [ref] = positionalsOf(rm, positionals, ["<ref>"]);
    const stowage = await client();
    const artifact = await resolveArtifact(stowage, parseRef(ref!, str(values, "session")), signal);
    const version = int(values, "version");
    await stowage.artifacts.delete(artifact.id, { signal, ...(version === undefined ? {} : { version }) });
    const what = `${artifact.namespace}/${artifact.name}${version === undefined ? "" : ` v${version}`}`;
    if (out.json)
      return out.data({ deleted: true, id: artifact.id, namespace: artifact.namespace, name: artifact.name, version: version ?? null });
    out.line(`deleted ${what} (${artifact.id})`);
  },
};
