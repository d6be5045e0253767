import { describe, expect, it } from "vitest";
import { createAgent } from "../support/api.ts";
import { queryRows } from "../support/db-query.ts";

describe("deletes racing each other", () => {
  it("give back each version's bytes exactly once", async () => {
    const agent = await createAgent();
    const ns = agent.namespace;
    let id = "";
    for (let v = 0; v < 12; v++) {
      const r = await agent.client.upload({ namespace: ns, name: "raced.bin" }, "x".repeat(100 + v));
      expect(r.status).toBe(201);
      id = r.body.artifact.id;
    }
    const kept = await agent.client.upload({ namespace: ns, name: "kept.bin" }, "kept");
    expect(kept.status).toBe(201);

    // Every version deleted one by one, the artifact as a whole, and again, all at once.
    const statuses = await Promise.all([
      ...Array.from({ length: 12 }, (_, v) =>
        agent.client.request(`/api/v1/artifacts/${id}/versions/${v}`, { method: "DELETE" }).then((r) => r.status),
      ),
      agent.client.request(`/api/v1/artifacts/${id}`, { method: "DELETE" }).then((r) => r.status),
      agent.client.request(`/api/v1/artifacts/${id}`, { method: "DELETE" }).then((r) => r.status),
    ]);
    for (const status of statuses) expect([204, 404]).toContain(status);

    const usage = (await agent.client.json(`/api/v1/namespaces/${ns}/usage`)).body;
    expect(usage).toMatchObject({ usedBytes: 4, artifactCount: 1, versionCount: 1 });
    const [row] = await queryRows<{ usedBytes: number | string }>(`SELECT "usedBytes" FROM "Namespace" WHERE "name" = $1`, [ns]);
    expect(Number(row!.usedBytes)).toBe(4);
    expect(await queryRows(`SELECT "id" FROM "ArtifactVersion" WHERE "artifactId" = $1`, [id])).toEqual([]);
  });
});
