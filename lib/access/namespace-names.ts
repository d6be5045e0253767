import { validationFailed } from "../errors.ts";

/** Identity and group names: what follows `agent:` and `ring:`. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9._-]{0,62}$/;
const NAMESPACE_PATTERN = /^([a-z][a-z0-9-]{0,30}):([a-z0-9][a-z0-9._-]{0,62})$/;

export type TNamespaceName = { name: string; kind: "agent" | "ring" | "custom"; prefix: string; slug: string };

/** `agent:<identity>`, `ring:<group>`, or a custom `<prefix>:<name>` such as `team:ml`. */
export function parseNamespaceName(input: string): TNamespaceName {
  const m = NAMESPACE_PATTERN.exec(input);
  if (!m) {
    throw validationFailed(
      'namespace must look like "agent:<identity>", "ring:<group>" or "<prefix>:<name>" (lowercase letters, digits, ".", "_", "-")',
      { field: "namespace" },
    );
  }
  const prefix = m[1]!;
  const kind = prefix === "agent" ? "agent" : prefix === "ring" ? "ring" : "custom";
  return { name: input, kind, prefix, slug: m[2]! };
}

export function assertSlug(value: string, field: string): void {
  if (!SLUG_PATTERN.test(value)) {
    throw validationFailed(`${field} must be 1–63 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit`, { field });
  }
}
