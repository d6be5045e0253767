import { afterEach, describe, expect, it, vi } from "vitest";

type TBlobStoreModule = typeof import("@/lib/storage/blob-store");

// Blob stores live in process state and serve both copies of lib/ in the server process: an
// error thrown by a store one copy made must still be that error to the other copy's code.
describe("blob store errors across two module graphs", () => {
  afterEach(() => vi.resetModules());

  it("instanceof recognises each error made by the other copy, and nothing else", async () => {
    const made = (await import("@/lib/storage/blob-store")) as TBlobStoreModule;
    vi.resetModules();
    const other = (await import("@/lib/storage/blob-store")) as TBlobStoreModule;
    expect(other.BlobStoreUnavailableError).not.toBe(made.BlobStoreUnavailableError);

    expect(new made.BlobStoreUnavailableError("down")).toBeInstanceOf(other.BlobStoreUnavailableError);
    expect(new made.BlobNotFoundError("k")).toBeInstanceOf(other.BlobNotFoundError);
    expect(new made.BlobTooLargeError(1)).toBeInstanceOf(other.BlobTooLargeError);
    expect(new made.BlobExistsError("k")).toBeInstanceOf(other.BlobExistsError);
    expect(new made.BlobSizeMismatchError(1, 2)).toBeInstanceOf(other.BlobSizeMismatchError);

    expect(new made.BlobNotFoundError("k")).not.toBeInstanceOf(other.BlobStoreUnavailableError);
    expect(new Error("plain")).not.toBeInstanceOf(other.BlobStoreUnavailableError);
    expect(new made.BlobStoreUnavailableError("down")).toBeInstanceOf(Error);
  });
});
