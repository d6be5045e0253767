import type { Answer } from "./transport.js";
import type { Published } from "./types.js";

/** A publish's answer, saying whether it was skipped as unchanged (Stowage-Unchanged). */
export async function readPublished({ res }: Answer): Promise<Published> {
  const published = (await res.json()) as Published;
  return { ...published, unchanged: res.headers.get("stowage-unchanged") === "true" };
}
