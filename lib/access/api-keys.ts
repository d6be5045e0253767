import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client.ts";
import { newId } from "../ids.ts";

const KEY_PREFIX = "stw_";

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** 256 random bits. A fast hash is enough for storage: keys are never guessable like passwords. */
export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString("base64url");
}

export type TCreatedApiKey = { id: string; key: string; prefix: string; label: string; createdAt: Date };

/** Stores only the hash; the returned `key` is the one and only time the key is visible. */
export async function createApiKey(db: Db, identityId: string, label = "", key = generateApiKey()): Promise<TCreatedApiKey> {
  const prefix = key.slice(0, KEY_PREFIX.length + 8);
  const row = await db.apiKey.create({ data: { id: newId(), identityId, label, prefix, hash: hashApiKey(key) } });
  return { id: row.id, key, prefix, label, createdAt: row.createdAt };
}
