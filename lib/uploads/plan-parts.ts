import { validationFailed } from "../errors.ts";

const MiB = 1024 * 1024;
/** S3's limits: parts of 5 MiB to 5 GiB (the last may be smaller), at most 10,000 of them. */
export const MIN_PART_SIZE = 5 * MiB;
export const MAX_PART_SIZE = 5 * 1024 * MiB;
export const MAX_PARTS = 10_000;
const DEFAULT_PART_SIZE = 16 * MiB;

/**
 * How a file of `size` bytes is cut into parts: the requested part size, or 16 MiB grown in
 * whole MiB until the file fits in 10,000 parts (100 GB → 11 MiB would do; 16 MiB keeps the
 * part count and the number of URLs to mint low).
 */
export function planParts(size: number, requested?: number): { partSize: number; partCount: number } {
  let partSize = requested ?? Math.max(DEFAULT_PART_SIZE, Math.ceil(size / MAX_PARTS / MiB) * MiB);
  if (requested !== undefined && (!Number.isInteger(requested) || requested < MIN_PART_SIZE || requested > MAX_PART_SIZE)) {
    throw validationFailed(`partSize must be an integer from ${MIN_PART_SIZE} (5 MiB) to ${MAX_PART_SIZE} (5 GiB) bytes`, {
      field: "partSize",
    });
  }
  partSize = Math.min(partSize, Math.max(size, 1));
  const partCount = Math.ceil(size / partSize);
  if (partCount > MAX_PARTS) {
    throw validationFailed(
      `a ${size}-byte file needs parts of at least ${Math.ceil(size / MAX_PARTS)} bytes (at most ${MAX_PARTS} parts)`,
      { field: "partSize" },
    );
  }
  return { partSize, partCount };
}

/** Bytes part `partNumber` (1-based) must hold: the part size, except for the last part. */
export function expectedPartSize(plan: { sizeBytes: bigint | number; partSize: number; partCount: number }, partNumber: number): number {
  const size = Number(plan.sizeBytes);
  return partNumber < plan.partCount ? plan.partSize : size - (plan.partCount - 1) * plan.partSize;
}
