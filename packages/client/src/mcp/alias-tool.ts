import { z } from "zod";
import { json, result, text } from "./format.js";
import { defineTool, refShape, resolveId, ToolInputError } from "./tool-kit.js";

export const artifactAlias = defineTool({
  name: "artifact_alias",
  title: "List, set or remove an artifact's aliases",
  description:
    "Aliases are names for versions of one artifact (production, best, reviewed) that move when you point them elsewhere; " +
    "latest is implicit. Use them to mark which version others should use, then read with alias instead of a version number " +
    "(artifact_read, artifact_grep, artifact_share; artifact_diff fromAlias/toAlias). " +
    "action=list answers every alias with its version. action=set points alias at version (creating or moving it; needs write access): " +
    "protected=true keeps that version from deletion and the artifact from expiring until the alias moves or is unprotected, " +
    "protected left out keeps what the alias had. action=delete removes the alias (its version stays). " +
    "Alias names: 1–64 lowercase letters, digits and . _ -, not a number and not latest.",
  shape: {
    ...refShape,
    action: z.enum(["list", "set", "delete"]).describe("list the aliases, set one (create or move), or delete one."),
    alias: z.string().min(1).optional().describe("With set and delete: the alias's name (e.g. production)."),
    version: z.number().int().min(0).optional().describe("With set: the version the alias points to."),
    protected: z.boolean().optional().describe("With set: true protects that version from deletion, false removes the protection."),
  },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(a, { backend }) {
    if (a.action !== "set" && (a.version !== undefined || a.protected !== undefined))
      throw new ToolInputError("version and protected go with action=set", a.version !== undefined ? "version" : "protected");
    if (a.action !== "list" && a.alias === undefined) throw new ToolInputError(`action=${a.action} needs alias`, "alias");
    if (a.action === "set" && a.version === undefined) throw new ToolInputError("action=set needs version", "version");
    const id = await resolveId(backend, a);
    if (a.action === "list") {
      const aliases = await backend.aliases(id);
      return result([json({ artifactId: id, aliases })], aliases.length ? undefined : "No aliases yet: create one with action=set.");
    }
    if (a.action === "set") {
      const input = { version: a.version!, ...(a.protected === undefined ? {} : { protected: a.protected }) };
      const { alias, created } = await backend.setAlias(id, a.alias!, input);
      return result([json({ artifactId: id, alias, created })]);
    }
    await backend.deleteAlias(id, a.alias!);
    return result([text(`removed alias ${a.alias} of artifact ${id} (its version stays)`)]);
  },
});
