import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { api, uniq } from "../support/api.ts";

const root = path.resolve(import.meta.dirname, "../..");

/** `npm run stowage-admin -- …` against the integration server's own database. */
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "./scripts/register-hooks.mjs", "scripts/stowage-admin.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: inject("databaseUrl"), STOWAGE_DATA_DIR: inject("dataDir") },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A call that must succeed; a failure shows what the CLI said. */
function cliOk(...args: string[]) {
  const result = cli(...args);
  expect(result.status, `stowage-admin ${args.join(" ")}: ${result.stderr}`).toBe(0);
  return result;
}

describe("operator CLI", () => {
  it("creates identities, groups, namespaces, grants and keys that the API then honours", async () => {
    const name = uniq("cli-agent");
    const group = uniq("cli-group");
    const ns = `team:${uniq("cli")}`;
    cliOk("create-identity", name);
    cliOk("create-group", group);
    cliOk("add-member", group, name);
    cliOk("create-namespace", ns);
    cliOk("grant", ns, "--group", group, "--permission", "write");
    const created = cliOk("create-key", name, "--label", "from the cli");
    const key = JSON.parse(created.stdout).key as string;
    expect(key).toMatch(/^stw_/);

    const client = api(key);
    const me = await client.json("/api/v1/me");
    expect(me.body.identity.name).toBe(name);
    expect(me.body.namespaces.map((n: { name: string }) => n.name).sort()).toEqual([`agent:${name}`, ns, `ring:${group}`].sort());
    const up = await client.upload({ namespace: ns, name: "via-grant.txt" }, "x");
    expect(up.status).toBe(201);

    const keyId = JSON.parse(created.stdout).id as string;
    cliOk("revoke-key", keyId);
    expect((await client.json("/api/v1/me")).status).toBe(401);
  });

  it("explains bad calls with a usage text and a non-zero exit", () => {
    const none = cli();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("usage: npm run stowage-admin");
    const unknown = cli("make-coffee");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "make-coffee"');
    const dup = cli("create-identity", "admin");
    expect(dup.status).toBe(1);
    expect(dup.stderr).toMatch(/ARTIFACT_VALIDATION_FAILED: an identity named "admin"/);
  });
});
