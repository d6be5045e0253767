"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { ErrorNotice } from "@/components/ui/error-notice";
import { describeSignInError } from "./sign-in-errors";
import { buttonPrimary, buttonSecondary, inputClass, labelClass } from "@/components/ui/styles";

export function SignInForm({ callbackUrl, error, oidcName }: { callbackUrl: string; error?: string; oidcName?: string }) {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState(error);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setFailure(undefined);
    const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), callbackUrl, redirect: false });
    if (result?.ok && !result.error) {
      // A full load, so every server component renders for the signed-in user.
      window.location.assign(result.url ?? callbackUrl);
      return;
    }
    setPending(false);
    setFailure(describeSignInError(result?.error ?? ""));
  }

  return (
    <div className="space-y-4">
      {failure && <ErrorNotice title="Not signed in" message={failure} />}
      <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <div>
          <label htmlFor="email" className={labelClass}>
            Email
          </label>
          <input id="email" name="email" type="email" autoComplete="username" required className={`${inputClass} mt-1`} />
        </div>
        <div>
          <label htmlFor="password" className={labelClass}>
            Password
          </label>
          <input id="password" name="password" type="password" autoComplete="current-password" required className={`${inputClass} mt-1`} />
        </div>
        <button type="submit" disabled={pending} className={`${buttonPrimary} w-full`}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {oidcName && (
        <button type="button" className={`${buttonSecondary} w-full`} onClick={() => signIn("oidc", { callbackUrl })}>
          Continue with {oidcName}
        </button>
      )}
    </div>
  );
}
