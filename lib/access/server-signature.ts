import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "../db/client.ts";
import { isUniqueViolation } from "../db/client.ts";

// The setting's name predates its other uses; renaming it would invalidate every issued link.
const SECRET_SETTING = "share_link_secret";

// Cached on the client it was read through (both copies of lib/ in a process share the client).
const SECRET = Symbol.for("stowage.server-secret");

/** One random secret per installation, kept in the database so every app instance agrees. */
async function getServerSecret(db: Db): Promise<Buffer> {
  const holder = db as unknown as Record<symbol, Buffer | undefined>;
  const cached = holder[SECRET];
  if (cached) return cached;
  let row = await db.setting.findUnique({ where: { key: SECRET_SETTING } });
  if (!row) {
    try {
      row = await db.setting.create({ data: { key: SECRET_SETTING, value: randomBytes(32).toString("base64url") } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      row = await db.setting.findUniqueOrThrow({ where: { key: SECRET_SETTING } });
    }
  }
  const secret = Buffer.from(row.value, "base64url");
  Object.defineProperty(db, SECRET, { value: secret, enumerable: false, configurable: true });
  return secret;
}

/**
 * An HMAC over `fields` for URLs that carry their own authorization (share links, part uploads).
 * The first field names the purpose, so a signature made for one use is never valid for another.
 */
export async function serverSignature(db: Db, fields: (string | number)[]): Promise<string> {
  return createHmac("sha256", await getServerSecret(db))
    .update(fields.join("\n"))
    .digest("base64url");
}

export async function isValidServerSignature(db: Db, fields: (string | number)[], given: string): Promise<boolean> {
  const expected = Buffer.from(await serverSignature(db, fields));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
