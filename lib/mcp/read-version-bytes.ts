import "server-only";
import type { Db } from "../db/client.ts";
import type { TPrincipal } from "../access/principal.ts";
import { getVersion } from "../artifacts/get-artifact.ts";
import { recordAuditEvent } from "../audit/record-audit-event.ts";
import { recordRunRead } from "../lineage/record-run-read.ts";
import { getBlobStore } from "../storage/get-blob-store.ts";

/**
 * Bytes `start` to `end` (inclusive, clamped to the version) of one version, for an MCP read:
 * authorized as a download, read straight from its blob store into at most that many bytes (the
 * caller's cap), and recorded as a download by MCP, and as an input of `read.runId` when given
 * (before the bytes are answered, as the content route does).
 */
export async function readVersionBytes(
  db: Db,
  principal: TPrincipal,
  id: string,
  version: number,
  range: { start: number; end: number },
  read: { runId?: string | undefined } = {},
): Promise<Uint8Array> {
  const { artifact, row } = await getVersion(db, principal, id, version);
  const end = Math.min(range.end, Number(row.sizeBytes) - 1);
  if (range.start > end) return new Uint8Array(0);
  const out = new Uint8Array(end - range.start + 1);
  let length = 0;
  const stream = await getBlobStore(row.backend).get(row.storageKey, { start: range.start, end });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const take = Math.min(chunk.byteLength, out.byteLength - length);
      out.set(chunk.subarray(0, take), length);
      length += take;
      if (length === out.byteLength) break;
    }
  } finally {
    stream.destroy();
  }
  await recordAuditEvent(db, {
    actor: principal,
    action: "artifact.download",
    namespace: artifact.namespace.name,
    artifactId: row.artifactId,
    version: row.version,
    details: { via: "mcp", start: range.start, bytes: length },
  });
  if (read.runId) {
    await recordRunRead(db, principal, {
      runId: read.runId,
      artifactId: row.artifactId,
      version: row.version,
      namespaceId: artifact.namespaceId,
      versionId: row.id,
    });
  }
  return out.subarray(0, length);
}
