import { apiFetch, ApiError } from "@/components/api";

export type TPublished = { artifact: { id: string; name: string; namespace: string }; version: { version: number; sizeBytes: number } };
export type TUploadFields = { namespace: string; name: string; sessionId?: string; runId?: string; tags?: string };

type TStarted = { id: string; partSize: number; partCount: number };
type TPartUrl = { partNumber: number; url: string; method: "PUT"; size: number };

const PARALLEL_PARTS = 3;
const URL_BATCH = 1000;
const ATTEMPTS = 4;

/**
 * Sends a file larger than the server's single-request limit as a direct upload: open it, PUT
 * its parts (three at a time, each retried on a network error or a 5xx), then complete it, which
 * verifies every part and publishes the version. Part URLs carry their own authorization; with
 * S3 they go straight to the bucket (which then needs a CORS rule allowing PUT from this origin).
 * Cancelling aborts the parts in flight and discards the upload.
 */
export function sendInParts(file: File, fields: TUploadFields, onProgress: (loaded: number) => void) {
  const inFlight = new Set<XMLHttpRequest>();
  const loadedByPart = new Map<number, number>();
  let uploadId: string | undefined;
  let cancelled = false;

  const report = () => onProgress([...loadedByPart.values()].reduce((a, b) => a + b, 0));

  function putPart(part: TPartUrl, slice: Blob): Promise<void> {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      inFlight.add(xhr);
      xhr.open(part.method, part.url);
      xhr.upload.onprogress = (e) => {
        loadedByPart.set(part.partNumber, e.loaded);
        report();
      };
      const settle = (error?: Error) => {
        inFlight.delete(xhr);
        if (error) {
          loadedByPart.set(part.partNumber, 0);
          report();
          reject(error);
        } else {
          loadedByPart.set(part.partNumber, part.size);
          report();
          resolve();
        }
      };
      xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? settle() : settle(new PartError(xhr.status)));
      xhr.onerror = () => settle(new PartError(0));
      xhr.onabort = () => settle(new PartError(-1));
      xhr.send(slice);
    });
  }

  async function sendPart(part: TPartUrl, partSize: number) {
    const slice = file.slice((part.partNumber - 1) * partSize, (part.partNumber - 1) * partSize + part.size);
    for (let attempt = 1; ; attempt++) {
      try {
        return await putPart(part, slice);
      } catch (error) {
        const status = (error as PartError).status;
        // Only a dropped connection or a server error is worth another try.
        if (cancelled || attempt >= ATTEMPTS || (status !== 0 && status < 500)) throw error;
        await new Promise((r) => setTimeout(r, 500 * attempt));
      }
    }
  }

  async function run(): Promise<TPublished> {
    const started = await apiFetch<TStarted>("/api/v1/uploads", {
      method: "POST",
      json: {
        namespace: fields.namespace,
        name: fields.name,
        filename: file.name,
        size: file.size,
        ...(file.type ? { contentType: file.type } : {}),
        ...(fields.sessionId ? { sessionId: fields.sessionId } : {}),
        ...(fields.runId ? { runId: fields.runId } : {}),
        ...(fields.tags ? { tags: fields.tags } : {}),
      },
    });
    uploadId = started.id;
    for (let first = 1; first <= started.partCount; first += URL_BATCH) {
      const partNumbers = Array.from({ length: Math.min(URL_BATCH, started.partCount - first + 1) }, (_, i) => first + i);
      const { parts } = await apiFetch<{ parts: TPartUrl[] }>(`/api/v1/uploads/${started.id}/parts`, {
        method: "POST",
        json: { partNumbers },
      });
      const queue = [...parts];
      await Promise.all(
        Array.from({ length: PARALLEL_PARTS }, async () => {
          for (let part = queue.shift(); part; part = queue.shift()) {
            if (cancelled) throw new PartError(-1);
            await sendPart(part, started.partSize);
          }
        }),
      );
    }
    return apiFetch<TPublished>(`/api/v1/uploads/${started.id}/complete`, { method: "POST" });
  }

  const promise = run().catch((error: unknown) => {
    if (uploadId && !(error instanceof ApiError && error.code === "ARTIFACT_UPLOAD_CLOSED")) {
      // Leaves nothing behind: the parts already sent are discarded (the sweep would, later).
      void apiFetch(`/api/v1/uploads/${uploadId}`, { method: "DELETE" }).catch(() => undefined);
    }
    if (error instanceof PartError) throw error.status === -1 ? new CancelledError() : new Error(error.describe());
    throw error;
  });

  return {
    promise,
    cancel() {
      cancelled = true;
      inFlight.forEach((xhr) => xhr.abort());
    },
  };
}

export class CancelledError extends Error {}

class PartError extends Error {
  constructor(readonly status: number) {
    super(`part upload failed (${status})`);
  }

  describe() {
    if (this.status === 0)
      return "A part could not be sent: the connection failed. If the bytes go to S3, the bucket needs a CORS rule allowing PUT from this site.";
    return `A part was refused (HTTP ${this.status}). Try again.`;
  }
}
