import "server-only";
import { getConfig } from "../config.ts";
import type { Db } from "../db/client.ts";
import { serverSignature } from "../access/server-signature.ts";

/**
 * next-auth's signing and encryption secret: AUTH_SECRET when set, else one derived from the
 * installation's stored secret, so a fresh install signs people in with nothing to configure
 * and every instance sharing the database agrees.
 */
export async function getAuthSecret(db: Db): Promise<string> {
  return getConfig().authSecret ?? (await serverSignature(db, ["next-auth-secret"]));
}
