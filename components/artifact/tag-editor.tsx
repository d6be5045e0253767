"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { apiFetch } from "@/components/api";
import { ErrorNotice } from "@/components/ui/error-notice";
import { buttonPrimary, buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";

function Tags({ tags }: { tags: string[] }) {
  if (tags.length === 0) return <span className="text-sm text-slate-500">No tags</span>;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Tags" data-testid="artifact-tags">
      {tags.map((tag) => (
        <li
          key={tag}
          className="max-w-full break-all rounded-full bg-sky-50 px-2.5 py-0.5 text-xs font-medium text-sky-800 ring-1 ring-inset ring-sky-200"
        >
          {tag}
        </li>
      ))}
    </ul>
  );
}

/** The artifact's tags; those who may write its namespace can replace them (PATCH). */
export function TagEditor({ artifactId, tags, canEdit }: { artifactId: string; tags: string[]; canEdit: boolean }) {
  const router = useRouter();
  const inputId = useId();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(tags.join(", "));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  if (!editing) {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <Tags tags={tags} />
        {canEdit && (
          <button
            type="button"
            className="rounded px-1.5 py-0.5 text-sm text-sky-700 hover:bg-sky-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
            onClick={() => {
              setValue(tags.join(", "));
              setError(null);
              setEditing(true);
            }}
          >
            Edit tags
          </button>
        )}
      </div>
    );
  }

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const next = value
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean);
      await apiFetch(`/api/v1/artifacts/${encodeURIComponent(artifactId)}`, { method: "PATCH", json: { tags: next } });
      setEditing(false);
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={save} className="space-y-2">
      <label htmlFor={inputId} className={labelClass}>
        Tags, separated by commas
      </label>
      <input id={inputId} className={inputClass} value={value} onChange={(e) => setValue(e.target.value)} autoFocus disabled={saving} />
      {error && <ErrorNotice title="The tags were not saved" message={error} />}
      <div className="flex gap-2">
        <button type="submit" className={buttonPrimary} disabled={saving}>
          {saving ? "Saving…" : "Save tags"}
        </button>
        <button type="button" className={buttonSecondary} onClick={() => setEditing(false)} disabled={saving}>
          Cancel
        </button>
      </div>
    </form>
  );
}
