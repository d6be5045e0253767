import { inject } from "vitest";

/** Reads the integration server's database directly (SQLite file or PostgreSQL), for checks the API cannot make. */
export async function queryRows<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const url = inject("databaseUrl");
  if (url.startsWith("file:")) {
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(url.slice("file:".length), { readonly: true, timeout: 10_000 });
    try {
      return db.prepare(sql.replace(/\$\d+/g, "?")).all(...params) as T[];
    } finally {
      db.close();
    }
  }
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Changes the integration server's database directly: for faults the API cannot cause (e.g. counter drift). */
export async function runSql(sql: string, params: unknown[] = []): Promise<void> {
  const url = inject("databaseUrl");
  if (url.startsWith("file:")) {
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(url.slice("file:".length), { timeout: 10_000 });
    try {
      db.prepare(sql.replace(/\$\d+/g, "?")).run(...params);
    } finally {
      db.close();
    }
    return;
  }
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}
