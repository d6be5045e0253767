import "server-only";
import type { Db } from "../db/client.ts";
import { createApiKey, generateApiKey } from "../access/api-keys.ts";
import { insertIdentity } from "./identities.ts";
import { StowageError } from "../errors.ts";

/**
 * On first start (no admin identity yet), creates the `admin` identity and its API key: the
 * configured STOWAGE_ADMIN_KEY, or a generated one that is printed this once and never again.
 */
export async function bootstrapAdmin(db: Db, configuredKey: string | undefined, log: (line: string) => void = console.log) {
  if ((await db.identity.count({ where: { isAdmin: true } })) > 0) return { created: false as const };
  let identity;
  try {
    identity = await insertIdentity(db, { name: "admin", kind: "human", isAdmin: true });
  } catch (error) {
    if (!(error instanceof StowageError && error.code === "ARTIFACT_VALIDATION_FAILED")) throw error;
    // The name is taken: either another instance bootstrapped at the same moment, or a
    // non-admin identity is called "admin" and the operator has to name an admin by hand.
    if ((await db.identity.count({ where: { isAdmin: true } })) === 0) {
      log(
        'Stowage: no admin identity exists and the name "admin" is taken; create one with `npm run stowage-admin -- create-identity <name> --admin` and `… create-key <name>`.',
      );
    }
    return { created: false as const };
  }
  const created = await createApiKey(db, identity.id, "bootstrap", configuredKey ?? generateApiKey());
  if (configuredKey) {
    log('Stowage: created the first admin identity "admin" with the API key from STOWAGE_ADMIN_KEY.');
  } else {
    log(
      [
        "",
        "================================================================",
        ' Stowage: created the first admin identity "admin".',
        " Its API key is shown this once; store it now:",
        "",
        `   ${created.key}`,
        "",
        " Use it as: Authorization: Bearer <key>",
        "================================================================",
        "",
      ].join("\n"),
    );
  }
  return { created: true as const, key: created.key };
}
