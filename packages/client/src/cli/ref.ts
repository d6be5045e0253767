import type { Stowage } from "../stowage.js";
import type { Artifact } from "../types.js";
import { usageError } from "./exit-codes.js";

export type Ref = { id: string } | { namespace: string; name: string; sessionId?: string };

/**
 * `<id>`, or `<namespace>/<name>`: the namespace is what comes before the first `/`, the rest is
 * the name (names may contain `/`). `--session` picks a session's artifact of that name.
 */
export function parseRef(ref: string, sessionId: string | undefined): Ref {
  const slash = ref.indexOf("/");
  if (slash < 0) {
    if (!ref) throw usageError("an empty reference: give an artifact id or <namespace>/<name>");
    if (sessionId !== undefined) throw usageError(`--session needs a <namespace>/<name> reference, not the id "${ref}"`);
    return { id: ref };
  }
  const namespace = ref.slice(0, slash);
  const name = ref.slice(slash + 1);
  if (!namespace || !name) throw usageError(`"${ref}" is not <namespace>/<name>`);
  return { namespace, name, ...(sessionId !== undefined ? { sessionId } : {}) };
}

/** The artifact (with its latest version) a reference names. */
export async function resolveArtifact(client: Stowage, ref: Ref, signal: AbortSignal): Promise<Artifact> {
  if ("id" in ref) return client.artifacts.get(ref.id, { signal });
  return client.artifacts.lookup({ ...ref, signal });
}

/** Just the id: no request for an id reference, a lookup for a name. */
export async function resolveId(client: Stowage, ref: Ref, signal: AbortSignal): Promise<string> {
  return "id" in ref ? ref.id : (await resolveArtifact(client, ref, signal)).id;
}
