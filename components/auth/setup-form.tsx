"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { apiFetch } from "@/components/api";
import { ErrorNotice } from "@/components/ui/error-notice";
import { buttonPrimary, inputClass, labelClass } from "@/components/ui/styles";

export function SetupForm() {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string>();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password"));
    if (password !== form.get("confirm")) {
      setFailure("The two passwords differ.");
      return;
    }
    setPending(true);
    setFailure(undefined);
    try {
      const email = String(form.get("email"));
      await apiFetch("/api/v1/setup", { method: "POST", json: { adminKey: form.get("adminKey"), email, password } });
      const result = await signIn("credentials", { email, password, callbackUrl: "/runs", redirect: false });
      window.location.assign(result?.ok ? "/runs" : "/signin");
    } catch (error) {
      setPending(false);
      setFailure((error as Error).message);
    }
  }

  return (
    <div className="space-y-4">
      {failure && <ErrorNotice title="Setup failed" message={failure} />}
      <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <div>
          <label htmlFor="adminKey" className={labelClass}>
            Admin API key
          </label>
          <input id="adminKey" name="adminKey" type="password" autoComplete="off" required className={`${inputClass} mt-1 font-mono`} />
        </div>
        <div>
          <label htmlFor="email" className={labelClass}>
            Email
          </label>
          <input id="email" name="email" type="email" autoComplete="username" required className={`${inputClass} mt-1`} />
        </div>
        <div>
          <label htmlFor="password" className={labelClass}>
            Password (10 characters or more)
          </label>
          <input
            id="password"
            name="password"
            type="password"
            minLength={10}
            autoComplete="new-password"
            required
            className={`${inputClass} mt-1`}
          />
        </div>
        <div>
          <label htmlFor="confirm" className={labelClass}>
            Password again
          </label>
          <input
            id="confirm"
            name="confirm"
            type="password"
            minLength={10}
            autoComplete="new-password"
            required
            className={`${inputClass} mt-1`}
          />
        </div>
        <button type="submit" disabled={pending} className={`${buttonPrimary} w-full`}>
          {pending ? "Saving…" : "Create admin sign-in"}
        </button>
      </form>
    </div>
  );
}
