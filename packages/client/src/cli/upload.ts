import { stat } from "node:fs/promises";
import path from "node:path";
import type { PublishOptions } from "../publish.js";
import type { Published } from "../types.js";
import { int, list, str } from "./args.js";
import type { Command, Values } from "./command.js";
import { CliError, describeError, EXIT, usageError } from "./exit-codes.js";
import { formatBytes } from "./format.js";
import { expandGlob, isPattern } from "./glob.js";

/** Files sent at once. */
const PARALLEL = 4;

export const upload: Command = {
  name: "upload",
  args: "<file…|->",
  summary: "publish files as new versions (several in parallel; - reads stdin)",
  details: [
    "Each file becomes the next version of (namespace, session, name); the name defaults to the",
    "file's base name. `-` reads stdin and needs --name. A pattern the shell left unexpanded",
    "('reports/*.csv', 'out/**') is expanded here. Up to 4 files go at once. --json prints an",
    "array of {artifact, version}, one per file, in the order given.",
  ].join("\n"),
  options: {
    namespace: { type: "string", short: "n", value: "NS", help: "the namespace (default: your own, agent:<you>)" },
    name: { type: "string", value: "NAME", help: "the artifact's name (one file or stdin only; may contain /)" },
    session: { type: "string", value: "ID", help: "the session it belongs to" },
    run: { type: "string", value: "ID", help: "the run that produced it" },
    "derived-from": {
      type: "string",
      multiple: true,
      value: "ID@N",
      help: "an input it was made from: artifact id @ version (repeatable)",
    },
    tool: { type: "string", value: "NAME", help: "the tool that produced it" },
    model: { type: "string", value: "NAME", help: "the model that produced it" },
    tags: { type: "string", value: "a,b", help: "tags, comma-separated" },
    metadata: { type: "string", multiple: true, value: "k=v|JSON", help: "metadata: key=value, or a JSON object" },
    "expires-at": { type: "string", value: "ISO", help: "when it expires (ISO 8601)" },
    "if-none-match": { type: "boolean", help: "only if the artifact has no version yet (else exit 5)" },
    "if-match": { type: "string", value: "N", help: "only if version N is still the latest (else exit 5)" },
    "skip-unchanged": { type: "boolean", help: "publish nothing when the bytes equal the latest version's (exit 0, says unchanged)" },
    "content-type": { type: "string", value: "TYPE", help: "the media type (default: from the name's extension)" },
  },
  async run({ values, positionals, out, signal, client }) {
    if (positionals.length === 0) throw usageError("nothing to upload: give files, or - for stdin; see stowage upload --help");
    const name = str(values, "name");
    const files = await inputs(positionals);
    if (name !== undefined && files.length > 1) throw usageError("--name names one artifact: give one file (or -) with it");
    if (files.some((f) => f.path === "-") && name === undefined) throw usageError("uploading stdin (-) needs --name");
    if (files.filter((f) => f.path === "-").length > 1) throw usageError("stdin (-) can be read once");
    const names = files.map((f) => name ?? path.basename(f.path));
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) throw usageError(`two files would both be named "${dup}": upload them one at a time with --name`);

    const common = await commonOptions(values);
    const stowage = await client();
    const namespace = str(values, "namespace") ?? (await stowage.whoami({ signal })).identity.namespace;

    const results: (Published | undefined)[] = new Array(files.length);
    let firstFailure: number | undefined;
    let next = 0;
    const worker = async () => {
      while (next < files.length && !signal.aborted) {
        const index = next++;
        const file = files[index]!;
        const artifactName = names[index]!;
        const transfer = out.progress.start("upload", artifactName, file.size);
        try {
          const data = file.path === "-" ? process.stdin : { path: file.path };
          const published = await stowage.publish(data, {
            ...common,
            namespace,
            name: artifactName,
            signal,
            onProgress: ({ loaded, total }) => transfer.update(loaded, total),
          });
          transfer.done();
          results[index] = published;
          const { artifact, version } = published;
          const unchanged = published.unchanged ? "  unchanged" : "";
          out.line(
            `${artifact.namespace}/${artifact.name} v${version.version}  ${formatBytes(version.sizeBytes)}  ${artifact.id}${unchanged}`,
          );
        } catch (error) {
          transfer.fail();
          if (files.length === 1) throw error;
          const { message, code, exitCode } = describeError(error);
          firstFailure ??= exitCode;
          out.progress.above(() => process.stderr.write(`stowage: ${file.path === "-" ? "stdin" : file.path}: ${message} (${code})\n`));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, files.length) }, worker));
    signal.throwIfAborted();
    if (out.json) out.data(results.filter(Boolean));
    return firstFailure;
  },
};

type Input = { path: string; size: number | undefined };

/** The files to send: patterns expanded, each checked to be a file before anything is sent. */
async function inputs(args: string[]): Promise<Input[]> {
  const found: Input[] = [];
  for (const arg of args) {
    if (arg === "-") {
      found.push({ path: "-", size: undefined });
      continue;
    }
    const info = await stat(arg).catch(() => undefined);
    if (!info && isPattern(arg)) {
      const matches = await expandGlob(arg);
      if (matches.length === 0) throw new CliError(`no files match ${arg}`, "FILE_NOT_FOUND", EXIT.notFound);
      for (const match of matches) found.push({ path: match, size: (await stat(match)).size });
      continue;
    }
    if (!info) throw new CliError(`no such file: ${arg}`, "FILE_NOT_FOUND", EXIT.notFound);
    if (info.isDirectory()) throw usageError(`${arg} is a directory: upload its files with '${arg.replace(/\/+$/, "")}/**'`);
    found.push({ path: arg, size: info.size });
  }
  return found;
}

async function commonOptions(values: Values): Promise<Omit<PublishOptions, "namespace">> {
  const options: Omit<PublishOptions, "namespace"> = {};
  const session = str(values, "session");
  if (session !== undefined) options.sessionId = session;
  const run = str(values, "run");
  if (run !== undefined) options.runId = run;
  const derivedFrom = list(values, "derived-from").map(parseInputRef);
  if (derivedFrom.length) options.derivedFrom = derivedFrom;
  const tool = str(values, "tool");
  if (tool !== undefined) options.tool = tool;
  const model = str(values, "model");
  if (model !== undefined) options.model = model;
  const tags = str(values, "tags");
  if (tags !== undefined)
    options.tags = tags
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean);
  const metadata = parseMetadata(list(values, "metadata"));
  if (metadata) options.metadata = metadata;
  const expiresAt = str(values, "expires-at");
  if (expiresAt !== undefined) {
    if (Number.isNaN(Date.parse(expiresAt))) throw usageError(`--expires-at must be an ISO 8601 date, not "${expiresAt}"`);
    options.expiresAt = expiresAt;
  }
  if (values["if-none-match"]) options.ifNoneMatch = "*";
  if (values["skip-unchanged"]) options.skipIfUnchanged = true;
  const ifMatch = int(values, "if-match");
  if (ifMatch !== undefined) options.ifMatch = ifMatch;
  const contentType = str(values, "content-type");
  if (contentType !== undefined) options.contentType = contentType;
  return options;
}

/** `--derived-from ID@N`: version N of the artifact with that id. */
export function parseInputRef(value: string): { artifactId: string; version: number } {
  const match = /^([^@\s]+)@(\d+)$/.exec(value);
  if (!match || !Number.isSafeInteger(Number(match[2]))) throw usageError(`--derived-from must be <artifact id>@<version>, not "${value}"`);
  return { artifactId: match[1]!, version: Number(match[2]) };
}

/** `--metadata k=v` (repeatable; values are strings) or `--metadata '{…}'` (a JSON object, types kept). */
export function parseMetadata(entries: string[]): Record<string, unknown> | undefined {
  if (entries.length === 0) return undefined;
  const metadata: Record<string, unknown> = {};
  for (const entry of entries) {
    if (entry.trim().startsWith("{")) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(entry);
      } catch {
        throw usageError(`--metadata is not a JSON object: ${entry}`);
      }
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw usageError(`--metadata is not a JSON object: ${entry}`);
      Object.assign(metadata, parsed);
      continue;
    }
    const eq = entry.indexOf("=");
    if (eq <= 0) throw usageError(`--metadata must be key=value or a JSON object, not "${entry}"`);
    metadata[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return metadata;
}
