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
  grant <namespace> (--identity <name> | --group <name>) --permission read|write`;

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
      return createIdentity(db, operator, { name: need(a, "<name>"), isAdmin: values.admin, kind: values.human ? "human" : "agent", email: values.email });
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
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

class UsageError extends Error {}

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
