"use client";

import { useState } from "react";
import { buttonSecondary } from "./styles";

/**
 * Copies `text` to the clipboard. Where the Clipboard API is missing or refused (plain http, old
 * browsers), it selects the text in `fallbackInputId` so the user can copy it by hand.
 */
export function CopyButton({
  text,
  label = "Copy",
  ariaLabel,
  fallbackInputId,
  className = buttonSecondary,
}: {
  text: string;
  label?: string;
  ariaLabel?: string;
  fallbackInputId?: string;
  className?: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "manual">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      const input = fallbackInputId ? document.getElementById(fallbackInputId) : null;
      if (input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement) {
        input.focus();
        input.select();
      }
      setState("manual");
    }
  };
  return (
    <>
      <button type="button" className={className} onClick={copy} aria-label={ariaLabel}>
        {label}
      </button>
      <span role="status" className="text-sm text-slate-600">
        {state === "copied" ? "Copied" : state === "manual" ? "Press Ctrl+C (⌘C) to copy the selected text" : ""}
      </span>
    </>
  );
}
