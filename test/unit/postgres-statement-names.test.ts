import { describe, expect, it } from "vitest";
import { NAMED_STATEMENTS, statementNamer } from "@/lib/db/postgres-statement-names";

describe("PostgreSQL prepared statement names", () => {
  it("gives a text the same name every time and different texts different names", () => {
    const name = statementNamer();
    const a = name({ sql: 'SELECT "id" FROM "Artifact" WHERE "id" = $1' });
    expect(a).toMatch(/^stw_[A-Za-z0-9_-]+$/);
    expect(name({ sql: 'SELECT "id" FROM "Artifact" WHERE "id" = $1' })).toBe(a);
    expect(name({ sql: 'SELECT "id" FROM "Namespace" WHERE "id" = $1' })).not.toBe(a);
    // Derived from the text, so every client (and every server) names a text alike.
    expect(statementNamer()({ sql: 'SELECT "id" FROM "Artifact" WHERE "id" = $1' })).toBe(a);
  });

  it("names only the first NAMED_STATEMENTS texts, so a connection's prepared statements stay bounded", () => {
    const name = statementNamer();
    for (let i = 0; i < NAMED_STATEMENTS; i++) expect(name({ sql: `SELECT ${i}` })).toBeDefined();
    expect(name({ sql: "SELECT 'one more'" })).toBeUndefined();
    expect(name({ sql: "SELECT 0" })).toBeDefined(); // the named ones keep their names
  });
});
