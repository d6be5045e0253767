import "server-only";
import type { Tx } from "../db/client.ts";

export async function replaceTags(tx: Tx, artifactId: string, tags: string[]): Promise<void> {
  await tx.artifactTag.deleteMany({ where: { artifactId } });
  if (tags.length) await tx.artifactTag.createMany({ data: tags.map((tag) => ({ artifactId, tag })) });
}
