import { inject } from "vitest";
import { sqlAt } from "./db-at.ts";

/** Reads the integration server's database directly (SQLite file or PostgreSQL), for checks the API cannot make. */
export async function queryRows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return sqlAt<T>(inject("databaseUrl"), sql, params);
}

/** Changes the integration server's database directly: for faults the API cannot cause (e.g. counter drift). */
export async function runSql(sql: string, params: unknown[] = []): Promise<void> {
  await sqlAt(inject("databaseUrl"), sql, params);
}
