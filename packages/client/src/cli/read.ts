import path from "node:path";
import type { DownloadBody } from "../download-body.js";
import type { ListFilter } from "../types.js";
import { int, list, positionalsOf, str, versionChoice } from "./args.js";
import type { Command, Context } from "./command.js";
import { collect, pageSizeFor } from "./collect.js";
import { usageError } from "./exit-codes.js";
import { formatBytes, formatDate } from "./format.js";
import type { Transfer } from "./progress.js";
import { parseRef, resolveArtifact } from "./ref.js";

const refOptions = {
  session: { type: "string", value: "ID", help: "with <namespace>/<name>: the artifact of this session" },
  version: { type: "string", value: "N", help: "this version (default: the latest)" },
  alias: { type: "string", value: "NAME", help: "instead of --version: the version this alias points to (production)" },
} as const;

export const download: Command = {
  name: "download",
  args: "<ref> [--version N|--alias NAME] [-o FILE|-]",
  summary: "save a version's bytes to a file (default: its file name, here) or stdout",
  details: "The file is written through a temporary file beside it and renamed when complete, so it is never partial.",
  options: {
    ...refOptions,
    output: { type: "string", short: "o", value: "FILE|-", help: "where to write; - is stdout" },
  },
  async run(context) {
    const { values, positionals, out, signal } = context;
    const [ref] = positionalsOf(download, positionals, ["<ref>"]);
    const { body, filename, label } = await open(context, ref!);
    const target = str(values, "output") ?? safeBaseName(filename);
    const transfer = out.progress.start("download", label, body.size);
    let bytes: number;
    try {
      if (target === "-") {
        // stdout holds the bytes, so there is no summary (not even with --json).
        await toStdout(body, signal, transfer);
        transfer.done();
        return;
      }
      ({ bytes } = await body.toFile(target, { onProgress: ({ loaded, total }) => transfer.update(loaded, total) }));
      transfer.done();
    } catch (error) {
      transfer.fail();
      throw error;
    }
    if (out.json) out.data({ path: path.resolve(target), bytes, sha256: body.sha256 ?? null, contentType: body.contentType ?? null });
    else out.line(`${target}  ${formatBytes(bytes)}`);
  },
};

export const cat: Command = {
  name: "cat",
  args: "<ref> [--version N|--alias NAME]",
  summary: "write a version's bytes to stdout",
  options: { ...refOptions },
  async run(context) {
    const [ref] = positionalsOf(cat, context.positionals, ["<ref>"]);
    const { body } = await open(context, ref!);
    await toStdout(body, context.signal, undefined);
  },
};

export const ls: Command = {
  name: "ls",
  args: "[filters]",
  summary: "list artifacts, newest first (every page; a table, or --json)",
  options: {
    namespace: { type: "string", short: "n", value: "NS", help: "only this namespace" },
    session: { type: "string", value: "ID", help: "only this session's artifacts (needs --namespace)" },
    run: { type: "string", value: "ID", help: "only artifacts a version of which this run published" },
    tag: { type: "string", value: "TAG", help: "only artifacts with this tag" },
    name: { type: "string", value: "PREFIX", help: "only names starting with PREFIX" },
    metadata: { type: "string", multiple: true, value: "k=v", help: "only artifacts whose latest version's metadata has k=v" },
    limit: { type: "string", value: "N", help: "at most N artifacts (default: all)" },
  },
  async run({ values, positionals, out, signal, client }) {
    positionalsOf(ls, positionals, []);
    const limit = int(values, "limit", { min: 1 });
    const filter: ListFilter = { signal, limit: pageSizeFor(limit) };
    const map: [keyof ListFilter, string][] = [
      ["namespace", "namespace"],
      ["sessionId", "session"],
      ["runId", "run"],
      ["tag", "tag"],
      ["name", "name"],
    ];
    for (const [key, option] of map) {
      const value = str(values, option);
      if (value !== undefined) (filter as Record<string, unknown>)[key] = value;
    }
    const metadata: Record<string, string> = {};
    for (const entry of list(values, "metadata")) {
      const eq = entry.indexOf("=");
      if (eq <= 0) throw usageError(`--metadata must be key=value, not "${entry}"`);
      metadata[entry.slice(0, eq)] = entry.slice(eq + 1);
    }
    if (Object.keys(metadata).length) filter.metadata = metadata;
    const stowage = await client();
    const artifacts = await collect(stowage.artifacts.list(filter), limit);
    if (out.json) return out.data(artifacts);
    if (artifacts.length === 0) return out.note("no artifacts");
    out.table(
      ["ID", "NAMESPACE", "SESSION", "NAME", "VER", "SIZE", "TYPE", "UPDATED", "TAGS"],
      artifacts.map((a) => [
        a.id,
        a.namespace,
        a.sessionId ?? "-",
        a.name,
        a.latestVersion === null ? "-" : `v${a.latestVersion}`,
        a.latest ? formatBytes(a.latest.sizeBytes) : "-",
        a.latest?.mimeType.split(";")[0] ?? "-",
        formatDate(a.updatedAt),
        a.tags.join(","),
      ]),
    );
  },
};

export const versions: Command = {
  name: "versions",
  args: "<ref>",
  summary: "an artifact's version history, newest first, with the aliases pointing at each",
  options: { session: refOptions.session },
  async run({ values, positionals, out, signal, client }) {
    const [ref] = positionalsOf(versions, positionals, ["<ref>"]);
    const stowage = await client();
    const artifact = await resolveArtifact(stowage, parseRef(ref!, str(values, "session")), signal);
    const all = await collect(stowage.artifacts.versions(artifact.id, { signal, limit: pageSizeFor(undefined) }), undefined);
    if (out.json) return out.data(all);
    out.note(`${artifact.namespace}/${artifact.name}${artifact.sessionId ? ` (session ${artifact.sessionId})` : ""}  ${artifact.id}`);
    out.table(
      // ALIASES last, as ls puts TAGS: a list of any length.
      ["VER", "SIZE", "TYPE", "CREATED", "BY", "RUN", "SHA256", "FILE", "ALIASES"],
      all.map((v) => [
        `v${v.version}`,
        formatBytes(v.sizeBytes),
        v.mimeType.split(";")[0]!,
        formatDate(v.createdAt),
        v.createdBy,
        v.runId ?? "-",
        v.sha256.slice(0, 12),
        v.filename,
        v.aliases?.length ? v.aliases.join(",") : "-",
      ]),
    );
  },
};

/** The artifact a ref names, and the body of the version asked for. */
async function open(context: Context, ref: string): Promise<{ body: DownloadBody; filename: string; label: string }> {
  const { values, signal } = context;
  const stowage = await context.client();
  const choice = versionChoice(values);
  const artifact = await resolveArtifact(stowage, parseRef(ref, str(values, "session")), signal);
  const { version } = choice;
  const meta =
    choice.alias !== undefined
      ? undefined
      : version === undefined
        ? artifact.latest
        : await stowage.artifacts.version(artifact.id, version, { signal });
  const body = await stowage.artifacts.download(artifact.id, { signal, ...choice });
  // An alias is resolved by the download itself (it may move meanwhile): the body says which version it is.
  const described = meta ?? body.version;
  const filename = described?.filename || artifact.name;
  return { body, filename, label: `${artifact.name} v${described?.version ?? artifact.latestVersion}` };
}

/** A file name from the server, made safe to write here: no directories, no dot files like "..". */
function safeBaseName(name: string): string {
  const base = name.split(/[\\/]/).filter(Boolean).pop() ?? "";
  return base && base !== "." && base !== ".." ? base : "download";
}

/** Pipes the body to stdout, waiting on it when it is slower than the network. */
async function toStdout(body: DownloadBody, signal: AbortSignal, transfer: Transfer | undefined): Promise<number> {
  const reader = body.stream().getReader();
  let loaded = 0;
  const stdout = process.stdout;
  try {
    for (;;) {
      signal.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      loaded += value.byteLength;
      if (!stdout.write(value)) await new Promise<void>((resolve) => stdout.once("drain", resolve));
      transfer?.update(loaded, body.size);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  return loaded;
}
