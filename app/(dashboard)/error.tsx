"use client";

import { ErrorNotice } from "@/components/ui/error-notice";
import { buttonSecondary } from "@/components/ui/styles";

/** Any page that fails to render: say so and offer a retry, never a blank screen. */
export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-4 py-6">
      <ErrorNotice
        title="This page could not be loaded"
        message={error.digest ? `The server reported an error (reference ${error.digest}).` : error.message}
      />
      <button type="button" className={buttonSecondary} onClick={reset}>
        Try again
      </button>
    </div>
  );
}
