import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/app/_auth/get-viewer";
import { orNotFound } from "@/app/_lib/or-not-found";
import type { TPrincipal } from "@/lib/access/principal";
import { aliasNamesByVersion } from "@/lib/aliases/list-aliases";
import { getVersion } from "@/lib/artifacts/get-artifact";
import { getArtifactView } from "@/lib/artifacts/get-artifact-view";
import { readVersionHead } from "@/lib/artifacts/read-version-head";
import type { TVersionDto } from "@/lib/artifacts/serialize";
import { getDb } from "@/lib/db/client";
import { diffLines, splitLines } from "@/lib/preview/diff-lines";
import { DIFF_INPUT_BYTES, MEDIA_PREVIEW_MAX_BYTES, decodeHead, isTextKind, previewKind } from "@/lib/preview/preview-kind";
import { DiffView } from "@/components/artifact/diff-view";
import { artifactHref, compareHref, contentUrl } from "@/components/artifact/links";
import { parseVersionParam } from "@/components/artifact/page-query";
import { param, type TSearchParams } from "@/components/browse/page-params";
import { formatBytes, formatInstant, shortSha } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { buttonPrimary, cardClass, inputClass, labelClass, linkClass } from "@/components/ui/styles";

export const metadata = { title: "Compare versions · Stowage" };

/** Versions offered in the pickers (newest first); a chosen older one is added to them. */
const PICKER_VERSIONS = 200;

/** The text a version is compared as: JSON pretty-printed (when whole and valid), so layout changes do not hide the real ones. */
async function comparableText(viewer: TPrincipal, id: string, v: TVersionDto) {
  const head = await readVersionHead(getDb(), viewer, id, v.version, DIFF_INPUT_BYTES);
  let text = decodeHead(head.bytes, head.truncated);
  if (previewKind(v.mimeType, v.filename) === "json" && !head.truncated) {
    try {
      text = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      // Not valid JSON: compared as it is.
    }
  }
  return { text, truncated: head.truncated };
}

function Row({
  label,
  a,
  b,
  display = (x: string) => x,
}: {
  label: string;
  a: string;
  b: string;
  display?: (x: string) => React.ReactNode;
}) {
  const same = a === b;
  return (
    <tr className={same ? undefined : "bg-amber-50"}>
      <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium text-slate-700">
        {label}
      </th>
      <td className="break-words px-3 py-2">{display(a)}</td>
      <td className="break-words px-3 py-2">{display(b)}</td>
      <td className="whitespace-nowrap px-3 py-2 text-slate-600">{same ? "same" : <strong className="text-amber-900">differs</strong>}</td>
    </tr>
  );
}

/** Two versions side by side: metadata always, a line diff for text, both pictures for images. */
export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<TSearchParams>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const aParam = param(query, "a");
  const bParam = param(query, "b");
  const path = `/artifacts/${encodeURIComponent(id)}/compare${aParam !== undefined && bParam !== undefined ? `?a=${encodeURIComponent(aParam)}&b=${encodeURIComponent(bParam)}` : ""}`;
  const viewer = await requireViewer(path);
  const aChoice = parseVersionParam(aParam);
  const bChoice = parseVersionParam(bParam);
  if (aChoice === "invalid" || bChoice === "invalid") notFound();
  const db = getDb();
  const view = await orNotFound(() => getArtifactView(db, viewer, id, { limit: PICKER_VERSIONS }));
  const { artifact } = view;
  const latest = artifact.latestVersion!;
  // By default: the version before the latest against the latest.
  const bNumber = bChoice ?? latest;
  const aNumber = aChoice ?? view.versions.find((v) => v.version < bNumber)?.version ?? bNumber;
  const [a, b] = await Promise.all([aNumber, bNumber].map((n) => orNotFound(() => getVersion(db, viewer, id, n)).then((r) => r.dto)));
  const choices = [...new Set([...view.versions.map((v) => v.version), a!.version, b!.version])].sort((x, y) => y - x);
  const aLabel = `v${a!.version}`;
  const bLabel = `v${b!.version}`;
  const aKind = previewKind(a!.mimeType, a!.filename);
  const bKind = previewKind(b!.mimeType, b!.filename);
  const identical = a!.sha256 === b!.sha256;
  // The pickers name each version's aliases too, so "production against latest" is easy to pick.
  const aliasNames = aliasNamesByVersion(view.aliases);
  const optionLabel = (n: number) => {
    const names = [...(n === latest ? ["latest"] : []), ...(aliasNames.get(n) ?? [])];
    return `v${n}${names.length ? ` (${names.join(", ")})` : ""}`;
  };

  let body: React.ReactNode;
  if (identical) {
    body = (
      <p className="text-sm text-slate-700" data-testid="diff-summary">
        {a!.version === b!.version ? "The same version is selected twice." : "The two versions have identical contents."}
      </p>
    );
  } else if (isTextKind(aKind) && isTextKind(bKind)) {
    const [ta, tb] = await Promise.all([comparableText(viewer, id, a!), comparableText(viewer, id, b!)]);
    body = (
      <>
        {(ta.truncated || tb.truncated) && (
          <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="preview-notice">
            Only the first {formatBytes(DIFF_INPUT_BYTES)} of each version are compared.
          </p>
        )}
        <DiffView lines={diffLines(splitLines(ta.text), splitLines(tb.text))} aLabel={aLabel} bLabel={bLabel} />
      </>
    );
  } else if (aKind === "image" && bKind === "image" && a!.sizeBytes <= MEDIA_PREVIEW_MAX_BYTES && b!.sizeBytes <= MEDIA_PREVIEW_MAX_BYTES) {
    body = (
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2" data-testid="image-compare">
        {[a!, b!].map((v) => (
          <figure key={v.version} className="min-w-0 rounded-md border border-slate-200 p-2">
            <img
              src={contentUrl(artifact.id, v.version)}
              alt={`Version ${v.version} of ${artifact.name}`}
              className="mx-auto max-h-[60vh] max-w-full object-contain"
            />
            <figcaption className="mt-2 text-center text-sm text-slate-600">
              v{v.version} · {formatBytes(v.sizeBytes)}
            </figcaption>
          </figure>
        ))}
      </div>
    );
  } else {
    body = (
      <p className="text-sm text-slate-600">These types cannot be compared line by line; the details above show how the versions differ.</p>
    );
  }

  return (
    <div className="space-y-6">
      <PageHeader
        title={
          <>
            Compare versions of <span className="wrap-anywhere">{artifact.name}</span>
          </>
        }
        subtitle={
          <Link className={linkClass} href={artifactHref(artifact.id)}>
            Back to the artifact
          </Link>
        }
      />

      <form
        method="get"
        action={`/artifacts/${encodeURIComponent(artifact.id)}/compare`}
        className={`${cardClass} flex flex-col gap-3 p-4 sm:flex-row sm:items-end`}
      >
        <div className="flex-1">
          <label htmlFor="compare-a" className={labelClass}>
            Old version
          </label>
          <select id="compare-a" name="a" defaultValue={a!.version} className={`${inputClass} mt-1`}>
            {choices.map((n) => (
              <option key={n} value={n}>
                {optionLabel(n)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex-1">
          <label htmlFor="compare-b" className={labelClass}>
            New version
          </label>
          <select id="compare-b" name="b" defaultValue={b!.version} className={`${inputClass} mt-1`}>
            {choices.map((n) => (
              <option key={n} value={n}>
                {optionLabel(n)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex gap-2">
          <button type="submit" className={buttonPrimary}>
            Compare
          </button>
          <Link className={`${linkClass} self-center text-sm`} href={compareHref(artifact.id, b!.version, a!.version)}>
            Swap
          </Link>
        </div>
      </form>

      <section aria-labelledby="meta-heading" className={`${cardClass} p-4`}>
        <h2 id="meta-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Details
        </h2>
        <div className="relative overflow-x-auto" role="region" aria-label="Details of both versions" tabIndex={0}>
          <table className="w-full min-w-[36rem] text-sm" data-testid="compare-metadata">
            <thead className="bg-slate-50 text-left text-slate-700">
              <tr>
                <td className="px-3 py-2" />
                <th scope="col" className="px-3 py-2">
                  <Link className={linkClass} href={artifactHref(artifact.id, { version: a!.version })}>
                    {aLabel}
                  </Link>
                </th>
                <th scope="col" className="px-3 py-2">
                  <Link className={linkClass} href={artifactHref(artifact.id, { version: b!.version })}>
                    {bLabel}
                  </Link>
                </th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Same or different</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              <Row label="File name" a={a!.filename} b={b!.filename} />
              <Row label="Type" a={a!.mimeType} b={b!.mimeType} />
              <Row
                label="Size"
                a={String(a!.sizeBytes)}
                b={String(b!.sizeBytes)}
                display={(x) => `${formatBytes(Number(x))} (${Number(x).toLocaleString("en-US")} bytes)`}
              />
              <Row
                label="SHA-256"
                a={a!.sha256}
                b={b!.sha256}
                display={(x) => (
                  <code className="font-mono text-xs" title={x}>
                    {shortSha(x)}
                  </code>
                )}
              />
              <Row label="Published" a={a!.createdAt} b={b!.createdAt} display={formatInstant} />
              <Row label="Published by" a={a!.createdBy} b={b!.createdBy} />
              <Row label="Run" a={a!.runId ?? "—"} b={b!.runId ?? "—"} />
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="changes-heading" className={`${cardClass} p-4`}>
        <h2 id="changes-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Changes
        </h2>
        {body}
      </section>
    </div>
  );
}
