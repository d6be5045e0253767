"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { ApiError, CSRF_HEADERS, toApiError } from "@/components/api";
import { formatBytes } from "@/components/ui/format";
import { buttonPrimary, buttonSecondary, inputClass, labelClass, linkClass } from "@/components/ui/styles";

import { CancelledError, sendInParts, type TPublished } from "./send-in-parts";

type TItem = {
  key: string;
  file: File;
  /** The artifact name to publish under; defaults to the file's name. */
  name: string;
  status: "ready" | "refused" | "uploading" | "processing" | "done" | "failed" | "cancelled";
  loaded: number;
  message?: string;
  published?: TPublished;
};

type TProps = { namespaces: string[]; defaultNamespace: string; maxBytes: number; directMaxBytes: number };

let nextKey = 0;

/** The API's refusal in words, with the numbers when it is about space. */
function describeError(error: ApiError): string {
  const d = error.details as {
    usedBytes?: number;
    reservedBytes?: number;
    quotaBytes?: number;
    requestedBytes?: number;
    namespace?: string;
  };
  if (error.code === "ARTIFACT_QUOTA_EXCEEDED" && typeof d.quotaBytes === "number") {
    const left = Math.max(0, d.quotaBytes - (d.usedBytes ?? 0) - (d.reservedBytes ?? 0));
    return `Quota exceeded: this file needs ${formatBytes(d.requestedBytes ?? 0)}, but ${d.namespace ?? "the namespace"} has ${formatBytes(left)} left (${formatBytes(d.usedBytes ?? 0)} used of ${formatBytes(d.quotaBytes)}).`;
  }
  if (error.code === "ARTIFACT_TOO_LARGE") return `Too large: ${error.message}`;
  return error.message;
}

/**
 * Publishes files from the browser: each file is its own raw-body POST /api/v1/artifacts sent
 * with XMLHttpRequest, because fetch cannot report upload progress. A file over the server's
 * single-request limit goes as a direct upload in parts (sendInParts); one over the direct-upload
 * limit is refused before any byte is sent.
 */
export function UploadForm({ namespaces, defaultNamespace, maxBytes, directMaxBytes }: TProps) {
  const ids = useId();
  const [items, setItems] = useState<TItem[]>([]);
  const [namespace, setNamespace] = useState(defaultNamespace);
  const [sessionId, setSessionId] = useState("");
  const [runId, setRunId] = useState("");
  const [tags, setTags] = useState("");
  const [dragging, setDragging] = useState(false);
  // How to cancel each upload in flight.
  const requests = useRef(new Map<string, () => void>());

  // A file dropped beside the drop zone would otherwise make the browser leave the page to open it.
  useEffect(() => {
    const stop = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes("Files")) e.preventDefault();
    };
    window.addEventListener("dragover", stop);
    window.addEventListener("drop", stop);
    return () => {
      window.removeEventListener("dragover", stop);
      window.removeEventListener("drop", stop);
    };
  }, []);

  // Leaving the page ends uploads still running.
  useEffect(() => {
    const running = requests.current;
    return () => running.forEach((cancel) => cancel());
  }, []);

  const update = (key: string, change: Partial<TItem>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...change } : i)));

  function addFiles(files: FileList | File[]) {
    const added = Array.from(files).map((file): TItem => {
      const item: TItem = { key: `f${nextKey++}`, file, name: file.name, status: "ready", loaded: 0 };
      if (file.size > directMaxBytes) {
        return {
          ...item,
          status: "refused",
          message: `Too large: ${formatBytes(file.size)}; the server accepts files up to ${formatBytes(directMaxBytes)}. Not uploaded.`,
        };
      }
      return item;
    });
    setItems((all) => [...all, ...added]);
  }

  function start(item: TItem) {
    const fields = {
      namespace,
      name: item.name.trim() || item.file.name,
      ...(sessionId.trim() ? { sessionId: sessionId.trim() } : {}),
      ...(runId.trim() ? { runId: runId.trim() } : {}),
      ...(tags.trim() ? { tags: tags.trim() } : {}),
    };
    const done = (change: Partial<TItem>) => {
      requests.current.delete(item.key);
      update(item.key, change);
    };
    update(item.key, { status: "uploading", loaded: 0, message: undefined, published: undefined });
    if (item.file.size > maxBytes) {
      const upload = sendInParts(item.file, fields, (loaded) =>
        update(item.key, loaded >= item.file.size ? { status: "processing", loaded } : { loaded }),
      );
      requests.current.set(item.key, upload.cancel);
      upload.promise.then(
        (published) => done({ status: "done", loaded: item.file.size, published }),
        (error: unknown) =>
          done(
            error instanceof CancelledError
              ? { status: "cancelled", message: "Cancelled. Nothing was stored." }
              : { status: "failed", message: error instanceof ApiError ? describeError(error) : (error as Error).message },
          ),
      );
      return;
    }
    const params = new URLSearchParams(fields);
    const xhr = new XMLHttpRequest();
    requests.current.set(item.key, () => xhr.abort());
    xhr.open("POST", `/api/v1/artifacts?${params}`);
    for (const [header, value] of Object.entries(CSRF_HEADERS)) xhr.setRequestHeader(header, value);
    // The browser sends the file's own type as Content-Type; without one the server guesses from the name.
    xhr.upload.onprogress = (e) => update(item.key, { loaded: e.lengthComputable ? e.loaded : 0 });
    xhr.upload.onload = () => update(item.key, { status: "processing", loaded: item.file.size });
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) done({ status: "done", loaded: item.file.size, published: body as TPublished });
      else done({ status: "failed", message: describeError(toApiError(xhr.status, body)) });
    };
    xhr.onerror = () =>
      done({
        status: "failed",
        message: "The connection ended before the server answered. Check the network (or the file's size against the quota) and try again.",
      });
    xhr.onabort = () => done({ status: "cancelled", message: "Cancelled. Nothing was stored." });
    xhr.send(item.file);
  }

  const ready = items.filter((i) => i.status === "ready");
  const busy = items.some((i) => i.status === "uploading" || i.status === "processing");

  function submit(e: React.FormEvent) {
    e.preventDefault();
    ready.forEach(start);
  }

  return (
    <form onSubmit={submit} className="space-y-6">
      <div
        data-testid="drop-zone"
        onDragEnter={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          if (e.dataTransfer.files.length) addFiles(e.dataTransfer.files);
        }}
        className={`rounded-lg border-2 border-dashed px-4 py-10 text-center focus-within:outline focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-sky-600 ${
          dragging ? "border-sky-600 bg-sky-50" : "border-slate-300 bg-white"
        }`}
      >
        <input
          id={`${ids}-files`}
          type="file"
          multiple
          className="sr-only"
          aria-describedby={`${ids}-limit`}
          onChange={(e) => {
            if (e.target.files?.length) addFiles(e.target.files);
            // The same file can be picked again after it was removed.
            e.target.value = "";
          }}
        />
        <p className="text-slate-700">Drop files here</p>
        <p className="mt-1 text-sm text-slate-600">or</p>
        <label htmlFor={`${ids}-files`} className={`${buttonSecondary} mt-2 cursor-pointer`}>
          Choose files
        </label>
        <p id={`${ids}-limit`} className="mt-3 text-xs text-slate-500">
          Up to {formatBytes(directMaxBytes)} a file; files over {formatBytes(maxBytes)} are sent in parts.
        </p>
      </div>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">Where to publish</legend>
        <div>
          <label htmlFor={`${ids}-ns`} className={labelClass}>
            Namespace
          </label>
          <select id={`${ids}-ns`} value={namespace} onChange={(e) => setNamespace(e.target.value)} className={`${inputClass} mt-1`}>
            {namespaces.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${ids}-tags`} className={labelClass}>
            Tags <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <input
            id={`${ids}-tags`}
            value={tags}
            onChange={(e) => setTags(e.target.value)}
            placeholder="report, q1"
            aria-describedby={`${ids}-tags-hint`}
            className={`${inputClass} mt-1`}
          />
          <p id={`${ids}-tags-hint`} className="mt-1 text-xs text-slate-500">
            Separated by commas.
          </p>
        </div>
        <div>
          <label htmlFor={`${ids}-session`} className={labelClass}>
            Session id <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <input
            id={`${ids}-session`}
            value={sessionId}
            onChange={(e) => setSessionId(e.target.value)}
            autoComplete="off"
            className={`${inputClass} mt-1`}
          />
        </div>
        <div>
          <label htmlFor={`${ids}-run`} className={labelClass}>
            Run id <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <input
            id={`${ids}-run`}
            value={runId}
            onChange={(e) => setRunId(e.target.value)}
            autoComplete="off"
            className={`${inputClass} mt-1`}
          />
        </div>
      </fieldset>

      {items.length > 0 && (
        <section aria-labelledby={`${ids}-files-heading`}>
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <h2 id={`${ids}-files-heading`} className="font-medium">
              Files
            </h2>
            {items.some((i) => ["done", "failed", "cancelled", "refused"].includes(i.status)) && (
              <button
                type="button"
                className={buttonSecondary}
                onClick={() =>
                  setItems((all) => all.filter((i) => i.status === "ready" || i.status === "uploading" || i.status === "processing"))
                }
              >
                Clear finished
              </button>
            )}
          </div>
          <ul className="space-y-3">
            {items.map((item) => (
              <UploadRow
                key={item.key}
                item={item}
                namespace={namespace}
                onName={(name) => update(item.key, { name })}
                onRemove={() => setItems((all) => all.filter((i) => i.key !== item.key))}
                onCancel={() => requests.current.get(item.key)?.()}
                onRetry={() => update(item.key, { status: "ready", loaded: 0, message: undefined })}
              />
            ))}
          </ul>
        </section>
      )}

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonPrimary} disabled={ready.length === 0}>
          {ready.length > 1 ? `Upload ${ready.length} files` : "Upload"}
        </button>
        <p role="status" className="text-sm text-slate-600">
          {busy ? "Uploading…" : ""}
        </p>
      </div>
    </form>
  );
}

function UploadRow({
  item,
  namespace,
  onName,
  onRemove,
  onCancel,
  onRetry,
}: {
  item: TItem;
  namespace: string;
  onName: (name: string) => void;
  onRemove: () => void;
  onCancel: () => void;
  onRetry: () => void;
}) {
  const id = useId();
  const percent = item.file.size ? Math.round((item.loaded / item.file.size) * 100) : item.status === "uploading" ? 0 : 100;
  const running = item.status === "uploading" || item.status === "processing";
  return (
    <li className="rounded-md border border-slate-200 bg-white p-3" data-testid="upload-item" data-status={item.status}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 flex-1">
          {item.status === "ready" ? (
            <>
              <label htmlFor={`${id}-name`} className={labelClass}>
                Artifact name for <span className="break-all font-normal">{item.file.name}</span>
              </label>
              <input id={`${id}-name`} value={item.name} onChange={(e) => onName(e.target.value)} className={`${inputClass} mt-1`} />
              <p className="mt-1 text-xs text-slate-500">
                {formatBytes(item.file.size)} · into {namespace}
              </p>
            </>
          ) : (
            <>
              <p className="break-all font-medium text-slate-800">{item.name || item.file.name}</p>
              <p className="text-xs text-slate-500">{formatBytes(item.file.size)}</p>
            </>
          )}
        </div>
        <div className="flex shrink-0 gap-2">
          {running && (
            <button
              type="button"
              className={buttonSecondary}
              onClick={onCancel}
              disabled={item.status === "processing"}
              aria-label={`Cancel upload of ${item.name}`}
            >
              Cancel
            </button>
          )}
          {(item.status === "failed" || item.status === "cancelled") && (
            <button type="button" className={buttonSecondary} onClick={onRetry} aria-label={`Retry ${item.name}`}>
              Retry
            </button>
          )}
          {!running && item.status !== "done" && (
            <button type="button" className={buttonSecondary} onClick={onRemove} aria-label={`Remove ${item.name}`}>
              Remove
            </button>
          )}
        </div>
      </div>

      {item.status !== "ready" && item.status !== "refused" && (
        <div className="mt-2 flex items-center gap-3">
          <progress
            className="h-2 min-w-0 flex-1 overflow-hidden rounded-full [&::-moz-progress-bar]:bg-sky-600 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-sky-600"
            max={100}
            value={percent}
            aria-label={`Upload of ${item.name}`}
            aria-valuenow={percent}
            aria-valuetext={`${percent}%`}
          />
          <span className="w-12 shrink-0 text-right text-sm tabular-nums text-slate-600" data-testid="upload-percent">
            {percent}%
          </span>
        </div>
      )}

      <div aria-live="polite" className="mt-2 text-sm">
        {item.status === "processing" && <p className="text-slate-600">Verifying and publishing…</p>}
        {item.status === "done" && item.published && (
          <p className="text-emerald-800" data-testid="upload-result">
            v{item.published.version.version} published in {item.published.artifact.namespace} ·{" "}
            <Link className={linkClass} href={`/artifacts/${item.published.artifact.id}`}>
              Open {item.published.artifact.name}
            </Link>
          </p>
        )}
        {(item.status === "failed" || item.status === "refused" || item.status === "cancelled") && (
          <p className={item.status === "cancelled" ? "text-slate-600" : "text-red-700"} data-testid="upload-error">
            {item.message}
          </p>
        )}
      </div>
    </li>
  );
}
