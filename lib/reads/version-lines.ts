import "server-only";
import type { Readable } from "node:stream";
import { StowageError } from "../errors.ts";
import { BlobNotFoundError, BlobStoreUnavailableError } from "../storage/blob-store.ts";
import { getBlobStore } from "../storage/get-blob-store.ts";
import { READ_LIMITS } from "./limits.ts";
import { isBinaryMimeType, notText } from "./text-content.ts";

/**
 * One line as read: its 1-based number, up to `keepBytes` of its bytes (no line ending), its full
 * length, and the line ending that followed it: "\n" or "\r\n", "" for a last line without one
 * ("\r" for a last line ending in a lone CR, which is stripped from `bytes` as before a LF).
 */
export type TRawLine = { line: number; bytes: Buffer; length: number; ending: "\n" | "\r\n" | "\r" | "" };

/** A line as answered: cut to maxLineChars, with a marker saying how long it was. */
export type TTextLine = { line: number; text: string; cut?: true };

const LF = 10;
const CR = 13;
const NUL = 0;

/**
 * Streams a version's bytes as lines (LF or CRLF; a final line ending does not make an empty
 * line), holding at most `keepBytes` of any one line, so memory stays bounded whatever the file.
 * Refuses non-text content (by mime type, or a NUL byte in the first bytes) with ARTIFACT_NOT_TEXT.
 */
export async function* versionLines(
  version: { backend: string; storageKey: string; mimeType: string },
  keepBytes: number,
): AsyncGenerator<TRawLine, void, undefined> {
  if (isBinaryMimeType(version.mimeType)) throw notText(version.mimeType, `its type is ${version.mimeType}`);
  const stream = await openBlob(version.backend, version.storageKey);
  try {
    yield* splitLines(stream, keepBytes, version.mimeType);
  } catch (error) {
    if (error instanceof BlobStoreUnavailableError) throw unreadable();
    throw error;
  } finally {
    stream.destroy();
  }
}

async function openBlob(backend: string, key: string): Promise<Readable> {
  try {
    return await getBlobStore(backend).get(key);
  } catch (error) {
    if (error instanceof BlobNotFoundError || error instanceof BlobStoreUnavailableError) throw unreadable();
    throw error;
  }
}

const unreadable = () => new StowageError("ARTIFACT_STORAGE_UNAVAILABLE", "the stored bytes of this version cannot be read");

/** Splits a byte stream into lines, as versionLines does (exported for tests over chosen chunkings). */
export async function* splitLines(source: AsyncIterable<Uint8Array>, keepBytes: number, mimeType: string): AsyncGenerator<TRawLine> {
  let parts: Buffer[] = [];
  let kept = 0;
  let length = 0;
  let last = -1;
  let line = 0;
  let sniffed = 0;
  const finish = (lf: boolean): TRawLine => {
    let bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    let full = length;
    const cr = last === CR;
    if (cr) {
      full--;
      if (bytes.length === length) bytes = bytes.subarray(0, bytes.length - 1);
    }
    parts = [];
    kept = 0;
    length = 0;
    last = -1;
    return { line: ++line, bytes, length: full, ending: cr ? (lf ? "\r\n" : "\r") : lf ? "\n" : "" };
  };
  for await (const piece of source) {
    const chunk = Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    if (sniffed < READ_LIMITS.sniffBytes) {
      const head = chunk.subarray(0, READ_LIMITS.sniffBytes - sniffed);
      if (head.includes(NUL)) throw notText(mimeType, "it contains NUL bytes");
      sniffed += head.length;
    }
    let start = 0;
    while (start < chunk.length) {
      const lf = chunk.indexOf(LF, start);
      const end = lf === -1 ? chunk.length : lf;
      if (end > start) {
        if (kept < keepBytes) {
          const take = chunk.subarray(start, Math.min(end, start + keepBytes - kept));
          parts.push(take);
          kept += take.length;
        }
        length += end - start;
        last = chunk[end - 1]!;
      }
      if (lf === -1) break;
      yield finish(true);
      start = lf + 1;
    }
    // What is held of an unfinished line must not keep pointing into a buffer the source may reuse.
    if (parts.length > 0) parts = [Buffer.concat(parts)];
  }
  if (length > 0) yield finish(false);
}

/** A raw line as text for an answer: cut to maxLineChars with a marker when longer. */
export function toTextLine(raw: TRawLine): TTextLine {
  const text = raw.bytes.toString("utf8");
  if (raw.length <= raw.bytes.length && text.length <= READ_LIMITS.maxLineChars) return { line: raw.line, text };
  return { line: raw.line, text: `${text.slice(0, READ_LIMITS.maxLineChars)} … [line cut: ${raw.length} bytes]`, cut: true };
}
