import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

// One server process loads lib/ twice: the custom server's module graph and Next's bundles.
// vi.resetModules() gives a second, independent copy of every module, as Next's bundle does.
async function twoCopies<T>(specifier: string): Promise<[T, T]> {
  const first = (await import(specifier)) as T;
  vi.resetModules();
  const second = (await import(specifier)) as T;
  return [first, second];
}

type TClientModule = typeof import("@/lib/db/client");

describe("lib/ state across two module graphs", () => {
  afterEach(() => vi.resetModules());

  it("a PostgreSQL client made by one copy is PostgreSQL to the other", async () => {
    const [made, other] = await twoCopies<TClientModule>("@/lib/db/client");
    // The pg adapter connects lazily: nothing listens on port 1, and nothing needs to.
    const db = made.createDb("postgresql://stowage@127.0.0.1:1/none");
    expect(made.dialectOf(db)).toBe("postgres");
    expect(other.dialectOf(db)).toBe("postgres");
    const sqlite = made.createDb(`file:${path.join(process.env.TMPDIR ?? "/tmp", `dialect-${process.pid}.db`)}`);
    expect(other.dialectOf(sqlite)).toBe("sqlite");
    await Promise.all([db.$disconnect(), sqlite.$disconnect()]);
  });

  it("refuses to guess the dialect of something createDb did not make", async () => {
    const { dialectOf } = await import("@/lib/db/client");
    expect(() => dialectOf({} as never)).toThrow(/not a client made by createDb/);
  });

  it("ids made by either copy stay in creation order within one millisecond", async () => {
    const [a, b] = await twoCopies<typeof import("@/lib/ids")>("@/lib/ids");
    const now = Date.now() + 10_000;
    const ids = [a.newId(now), b.newId(now), a.newId(now), b.newId(now)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids.map((id) => id.slice(0, 14))).size).toBe(4);
  });

  it("both copies read one configuration and one set of blob stores", async () => {
    const [a, b] = await twoCopies<typeof import("@/lib/storage/get-blob-store")>("@/lib/storage/get-blob-store");
    expect(a.getBlobStore("fs")).toBe(b.getBlobStore("fs"));
    const [c1, c2] = await twoCopies<typeof import("@/lib/config")>("@/lib/config");
    expect(c1.getConfig()).toBe(c2.getConfig());
  });

  it("a sign-in failure counted by one copy throttles in the other", async () => {
    const [a, b] = await twoCopies<typeof import("@/lib/auth/sign-in-throttle")>("@/lib/auth/sign-in-throttle");
    const email = `graphs-${Date.now()}@example.test`;
    for (let i = 0; i < 10; i++) a.recordSignInFailure(email);
    expect(b.isSignInThrottled(email)).toBe(true);
    b.clearSignInFailures(email);
    expect(a.isSignInThrottled(email)).toBe(false);
  });
});

describe("lib/ is framework-free", () => {
  const root = path.resolve(import.meta.dirname, "../../lib");
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.name === "generated"
        ? []
        : d.isDirectory()
          ? files(path.join(dir, d.name))
          : /\.tsx?$/.test(d.name)
            ? [path.join(dir, d.name)]
            : [],
    );

  it("no module in lib/ imports Next.js (next-auth, the sign-in library, is allowed)", () => {
    const offenders = files(root).filter((f) =>
      /\bfrom\s+["']next(\/[^"']*)?["']|import\(\s*["']next(\/[^"']*)?["']\s*\)/.test(readFileSync(f, "utf8")),
    );
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });
});

describe("errors across two module graphs", () => {
  afterEach(() => vi.resetModules());

  it("a StowageError made by one copy is a StowageError to the other (and maps to its status, not a 500)", async () => {
    const [made, other] = await twoCopies<typeof import("@/lib/errors")>("@/lib/errors");
    const error = new made.StowageError("ARTIFACT_STORAGE_UNAVAILABLE", "down");
    expect(error).toBeInstanceOf(other.StowageError);
    expect(new Error("plain")).not.toBeInstanceOf(other.StowageError);
    const { errorPayload } = await import("@/lib/http/error-response");
    expect(errorPayload(error).status).toBe(503);
  });
});
