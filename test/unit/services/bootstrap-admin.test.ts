import { describe, expect, it, vi } from "vitest";
import { authenticateApiKey } from "@/lib/access/authenticate-api-key";
import { bootstrapAdmin } from "@/lib/admin/bootstrap-admin";
import { insertIdentity } from "@/lib/admin/identities";
import { useFreshHarness } from "../../support/service-harness";

const h = useFreshHarness({ seed: false });

const CONFIGURED = "configured-admin-key-0123456789abcdef";

describe("bootstrapAdmin", () => {
  it("on an empty database, makes the configured key an admin key without printing it", async () => {
    const log = vi.fn<(line: string) => void>();
    const result = await bootstrapAdmin(h.db, CONFIGURED, log);
    expect(result).toEqual({ created: true, key: CONFIGURED });
    const p = await authenticateApiKey(h.db, `Bearer ${CONFIGURED}`);
    expect(p).toMatchObject({ name: "admin", isAdmin: true, groupIds: [] });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).not.toContain(CONFIGURED);
    expect(await h.db.namespace.count({ where: { name: "agent:admin" } })).toBe(1);
  });

  it("without a configured key, logs a generated key once, and that key works", async () => {
    const log = vi.fn<(line: string) => void>();
    const result = await bootstrapAdmin(h.db, undefined, log);
    expect(result.created).toBe(true);
    const key = (result as { key: string }).key;
    expect(key).toMatch(/^stw_[A-Za-z0-9_-]{43}$/);
    expect(log).toHaveBeenCalledTimes(1);
    const printed = log.mock.calls[0]![0];
    expect(printed).toContain(key);
    // The key as an operator would copy it from the log.
    const fromLog = printed
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l.startsWith("stw_"))!;
    expect((await authenticateApiKey(h.db, `Bearer ${fromLog}`)).isAdmin).toBe(true);
    const rows = await h.db.apiKey.findMany();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(key);
  });

  it("does nothing and logs nothing once an admin exists", async () => {
    const first = vi.fn<(line: string) => void>();
    await bootstrapAdmin(h.db, undefined, first);
    const second = vi.fn<(line: string) => void>();
    expect(await bootstrapAdmin(h.db, CONFIGURED, second)).toEqual({ created: false });
    expect(await bootstrapAdmin(h.db, undefined, second)).toEqual({ created: false });
    expect(second).not.toHaveBeenCalled();
    expect(await h.db.identity.count()).toBe(1);
    expect(await h.db.apiKey.count()).toBe(1);
    await expect(authenticateApiKey(h.db, `Bearer ${CONFIGURED}`)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("bootstraps while no admin exists, even if other identities do", async () => {
    await h.addIdentity("someone");
    const log = vi.fn<(line: string) => void>();
    expect(await bootstrapAdmin(h.db, CONFIGURED, log)).toEqual({ created: true, key: CONFIGURED });
    expect(log).toHaveBeenCalledTimes(1);
    expect((await authenticateApiKey(h.db, `Bearer ${CONFIGURED}`)).isAdmin).toBe(true);
    // Now there is one: nothing more happens.
    const again = vi.fn<(line: string) => void>();
    expect(await bootstrapAdmin(h.db, undefined, again)).toEqual({ created: false });
    expect(again).not.toHaveBeenCalled();
    expect(await h.db.identity.count({ where: { isAdmin: true } })).toBe(1);
  });

  it("two instances starting at once create one admin", async () => {
    const logs = vi.fn<(line: string) => void>();
    const results = await Promise.all([bootstrapAdmin(h.db, undefined, logs), bootstrapAdmin(h.db, undefined, logs)]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(logs).toHaveBeenCalledTimes(1);
    expect(await h.db.identity.count()).toBe(1);
    expect(await h.db.apiKey.count()).toBe(1);
  });

  it("tells the operator what to do when a non-admin already holds the name admin", async () => {
    await insertIdentity(h.db, { name: "admin" });
    const log = vi.fn<(line: string) => void>();
    expect(await bootstrapAdmin(h.db, CONFIGURED, log)).toEqual({ created: false });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toMatch(/no admin identity exists.*create-identity <name> --admin/);
    await expect(authenticateApiKey(h.db, `Bearer ${CONFIGURED}`)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
