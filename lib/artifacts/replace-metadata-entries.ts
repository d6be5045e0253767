import "server-only";
import type { Tx } from "../db/client.ts";
import { metadataEntries } from "./artifact-fields.ts";

/** Points the `metadata.<key>=<value>` filter index at the given (latest) version's metadata. */
export async function replaceMetadataEntries(tx: Tx, artifactId: string, metadata: Record<string, unknown>): Promise<void> {
  await tx.artifactMetadataEntry.deleteMany({ where: { artifactId } });
  const entries = metadataEntries(metadata);
  if (entries.length) await tx.artifactMetadataEntry.createMany({ data: entries.map((e) => ({ artifactId, ...e })) });
}
