import type { SaveArtifactRequest } from "@google/adk";

/** @google/genai's Part, as ADK's own types name it (so @google/genai need not be resolvable here). */
export type Part = SaveArtifactRequest["artifact"];

/**
 * What kind of Part a version holds, kept in the version's metadata under PART_KEY beside the
 * caller's customMetadata: the bytes alone cannot tell a text Part from text/plain inlineData,
 * and the server normalizes media types (drops parameters, guesses from the extension when it
 * is application/octet-stream), so the exact mimeType is kept here too.
 */
export type PartDescriptor =
  { kind: "text" } | { kind: "inlineData"; mimeType: string } | { kind: "fileData"; fileUri: string; mimeType?: string };

export const PART_KEY = "adk:part";

export type EncodedPart = { body: string | Uint8Array; contentType: string; descriptor: PartDescriptor };

/** The bytes to publish for a Part: inlineData decoded from base64, text as UTF-8, a fileData reference as a URI list. */
export function encodePart(part: Part): EncodedPart {
  if (part.inlineData) {
    const mimeType = part.inlineData.mimeType || "application/octet-stream";
    return { body: fromBase64(part.inlineData.data ?? ""), contentType: mimeType, descriptor: { kind: "inlineData", mimeType } };
  }
  if (typeof part.text === "string") {
    return { body: part.text, contentType: "text/plain; charset=utf-8", descriptor: { kind: "text" } };
  }
  const fileUri = part.fileData?.fileUri;
  if (fileUri) {
    const descriptor: PartDescriptor = { kind: "fileData", fileUri };
    if (part.fileData?.mimeType) descriptor.mimeType = part.fileData.mimeType;
    // RFC 2483: what the dashboard shows for the version is the reference itself.
    return { body: `${fileUri}\r\n`, contentType: "text/uri-list", descriptor };
  }
  throw new TypeError("Artifact must have either inlineData or text content, or fileData with a fileUri");
}

/** The descriptor in a version's metadata, if an ADK client published it. */
export function readDescriptor(metadata: Record<string, unknown>): PartDescriptor | undefined {
  const value = metadata[PART_KEY] as Partial<Record<string, unknown>> | undefined;
  if (!value || typeof value !== "object") return undefined;
  if (value.kind === "text") return { kind: "text" };
  if (value.kind === "inlineData" && typeof value.mimeType === "string") return { kind: "inlineData", mimeType: value.mimeType };
  if (value.kind === "fileData" && typeof value.fileUri === "string") {
    return { kind: "fileData", fileUri: value.fileUri, ...(typeof value.mimeType === "string" ? { mimeType: value.mimeType } : {}) };
  }
  return undefined;
}

/** Whether the Part needs the version's bytes (a fileData reference does not). */
export const needsBytes = (descriptor: PartDescriptor | undefined) => descriptor?.kind !== "fileData";

/** The Part a version stands for; a version published by another client reads as inlineData of its type. */
export function decodePart(descriptor: PartDescriptor | undefined, storedMimeType: string, bytes: Uint8Array): Part {
  if (descriptor?.kind === "fileData") {
    return { fileData: { fileUri: descriptor.fileUri, ...(descriptor.mimeType ? { mimeType: descriptor.mimeType } : {}) } };
  }
  if (descriptor?.kind === "text") return { text: new TextDecoder().decode(bytes) };
  return { inlineData: { data: toBase64(bytes), mimeType: descriptor?.mimeType ?? storedMimeType } };
}

/** The media type ADK reports for a version. */
export function partMimeType(descriptor: PartDescriptor | undefined, storedMimeType: string): string | undefined {
  if (!descriptor) return storedMimeType;
  return descriptor.kind === "text" ? "text/plain" : descriptor.mimeType;
}

/** customMetadata as the caller gave it: the version's metadata without the descriptor; undefined when none. */
export function customMetadataOf(metadata: Record<string, unknown>): Record<string, unknown> | undefined {
  const { [PART_KEY]: _descriptor, ...custom } = metadata;
  return Object.keys(custom).length > 0 ? custom : undefined;
}

// Buffer where there is one (Node), atob/btoa in browsers.
type BufferLike = { from(data: string | Uint8Array, encoding?: string): Uint8Array & { toString(encoding: string): string } };
const NodeBuffer = (globalThis as { Buffer?: BufferLike }).Buffer;

function fromBase64(data: string): Uint8Array {
  if (NodeBuffer) return new Uint8Array(NodeBuffer.from(data, "base64"));
  return Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
}

function toBase64(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes).toString("base64");
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
