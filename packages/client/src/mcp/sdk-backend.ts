import { describeError as describeCliError } from "../cli/exit-codes.js";
import { StowageError } from "../errors.js";
import type { Stowage } from "../stowage.js";
import type { Version } from "../types.js";
import type { ErrorDescription, LocalFiles, McpBackend, PublishRequest, VersionRef } from "./backend.js";

/**
 * The tools' backend for the stdio server: every call is an SDK call with the configured key, and
 * the SDK's run, tool and model (its options or STOWAGE_RUN_ID, STOWAGE_TOOL, STOWAGE_MODEL) go
 * with each; a read's own runId is sent for that call instead.
 */
export function sdkBackend(stowage: Stowage): McpBackend {
  const a = stowage.artifacts;
  return {
    get: (id) => a.get(id),
    lookup: (key) => a.lookup(key),
    list: (filter) => a.listPage(filter),
    versions: (id, page) => a.versionsPage(id, page),
    async version(id, version) {
      if (typeof version === "number") return a.version(id, version);
      if (version !== undefined) return (await a.alias(id, version.alias)).version as Version;
      const latest = (await a.get(id)).latest;
      if (!latest) throw new StowageError("ARTIFACT_NOT_FOUND", "the artifact has no version", { status: 404 });
      return latest as Version;
    },
    publish: (data, options) => stowage.publish(data, publishOptions(options)),
    async readBytes(id, version, { start, end }, read) {
      const body = await a.download(id, { version, range: { start, end }, ...read });
      return readAtMost(body.stream(), end - start + 1);
    },
    text: (id, { version, ...options }) => a.text(id, { ...options, ...choice(version) }),
    grep: (id, { version, ...options }) => a.grep(id, { ...options, ...choice(version) }),
    grepSession: (options) => a.grepSession(options),
    diff: (id, { from, to, ...options }) => a.diff(id, { ...options, ...renamed(choice(from), "from"), ...renamed(choice(to), "to") }),
    append: (id, text) => a.append(id, text),
    share: (id, { version, ...options }) => a.share(id, { ...options, ...choice(version) }),
    delete: (id, options) => a.delete(id, options),
    aliases: (id) => a.aliases(id),
    setAlias: (id, name, input) => a.setAlias(id, name, input),
    deleteAlias: (id, name) => a.deleteAlias(id, name),
    describeError,
  };
}

/** Files on this machine, for `path` uploads and `saveTo` reads: streamed both ways, any size. */
export function sdkLocalFiles(stowage: Stowage, cwd: string): LocalFiles {
  return {
    async publishFile(path, options) {
      const [{ resolve }, { stat }] = await Promise.all([import("node:path"), import("node:fs/promises")]);
      const target = resolve(cwd, path);
      // Opening the file comes later, as a Blob, whose error does not say ENOENT: ask first.
      if (!(await stat(target)).isFile())
        throw new StowageError("ARTIFACT_VALIDATION_FAILED", `${target} is not a file`, { details: { field: "path" } });
      return stowage.publish({ path: target }, publishOptions(options));
    },
    async saveTo(id, version, path, range, read) {
      const [{ dirname, resolve }, { mkdir }] = await Promise.all([import("node:path"), import("node:fs/promises")]);
      const target = resolve(cwd, path);
      const body = await stowage.artifacts.download(id, { version, ...(range ? { range } : {}), ...read });
      await mkdir(dirname(target), { recursive: true });
      return body.toFile(target);
    },
  };
}

/** A VersionRef as the SDK's options take it: `{ version }` or `{ alias }`. */
function choice(ref: VersionRef | undefined): { version?: number; alias?: string } {
  return ref === undefined ? {} : typeof ref === "number" ? { version: ref } : { alias: ref.alias };
}

/** `{ version }` / `{ alias }` as a diff's `from`/`fromAlias` (or `to`/`toAlias`). */
function renamed(ref: { version?: number; alias?: string }, side: "from" | "to"): Record<string, number | string> {
  if (ref.version !== undefined) return { [side]: ref.version };
  return ref.alias !== undefined ? { [`${side}Alias`]: ref.alias } : {};
}

function publishOptions({ ifNoneMatch, ...options }: PublishRequest) {
  return { ...options, ...(ifNoneMatch ? { ifNoneMatch: "*" as const } : {}) };
}

/** The first `max` bytes of a stream; the rest is not read. */
async function readAtMost(stream: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array> {
  const out = new Uint8Array(max);
  let length = 0;
  const reader = stream.getReader();
  try {
    while (length < max) {
      const { done, value } = await reader.read();
      if (done) break;
      const take = Math.min(value.byteLength, max - length);
      out.set(value.subarray(0, take), length);
      length += take;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return out.subarray(0, length);
}

function describeError(error: unknown): ErrorDescription {
  if (error instanceof StowageError) return { code: error.code, message: error.message, details: error.details };
  // A local failure (a file that is not there, a directory not writable): this machine's own, safe to tell.
  const { code, message } = describeCliError(error);
  return { code, message, details: {} };
}
