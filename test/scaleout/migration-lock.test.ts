import { describe, expect, inject, it } from "vitest";
import { clientFor } from "../support/api.ts";

describe("three instances started at the same moment on an empty database", () => {
  it("all come up, and the migrations ran once, under the lock", async () => {
    const { baseUrls, adminKey } = inject("scaleout");
    const { migrations, ledger, appliedBy } = inject("scaleoutStartup");
    expect(baseUrls).toHaveLength(3);
    for (const url of baseUrls) {
      expect((await fetch(`${url}/api/v1/health`)).status).toBe(200);
      // The one admin identity the three bootstrapped together, with the shared key.
      expect((await clientFor(url, adminKey).json("/api/v1/me")).status).toBe(200);
    }
    expect(migrations.length).toBeGreaterThan(0);
    expect(ledger).toEqual(migrations);
    // Whoever got the lock first applied them all; the other two found nothing left to do.
    expect(appliedBy).toHaveLength(1);
    const identities = await clientFor(baseUrls[1]!, adminKey).json("/api/v1/identities");
    expect(identities.body.identities.filter((i: { isAdmin: boolean }) => i.isAdmin).map((i: { name: string }) => i.name)).toEqual([
      "admin",
    ]);
  });
});
