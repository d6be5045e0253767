/**
 * A page's loading state. Used as `loading.tsx` only where a page never answers "not found": a
 * loading boundary streams a 200 before the page knows, so pages that can 404 show their own
 * Suspense fallbacks inside instead.
 */
export function LoadingState() {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 py-10 text-sm text-slate-600">
      <span className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-sky-700" aria-hidden />
      Loading…
    </div>
  );
}
