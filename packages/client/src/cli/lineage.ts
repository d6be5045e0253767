import { int, positionalsOf, str } from "./args.js";
import type { Command } from "./command.js";
import { formatDate } from "./format.js";
import { parseRef, resolveArtifact } from "./ref.js";

export const lineage: Command = {
  name: "lineage",
  args: "<ref> [--version N]",
  summary: "what produced a version, what it was derived from, and which runs read it",
  details: [
    "Shows only what you can read. --json prints the server's answer:",
    "{artifactId, version, producedBy: {run, identity, tool, model, createdAt}, derivedFrom: […], readBy: […]}.",
  ].join("\n"),
  options: {
    session: { type: "string", value: "ID", help: "with <namespace>/<name>: the artifact of this session" },
    version: { type: "string", value: "N", help: "this version (default: the latest)" },
  },
  async run({ values, positionals, out, signal, client }) {
    const [ref] = positionalsOf(lineage, positionals, ["<ref>"]);
    const stowage = await client();
    const artifact = await resolveArtifact(stowage, parseRef(ref!, str(values, "session")), signal);
    const version = int(values, "version") ?? artifact.latestVersion ?? 0;
    const answer = await stowage.artifacts.lineage(artifact.id, version, { signal });
    if (out.json) return out.data(answer);
    const p = answer.producedBy;
    out.line(`${artifact.namespace}/${artifact.name} v${answer.version}  ${artifact.id}`);
    out.line(
      `produced by ${p.identity}${p.run ? ` in run ${p.run}` : ""}${p.tool ? ` with ${p.tool}` : ""}${p.model ? ` (model ${p.model})` : ""} at ${formatDate(p.createdAt)}`,
    );
    out.line();
    out.line(answer.derivedFrom.length ? "derived from:" : "derived from: nothing recorded");
    if (answer.derivedFrom.length) {
      out.table(
        ["VER", "ARTIFACT", "ID"],
        answer.derivedFrom.map((d) => [`v${d.version}`, `${d.namespace}/${d.name}`, d.artifactId]),
      );
    }
    out.line();
    out.line(answer.readBy.length ? "read by:" : "read by: no recorded runs");
    if (answer.readBy.length) {
      out.table(
        ["RUN", "NAMESPACE", "FIRST READ"],
        answer.readBy.map((r) => [r.runId, r.namespace, formatDate(r.readAt)]),
      );
    }
  },
};
