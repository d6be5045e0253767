// Operator's CLI for what the admin API does, straight against the database:
//   npm run stowage-admin -- <command> [args]
// It reads the same configuration (DATABASE_URL, STOWAGE_DATA_DIR, .env) as the server.
import path from "node:path";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import { getConfig } from "../lib/config.ts";
import { getDb } from "../lib/db/client.ts";
import { migrateDatabase } from "../lib/db/migrate.ts";
import { createIdentity, createKeyFor, listIdentities, revokeKey } from "../lib/admin/identities.ts";
import { addGroupMember, createGroup, removeGroupMember } from "../lib/admin/groups.ts";
import { createCustomNamespace, grantAccess, listNamespaces } from "../lib/admin/namespaces.ts";
import { StowageError } from "../lib/errors.ts";
import { reconcileUsage } from "../lib/quota/reconcile-usage.ts";
import { migrateBlobs, resolveBackendName, type TMigrateProgress, type TMigrateSummary } from "../lib/storage/migrate-blobs.ts";
import type { TPrincipal } from "../lib/access/principal.ts";

const USAGE = `usage: npm run stowage-admin -- <command>

  create-identity <name> [--admin] [--human] [--email <email>]
  list-identities
  create-key <identity> [--label <label>]      prints the key once
  revoke-key <key-id>
  create-group <name>
  add-member <group> <identity>
  remove-member <group> <identity>
  create-namespace <prefix:name>               e.g. team:ml
  list-namespaces
  grant <namespace> (--identity <name> | --group <name>) --permission read|write
  migrate-storage --from fs|s3|s3:<bucket> --to fs|s3|s3:<bucket> [--batch 100] [--delete-source] [--limit N]
                                               moves version bytes between stores; safe to rerun
  reconcile-usage [--fix]                      recomputes namespace usage from the version table;
                                               reports drift (exit 1), --fix sets it right`;

// Whoever can run this against the database is the operator: act with admin rights.
const operator: TPrincipal = { identityId: "operator", name: "operator", isAdmin: true, groupIds: [] };

async function main(argv: string[]): Promise<unknown> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      admin: { type: "boolean" },
      human: { type: "boolean" },
      email: { type: "string" },
      label: { type: "string" },
      identity: { type: "string" },
      group: { type: "string" },
      permission: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      batch: { type: "string" },
      limit: { type: "string" },
      "delete-source": { type: "boolean" },
      fix: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, a, b] = positionals;
  const need = (value: string | undefined, what: string) => {
    if (!value) throw new UsageError(`missing ${what}`);
    return value;
  };
  if (!command || values.help) throw new UsageError("");
  nextEnv.loadEnvConfig(path.resolve(import.meta.dirname, ".."), false);
  await migrateDatabase(getConfig().databaseUrl);
  const db = getDb();
  switch (command) {
    case "create-identity":
      return createIdentity(db, operator, {
        name: need(a, "<name>"),
        isAdmin: values.admin,
        kind: values.human ? "human" : "agent",
        email: values.email,
      });
    case "list-identities":
      return listIdentities(db, operator);
    case "create-key":
      return createKeyFor(db, operator, need(a, "<identity>"), values.label ?? "cli");
    case "revoke-key":
      await revokeKey(db, operator, need(a, "<key-id>"));
      return { revoked: a };
    case "create-group":
      return createGroup(db, operator, need(a, "<name>"));
    case "add-member":
      await addGroupMember(db, operator, need(a, "<group>"), need(b, "<identity>"));
      return { group: a, added: b };
    case "remove-member":
      await removeGroupMember(db, operator, need(a, "<group>"), need(b, "<identity>"));
      return { group: a, removed: b };
    case "create-namespace":
      return createCustomNamespace(db, operator, need(a, "<prefix:name>"));
    case "list-namespaces":
      return listNamespaces(db, operator);
    case "grant": {
      const permission = values.permission;
      if (permission !== "read" && permission !== "write") throw new UsageError("--permission must be read or write");
      return grantAccess(db, operator, need(a, "<namespace>"), { identity: values.identity, group: values.group, permission });
    }
    case "migrate-storage":
      return migrateStorage(db, {
        from: resolveBackendName(need(values.from, "--from"), getConfig()),
        to: resolveBackendName(need(values.to, "--to"), getConfig()),
        batchSize: values.batch === undefined ? undefined : count(values.batch, "--batch", 1),
        limit: values.limit === undefined ? undefined : count(values.limit, "--limit", 0),
        deleteSource: values["delete-source"] ?? false,
      });
    case "reconcile-usage": {
      const report = await reconcileUsage(db, { fix: values.fix ?? false });
      if (report.drifted.length > 0 && !report.fixed) process.exitCode = 1;
      return report;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

class UsageError extends Error {}

function count(value: string, flag: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min) throw new UsageError(`${flag} must be a whole number of at least ${min}`);
  return n;
}

/**
 * Progress goes to stderr (every problem at once, the rest about every 2 s), the summary to
 * stdout. Ctrl-C stops cleanly with a summary; a second one quits at once. Either way a rerun resumes.
 */
async function migrateStorage(
  db: ReturnType<typeof getDb>,
  o: { from: string; to: string; batchSize?: number; limit?: number; deleteSource: boolean },
): Promise<TMigrateSummary> {
  const controller = new AbortController();
  const onSigint = () => {
    console.error("stopping: the copy in flight is abandoned, its version stays where it was (Ctrl-C again to quit now)");
    controller.abort();
    process.once("SIGINT", () => process.exit(130));
  };
  process.once("SIGINT", onSigint);
  console.error(`migrating versions from ${o.from} to ${o.to}${o.deleteSource ? ", deleting the source copies" : ""}`);
  let lastLine = Date.now();
  const onProgress = (p: TMigrateProgress) => {
    const totals = `${p.processed} examined: ${p.copied} copied (${p.bytes} bytes), ${p.failed} failed, ${p.missing} missing`;
    if (p.outcome === "failed") console.error(`failed  ${p.versionId}: ${p.reason}`);
    else if (p.outcome === "missing") console.error(`missing ${p.versionId}: no bytes at the source`);
    else if (Date.now() - lastLine < 2000) return;
    lastLine = Date.now();
    console.error(totals);
  };
  try {
    const summary = await migrateBlobs(db, { ...o, onProgress, signal: controller.signal });
    if (summary.failed.length > 0 || summary.missing.length > 0 || summary.aborted) process.exitCode = 1;
    return summary;
  } catch (error) {
    // A store outage stops the run part-way: show how far it got before the error itself.
    const partial = error instanceof StowageError ? error.details.summary : undefined;
    if (partial) console.log(JSON.stringify(partial, null, 2));
    throw error;
  } finally {
    process.off("SIGINT", onSigint);
  }
}

try {
  const result = await main(process.argv.slice(2));
  console.log(JSON.stringify(result, null, 2));
  await getDb().$disconnect();
} catch (error) {
  if (error instanceof UsageError) {
    if (error.message) console.error(error.message);
    console.error(USAGE);
    process.exit(2);
  }
  console.error(error instanceof StowageError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : error);
  process.exit(1);
}
