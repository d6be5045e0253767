// The only code that touches the file system. Loaded with import() on first use, so browsers
// never load node:fs; the comments keep bundlers from trying to resolve it for a browser build.

/** A file on disk as a Blob: read lazily as it is sent, and again from its start on a retry. */
export async function openFileAsBlob(path: string): Promise<Blob> {
  const { openAsBlob } = await import(/* webpackIgnore: true */ /* @vite-ignore */ "node:fs");
  return openAsBlob(path);
}

export const baseName = (path: string): string => path.split(/[\\/]/).filter(Boolean).pop() ?? path;

/**
 * Writes a stream to `path` through a temporary file beside it, renamed into place only once
 * every byte is on disk: a failed or aborted download never leaves a partial file at `path`.
 */
export async function writeStreamToFile(
  stream: ReadableStream<Uint8Array>,
  path: string,
  onChunk: (bytes: number) => void,
): Promise<number> {
  const { open, rename, rm } = await import(/* webpackIgnore: true */ /* @vite-ignore */ "node:fs/promises");
  const { dirname, join } = await import(/* webpackIgnore: true */ /* @vite-ignore */ "node:path");
  const temp = join(dirname(path), `.${baseName(path)}.${Math.random().toString(36).slice(2)}.part`);
  const reader = stream.getReader();
  const file = await open(temp, "wx").catch(async (error: unknown) => {
    await reader.cancel().catch(() => undefined);
    throw error;
  });
  let written = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // A write may take less than it was given.
      for (let offset = 0; offset < value.byteLength;) offset += (await file.write(value, offset)).bytesWritten;
      written += value.byteLength;
      onChunk(written);
    }
    await file.close();
    await rename(temp, path);
    return written;
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(temp, { force: true });
    await reader.cancel().catch(() => undefined);
    throw error;
  }
}
