import { readVersionHead } from "@/lib/artifacts/read-version-head";
import type { TArtifactViewVersion } from "@/lib/artifacts/get-artifact-view";
import type { TPrincipal } from "@/lib/access/principal";
import { getDb } from "@/lib/db/client";
import { StowageError } from "@/lib/errors";
import { parseCsv } from "@/lib/preview/parse-csv";
import { MEDIA_PREVIEW_MAX_BYTES, TEXT_PREVIEW_BYTES, decodeHead, isTextKind, previewKind } from "@/lib/preview/preview-kind";
import { ErrorNotice } from "@/components/ui/error-notice";
import { formatBytes } from "@/components/ui/format";
import { buttonSecondary, linkClass } from "@/components/ui/styles";
import { JsonTree } from "./json-tree";
import { contentUrl } from "./links";
import { MarkdownView } from "./markdown-view";

/** Rows of a CSV shown in the table; the rest is in the download. */
const CSV_MAX_ROWS = 500;

function DownloadButton({ artifactId, version }: { artifactId: string; version: TArtifactViewVersion }) {
  return (
    <a className={buttonSecondary} href={contentUrl(artifactId, version.version, true)} download>
      Download {version.filename} ({formatBytes(version.sizeBytes)})
    </a>
  );
}

function Notice({ children }: { children: React.ReactNode }) {
  return (
    <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="preview-notice">
      {children}
    </p>
  );
}

/**
 * The selected version, shown by type: images and PDFs load from the content route (which serves
 * them inert: nosniff, and a sandbox CSP on everything but PDF); text-like types are read here,
 * only their first TEXT_PREVIEW_BYTES, and rendered as React text, never as HTML.
 */
export async function ArtifactPreview({
  artifactId,
  version,
  viewer,
}: {
  artifactId: string;
  version: TArtifactViewVersion;
  viewer: TPrincipal;
}) {
  const kind = previewKind(version.mimeType, version.filename);
  const src = contentUrl(artifactId, version.version);

  if (kind === "image" || kind === "pdf") {
    if (version.sizeBytes > MEDIA_PREVIEW_MAX_BYTES) {
      return (
        <div className="space-y-3">
          <p className="text-sm text-slate-600">
            This {kind === "pdf" ? "PDF" : "image"} is too large to preview ({formatBytes(version.sizeBytes)}; previews go up to{" "}
            {formatBytes(MEDIA_PREVIEW_MAX_BYTES)}).
          </p>
          <DownloadButton artifactId={artifactId} version={version} />
        </div>
      );
    }
    if (kind === "image") {
      return (
        <div className="flex justify-center rounded-md bg-[repeating-conic-gradient(#f1f5f9_0%_25%,#fff_0%_50%)] bg-[length:20px_20px] p-2">
          <img
            src={src}
            alt={`Preview of ${version.filename}, version ${version.version}`}
            className="max-h-[70vh] max-w-full object-contain"
            data-testid="image-preview"
          />
        </div>
      );
    }
    // The PDF is drawn by the browser's own viewer, which runs a document's scripts (if at all)
    // in its isolated plugin process, never in this origin's pages. A sandboxed frame cannot
    // show PDFs at all, hence none; the content route answers with nosniff, so bytes labelled
    // PDF are never sniffed into HTML.
    return (
      <div className="space-y-2">
        <iframe
          src={src}
          title={`PDF preview of ${version.filename}`}
          className="h-[70vh] w-full rounded-md border border-slate-200"
          referrerPolicy="no-referrer"
        />
        <a className={linkClass} href={src} target="_blank" rel="noopener noreferrer">
          Open the PDF in a new tab
        </a>
      </div>
    );
  }

  if (!isTextKind(kind)) {
    return (
      <div className="space-y-3">
        <p className="text-sm text-slate-600">No preview for this type ({version.mimeType}).</p>
        <DownloadButton artifactId={artifactId} version={version} />
      </div>
    );
  }

  if (version.sizeBytes === 0) return <p className="text-sm text-slate-600">This version is empty.</p>;
  let head;
  try {
    head = await readVersionHead(getDb(), viewer, artifactId, version.version, TEXT_PREVIEW_BYTES);
  } catch (error) {
    if (error instanceof StowageError) return <ErrorNotice title="The preview could not be loaded" message={error.message} />;
    throw error;
  }
  const text = decodeHead(head.bytes, head.truncated);
  const truncated = head.truncated && (
    <Notice>
      Showing the first {formatBytes(head.bytes.length)} of {formatBytes(version.sizeBytes)}. Download the file to see all of it.
    </Notice>
  );

  if (kind === "csv" || kind === "tsv") {
    const table = parseCsv(text, { delimiter: kind === "tsv" ? "\t" : ",", maxRows: CSV_MAX_ROWS + 1, partial: head.truncated });
    const [header = [], ...rows] = table.rows;
    const width = Math.max(header.length, ...rows.map((r) => r.length));
    return (
      <div>
        {truncated}
        {table.truncated && !head.truncated && <Notice>Showing the first {CSV_MAX_ROWS} rows.</Notice>}
        {table.truncated && head.truncated && <Notice>Showing the first {rows.length} rows.</Notice>}
        <div
          className="max-h-[70vh] overflow-auto rounded-md border border-slate-200"
          tabIndex={0}
          role="region"
          aria-label={`Table preview of ${version.filename}`}
        >
          <table className="min-w-full border-collapse text-sm" data-testid="csv-preview">
            <thead className="sticky top-0 bg-slate-50">
              <tr>
                {Array.from({ length: width }, (_, i) => (
                  <th
                    key={i}
                    scope="col"
                    className="whitespace-nowrap border-b border-slate-200 px-3 py-2 text-left font-semibold text-slate-800"
                  >
                    {header[i] ?? ""}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, CSV_MAX_ROWS).map((row, r) => (
                <tr key={r} className="odd:bg-white even:bg-slate-50">
                  {Array.from({ length: width }, (_, i) => (
                    <td key={i} className="max-w-[24rem] border-b border-slate-100 px-3 py-1.5 align-top text-slate-700">
                      {row[i] ?? ""}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    );
  }

  if (kind === "json") {
    let value: unknown;
    let parsed = false;
    if (!head.truncated) {
      try {
        value = JSON.parse(text);
        parsed = true;
      } catch {
        parsed = false;
      }
    }
    if (parsed) return <JsonTree value={value} />;
    return (
      <div>
        {truncated}
        {!head.truncated && <Notice>This is not valid JSON; it is shown as text.</Notice>}
        <TextBlock text={text} />
      </div>
    );
  }

  if (kind === "markdown") {
    return (
      <div>
        {truncated}
        <MarkdownView source={text} />
      </div>
    );
  }

  return (
    <div>
      {truncated}
      <TextBlock text={text} />
    </div>
  );
}

function TextBlock({ text }: { text: string }) {
  return (
    <pre
      className="max-h-[70vh] overflow-auto whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3 font-mono text-sm text-slate-800"
      data-testid="text-preview"
      tabIndex={0}
    >
      {text}
    </pre>
  );
}
