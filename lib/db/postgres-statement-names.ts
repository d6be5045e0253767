import "server-only";
import { createHash } from "node:crypto";

/** Distinct SQL texts given a name per client; the rest run unnamed (`IN (…)` lists make many texts). */
export const NAMED_STATEMENTS = 1000;

/**
 * Names for node-postgres's prepared statements (adapter-pg's `statementNameGenerator`). Without
 * a name, PostgreSQL parses and plans every statement of every request anew; with one, each
 * connection prepares a text once and then only binds and executes it. The name is derived from
 * the text, so a name always means the same statement on every connection. Bounded: a connection
 * keeps what it prepared until it closes, so only the first NAMED_STATEMENTS texts are named.
 * Statements list their columns (no `SELECT *`), so a column added by a migration while a server
 * runs does not change a prepared statement's result.
 */
export function statementNamer(): (query: { sql: string }) => string | undefined {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined && names.size < NAMED_STATEMENTS) {
      name = `stw_${createHash("sha1").update(sql).digest("base64url")}`;
      names.set(sql, name);
    }
    return name;
  };
}
