import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { principalFromSession } from "@/lib/auth/session-principal";
import type { TPrincipal } from "@/lib/access/principal";

/** The signed-in dashboard user, or null; once per request however many components ask. */
export const getViewer = cache(async (): Promise<TPrincipal | null> => {
  const jar = await cookies();
  return principalFromSession(getDb(), (name) => jar.get(name)?.value);
});

/** The signed-in user; anyone else is sent to sign in and brought back to `returnTo`. */
export async function requireViewer(returnTo = "/runs"): Promise<TPrincipal> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return viewer;
}

/** Admin pages: non-admins get a 404-like page rather than a hint the page exists. */
export async function requireAdminViewer(returnTo: string): Promise<TPrincipal> {
  const viewer = await requireViewer(returnTo);
  if (!viewer.isAdmin) redirect("/runs");
  return viewer;
}
