import { positionalsOf, str } from "./args.js";
import type { Command } from "./command.js";
import { usageError } from "./exit-codes.js";
import { formatDate } from "./format.js";
import { parseRef, resolveArtifact } from "./ref.js";

const USAGE = "ls <ref>  |  set <ref> <name> <version> [--protected|--unprotected]  |  rm <ref> <name>";

export const alias: Command = {
  name: "alias",
  args: USAGE,
  summary: "list, set (create or move) and remove an artifact's aliases: named pointers to versions",
  details: [
    "An alias (production, best, reviewed) names one version; reads take --alias NAME instead of --version N.",
    "`set` creates the alias or moves it to <version>; --protected keeps that version from deletion and the",
    "artifact from expiry until the alias moves, is unprotected (--unprotected) or is removed; neither flag keeps",
    "what the alias had. Names: 1–64 lowercase letters, digits and . _ -, not a number and not `latest`.",
    "Setting and removing need write access to the namespace.",
  ].join("\n"),
  options: {
    session: { type: "string", value: "ID", help: "with <namespace>/<name>: the artifact of this session" },
    protected: { type: "boolean", help: "set: the version cannot be deleted while the alias points at it" },
    unprotected: { type: "boolean", help: "set: remove that protection" },
  },
  async run({ values, positionals, out, signal, client }) {
    const [action, ...rest] = positionals;
    if (action === undefined) throw usageError(`missing ls, set or rm; usage: stowage alias ${USAGE}`);
    if (action !== "set" && (values.protected || values.unprotected)) throw usageError("--protected and --unprotected go with set");
    const stowage = await client();
    const ref = () => resolveArtifact(stowage, parseRef(rest[0]!, str(values, "session")), signal);
    const label = (a: { namespace: string; name: string }) => `${a.namespace}/${a.name}`;

    if (action === "ls") {
      positionalsOf(alias, rest, ["<ref>"]);
      const artifact = await ref();
      const aliases = await stowage.artifacts.aliases(artifact.id, { signal });
      if (out.json) return out.data(aliases);
      if (aliases.length === 0) return out.note(`${label(artifact)} has no aliases`);
      out.table(
        ["NAME", "VER", "PROTECTED", "UPDATED"],
        aliases.map((a) => [a.name, `v${a.version}`, a.protected ? "yes" : "no", formatDate(a.updatedAt)]),
      );
      return;
    }
    if (action === "set") {
      const [, name, given] = positionalsOf(alias, rest, ["<ref>", "<name>", "<version>"]);
      if (values.protected && values.unprotected) throw usageError("give --protected or --unprotected, not both");
      if (!/^\d+$/.test(given!) || !Number.isSafeInteger(Number(given))) throw usageError(`<version> must be an integer, not "${given}"`);
      const artifact = await ref();
      const protection = values.protected ? { protected: true } : values.unprotected ? { protected: false } : {};
      const { alias: set, created } = await stowage.artifacts.setAlias(artifact.id, name!, {
        version: Number(given),
        ...protection,
        signal,
      });
      if (out.json) return out.data({ alias: set, created });
      out.line(
        `${created ? "created" : "moved"} ${set.name} → v${set.version} of ${label(artifact)}${set.protected ? " (protected)" : ""}`,
      );
      return;
    }
    if (action === "rm") {
      const [, name] = positionalsOf(alias, rest, ["<ref>", "<name>"]);
      const artifact = await ref();
      await stowage.artifacts.deleteAlias(artifact.id, name!, { signal });
      if (out.json) return out.data({ deleted: true, id: artifact.id, namespace: artifact.namespace, name: artifact.name, alias: name });
      out.line(`removed alias ${name} of ${label(artifact)}`);
      return;
    }
    throw usageError(`unknown action "${action}": ls, set or rm; usage: stowage alias ${USAGE}`);
  },
};
