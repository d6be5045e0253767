import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/lib/db/client";
import { needsSetup } from "@/lib/auth/complete-setup";
import { SetupForm } from "@/components/auth/setup-form";
import { linkClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Set up · Stowage" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  const open = await needsSetup(getDb());
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <h1 className="mb-2 text-2xl font-semibold">Set up Stowage</h1>
      {open ? (
        <>
          <p className="mb-6 text-sm text-slate-600">
            Choose the first admin&apos;s email and password. To prove you run this server, paste the admin API key: the value of{" "}
            <code className="rounded bg-slate-100 px-1">STOWAGE_ADMIN_KEY</code>, or the key printed once when the server first started.
          </p>
          <SetupForm />
        </>
      ) : (
        <p className="text-sm text-slate-700">
          Setup is complete.{" "}
          <Link className={linkClass} href="/signin">
            Sign in
          </Link>
          .
        </p>
      )}
    </main>
  );
}
