import "server-only";
import { notFound } from "next/navigation";
import { StowageError } from "@/lib/errors";

/**
 * Runs a lib call for a page; "not found" and "no access" both render the 404 page, so a page
 * never tells a user that something they may not see exists.
 */
export async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof StowageError && ["ARTIFACT_NOT_FOUND", "ARTIFACT_NAMESPACE_DENIED", "FORBIDDEN"].includes(error.code)) notFound();
    throw error;
  }
}
