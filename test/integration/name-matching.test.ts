import { beforeAll, describe, expect, it } from "vitest";
import { adminApi, clientFor, createAgent, uniq } from "../support/api.ts";

/**
 * Matching on names through the real server, on both databases: the `name` prefix of
 * GET /api/v1/artifacts is exact (byte for byte, case-sensitive: "starts with", nothing
 * else), and the dashboard search finds a part of a name in either case (ASCII).
 *
 * The names are chosen against linguistic collations (the PostgreSQL test cluster collates in
 * en_US.UTF-8): there case, punctuation, spaces and accents weigh less than letters, so
 * "Report/a", "re-port/a", "re port/a" and "rèport/a" sort among the "report/…" names, and a
 * range `name >= prefix AND name < prefix || U+10FFFF` (exact only under byte order) is not
 * "starts with" any more: under en_US it even leaves out nearly every name that has the prefix.
 */
const NAMES = [
  "report/a.md",
  "Report/a.md",
  "REPORT/b.md",
  "reporT/c.md",
  "report/Z.md",
  "report/é.md",
  "report/sub/deep.csv",
  "report",
  "report-",
  "report-/x.md",
  "report.md",
  "report-a.md",
  "report_a.md",
  "reportXa.md",
  "report%a.md",
  "report a.md",
  "reports/q1.csv",
  "reporting.txt",
  "re-port/a.md",
  "re port/a.md",
  "rèport/a.md",
  "rèport/b.md",
  "repo.md",
  "reporu.md",
  "notes/report/a.md",
];

// Prefixes that a range on a linguistic collation gets wrong; "report_" and "report%" are LIKE
// wildcards that must stay literal characters.
const PREFIXES = [
  "report/",
  "Report/",
  "REPORT/",
  "report",
  "report-",
  "report_",
  "report%",
  "report ",
  "re",
  "re-port/",
  "re port/",
  "rè",
  "rèport/",
  "notes/",
  "repo",
];

const startingWith = (prefix: string) => NAMES.filter((n) => n.startsWith(prefix));

describe("name matching (prefix filter and search)", () => {
  let agent: Awaited<ReturnType<typeof createAgent>>;
  let ns: string;

  beforeAll(async () => {
    agent = await createAgent(uniq("names"));
    ns = agent.namespace;
    // One after another, so ids (and the newest-first order) follow this list.
    for (const name of NAMES) {
      const r = await agent.client.upload({ namespace: ns, name }, `content of ${name}`);
      if (r.status !== 201) throw new Error(`${name}: ${r.status} ${JSON.stringify(r.body)}`);
    }
  });

  const list = async (query: Record<string, string>) => {
    const r = await agent.client.json(`/api/v1/artifacts?${new URLSearchParams({ namespace: ns, ...query })}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as { artifacts: { name: string }[]; nextCursor: string | null };
  };

  it.each(PREFIXES)("?name=%j lists exactly the names that start with it, case-sensitively", async (prefix) => {
    const page = await list({ name: prefix, limit: "200" });
    expect(page.artifacts.map((a) => a.name).sort()).toEqual(startingWith(prefix).sort());
    expect(page.nextCursor).toBeNull();
  });

  it("the prefix is the stored name's start, not a case or accent variant of it", async () => {
    expect((await list({ name: "report/", limit: "200" })).artifacts.map((a) => a.name).sort()).toEqual(
      ["report/a.md", "report/Z.md", "report/é.md", "report/sub/deep.csv"].sort(),
    );
    expect((await list({ name: "Report/" })).artifacts.map((a) => a.name)).toEqual(["Report/a.md"]);
    expect((await list({ name: "rèport/" })).artifacts.map((a) => a.name)).toEqual(["rèport/b.md", "rèport/a.md"]);
    expect((await list({ name: "report/é" })).artifacts.map((a) => a.name)).toEqual(["report/é.md"]);
    expect((await list({ name: "report/e" })).artifacts).toEqual([]);
    expect((await list({ name: "rEport" })).artifacts).toEqual([]);
  });

  it.each([1, 2, 3])("pages of %i over a prefix are exact, newest first, and end", async (limit) => {
    for (const prefix of ["report", "report/", "re"]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; ; pages++) {
        expect(pages, "the pages never end").toBeLessThan(NAMES.length + 2);
        const page = await list({ name: prefix, limit: String(limit), ...(cursor ? { cursor } : {}) });
        expect(page.artifacts.length).toBeLessThanOrEqual(limit);
        seen.push(...page.artifacts.map((a) => a.name));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(seen, `prefix ${prefix}`).toEqual(startingWith(prefix).reverse());
    }
  });

  it("the prefix filter combines with a tag and stays exact", async () => {
    const tagged = ["Report/t.md", "report/t.md", "re-port/t.md", "report/u.md"];
    for (const name of tagged) expect((await agent.client.upload({ namespace: ns, name, tags: "collation" }, name)).status).toBe(201);
    const page = await list({ name: "report/", tag: "collation", limit: "1" });
    const next = await list({ name: "report/", tag: "collation", limit: "1", cursor: page.nextCursor! });
    expect([...page.artifacts, ...next.artifacts].map((a) => a.name)).toEqual(["report/u.md", "report/t.md"]);
    expect(next.nextCursor).toBeNull();
  });

  it("the dashboard search finds a part of a name in either case, and nothing else", async () => {
    const person = uniq("searcher");
    const email = `${person}@example.test`;
    const password = `${person}-password`;
    const created = await adminApi().json("/api/v1/identities", { method: "POST", json: { name: person, kind: "human", email, password } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const mine = `agent:${person}`;
    const key = await adminApi().json(`/api/v1/identities/${person}/keys`, { method: "POST", json: { label: "test" } });
    const own = clientFor(agent.client.baseUrl, key.body.key.key);
    for (const name of ["Report-Q1.md", "report-q2.md", "quarterly/REPORT.csv", "summary-q3.md", "rèport-q4.md"]) {
      expect((await own.upload({ namespace: mine, name }, name)).status).toBe(201);
    }

    const cookie = await signIn(agent.client.baseUrl, email, password);
    const search = async (q: string) => {
      const res = await fetch(`${agent.client.baseUrl}/search?${new URLSearchParams({ q, namespace: mine })}`, {
        headers: { cookie },
        redirect: "manual",
      });
      expect(res.status).toBe(200);
      return resultNames(await res.text());
    };
    expect((await search("report")).sort()).toEqual(["quarterly/REPORT.csv", "Report-Q1.md", "report-q2.md"].sort());
    expect((await search("REPORT-q")).sort()).toEqual(["Report-Q1.md", "report-q2.md"].sort());
    expect(await search("Q3")).toEqual(["summary-q3.md"]);
    expect(await search("rèport")).toEqual(["rèport-q4.md"]);
    expect(await search("no-such-name")).toEqual([]);
  });
});

/** Signs in with email and password the way the sign-in form does; returns the Cookie header. */
async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/search`, json: "true" }),
    redirect: "manual",
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token")))
    throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return header();
}

/** The artifact names in the rows of the search results table. */
function resultNames(html: string): string[] {
  const names: string[] = [];
  for (const row of html.matchAll(/<tr[^>]*data-testid="result-row"[^>]*>([\s\S]*?)<\/tr>/g)) {
    const link = /<a[^>]*>([\s\S]*?)<\/a>/.exec(row[1]!)![1]!;
    names.push(decode(link.replace(/<[^>]+>/g, "").trim()));
  }
  return names;
}

function decode(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|#x27|#39);/g,
    (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#x27": "'", "#39": "'" })[e]!,
  );
}
