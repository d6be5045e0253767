import path from "node:path";

export type TDatabaseTarget = { dialect: "sqlite"; file: string; url: string } | { dialect: "postgres"; url: string };

/** Which database a DATABASE_URL names; SQLite paths resolve against the working directory. */
export function parseDatabaseUrl(url: string): TDatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: "postgres", url };
  if (url.startsWith("file:")) {
    const file = path.resolve(url.slice("file:".length).split("?")[0]!);
    return { dialect: "sqlite", file, url: `file:${file}` };
  }
  throw new Error(`DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL), got "${url.split(":")[0]}:…"`);
}
