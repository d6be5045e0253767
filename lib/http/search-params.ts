import type { z } from "zod";
import { validationFailed } from "../errors.ts";
import { fromZodError } from "./error-response.ts";

/**
 * Query parameters as an object validated by `schema`; keys starting with one of `prefixes`
 * are returned apart (e.g. `metadata.team=ml`). A repeated parameter is an error.
 */
export function readSearchParams<T extends z.ZodType>(url: URL, schema: T, prefixes: string[] = []) {
  const plain: Record<string, string> = {};
  const prefixed: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    const prefix = prefixes.find((p) => key.startsWith(p));
    const target = prefix ? prefixed : plain;
    const name = prefix ? key.slice(prefix.length) : key;
    if (prefix && name === "") throw validationFailed(`"${key}" needs a key after "${prefix}"`, { field: key });
    if (name in target) throw validationFailed(`query parameter "${key}" was given twice`, { field: key });
    target[name] = value;
  }
  const parsed = schema.safeParse(plain);
  if (!parsed.success) throw fromZodError(parsed.error);
  return { query: parsed.data as z.infer<T>, prefixed };
}
