import { describe, expect, it } from "vitest";
import { adminApi, createAgent, uniq } from "../support/api.ts";

/** An agent with one artifact of three text versions ("v0\n", "v1\n", "v2\n"). */
async function seeded() {
  const agent = await createAgent(uniq("alias"));
  const c = agent.client;
  let id = "";
  for (const text of ["v0\n", "v1\n", "v2\n"]) {
    const res = await c.upload({ namespace: agent.namespace, name: "model.txt" }, text);
    expect(res.status).toBe(201);
    id = res.body.artifact.id as string;
  }
  return { ...agent, c, id };
}

describe("aliases over HTTP", () => {
  it("PUT creates (201) and moves (200), GET lists them, DELETE removes (204), and the history shows them", async () => {
    const { c, id } = await seeded();
    const created = await c.json(`/api/v1/artifacts/${id}/aliases/production`, { method: "PUT", json: { version: 0, protected: true } });
    expect(created.status).toBe(201);
    expect(created.body.alias).toMatchObject({ name: "production", version: 0, protected: true });
    const moved = await c.json(`/api/v1/artifacts/${id}/aliases/production`, { method: "PUT", json: { version: 2 } });
    expect(moved.status).toBe(200);
    expect(moved.body.alias).toMatchObject({ version: 2, protected: true });
    expect((await c.json(`/api/v1/artifacts/${id}/aliases/best`, { method: "PUT", json: { version: 1 } })).status).toBe(201);

    const listed = await c.json(`/api/v1/artifacts/${id}/aliases`);
    expect(listed.status).toBe(200);
    expect(listed.body.aliases.map((a: { name: string; version: number }) => [a.name, a.version])).toEqual([
      ["best", 1],
      ["production", 2],
    ]);
    const one = await c.json(`/api/v1/artifacts/${id}/aliases/production`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ alias: { name: "production", version: 2, protected: true }, version: { artifactId: id, version: 2 } });
    expect((await c.json(`/api/v1/artifacts/${id}/aliases/nope`)).body.error).toMatchObject({ code: "ARTIFACT_NOT_FOUND" });
    expect((await c.json(`/api/v1/artifacts/${id}/aliases/Bad`)).body.error).toMatchObject({
      code: "ARTIFACT_VALIDATION_FAILED",
      field: "name",
    });
    const history = await c.json(`/api/v1/artifacts/${id}/versions`);
    expect(history.body.versions.map((v: { version: number; aliases: string[] }) => [v.version, v.aliases])).toEqual([
      [2, ["production"]],
      [1, ["best"]],
      [0, []],
    ]);

    expect((await c.request(`/api/v1/artifacts/${id}/aliases/best`, { method: "DELETE" })).status).toBe(204);
    const again = await c.json(`/api/v1/artifacts/${id}/aliases/best`, { method: "DELETE" });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe("ARTIFACT_NOT_FOUND");

    const audit = await adminApi().json(`/api/v1/audit?artifactId=${id}&limit=50`);
    expect(
      audit.body.events
        .filter((e: { action: string }) => e.action.startsWith("alias."))
        .map((e: { action: string; version: number }) => [e.action, e.version])
        .reverse(),
    ).toEqual([
      ["alias.set", 0],
      ["alias.set", 2],
      ["alias.set", 1],
      ["alias.delete", 1],
    ]);
  });

  it("refuses bad names, unknown versions and bad bodies with the documented codes", async () => {
    const { c, id } = await seeded();
    for (const name of ["Production", "latest", "42", "-x", "a%20b"]) {
      const res = await c.json(`/api/v1/artifacts/${id}/aliases/${name}`, { method: "PUT", json: { version: 0 } });
      expect(res.status, name).toBe(400);
      expect(res.body.error.code, name).toBe("ARTIFACT_VALIDATION_FAILED");
    }
    const missing = await c.json(`/api/v1/artifacts/${id}/aliases/x`, { method: "PUT", json: { version: 7 } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe("version not found");
    for (const json of [{}, { version: -1 }, { version: "1" }, { version: 1, protected: "yes" }, { version: 1, extra: 1 }]) {
      const res = await c.json(`/api/v1/artifacts/${id}/aliases/x`, { method: "PUT", json });
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(res.body.error.code).toBe("ARTIFACT_VALIDATION_FAILED");
    }
    expect((await c.json(`/api/v1/artifacts/nope/aliases`)).status).toBe(404);
    expect((await c.json(`/api/v1/artifacts/${id}/aliases`)).body.aliases).toEqual([]);
  });

  it("?alias= reads the version the alias points to wherever ?version= is accepted", async () => {
    const { c, id, namespace } = await seeded();
    await c.json(`/api/v1/artifacts/${id}/aliases/production`, { method: "PUT", json: { version: 1 } });
    await c.json(`/api/v1/artifacts/${id}/aliases/baseline`, { method: "PUT", json: { version: 0 } });

    const content = await c.request(`/api/v1/artifacts/${id}/content?alias=production`);
    expect(content.status).toBe(200);
    expect(await content.text()).toBe("v1\n");
    expect(content.headers.get("stowage-version")).toBe("1");
    const head = await c.request(`/api/v1/artifacts/${id}/content?alias=production`, { method: "HEAD" });
    expect(head.headers.get("stowage-version")).toBe("1");
    const byName = await c.request(`/api/v1/artifacts/lookup/content?namespace=${namespace}&name=model.txt&alias=baseline`);
    expect(await byName.text()).toBe("v0\n");
    const text = await c.json(`/api/v1/artifacts/${id}/text?alias=production`);
    expect(text.body).toMatchObject({ version: 1, lines: [{ line: 1, text: "v1" }] });
    const grep = await c.json(`/api/v1/artifacts/${id}/grep?pattern=v&alias=baseline`);
    expect(grep.body).toMatchObject({ version: 0, matches: [{ text: "v0" }] });
    const diff = await c.json(`/api/v1/artifacts/${id}/diff?fromAlias=baseline&toAlias=production`);
    expect(diff.body).toMatchObject({ from: 0, to: 1, added: 1, removed: 1 });
    const url = await c.json(`/api/v1/artifacts/${id}/url?alias=production`);
    expect(url.body.version).toBe(1);
    expect(await (await fetch(url.body.url)).text()).toBe("v1\n");
    // A share link is bound to the version the alias pointed to when it was made.
    const link = await c.json(`/api/v1/artifacts/${id}/share`, { method: "POST", json: { alias: "production" } });
    expect(link.status).toBe(201);
    expect(link.body.version).toBe(1);
    await c.json(`/api/v1/artifacts/${id}/aliases/production`, { method: "PUT", json: { version: 2 } });
    expect(await (await fetch(link.body.url)).text()).toBe("v1\n");
    expect(await (await c.request(`/api/v1/artifacts/${id}/content?alias=production`)).text()).toBe("v2\n");

    const unknown = await c.json(`/api/v1/artifacts/${id}/text?alias=nope`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: "ARTIFACT_NOT_FOUND", message: "alias nope not found" });
    for (const p of [`content?alias=production&version=1`, `text?alias=Bad`, `url?alias=latest`, `diff?from=0&fromAlias=baseline`]) {
      const res = await c.json(`/api/v1/artifacts/${id}/${p}`);
      expect(res.status, p).toBe(400);
      expect(res.body.error.code, p).toBe("ARTIFACT_VALIDATION_FAILED");
    }
    const both = await c.json(`/api/v1/artifacts/${id}/share`, { method: "POST", json: { alias: "production", version: 0 } });
    expect(both.status).toBe(400);
  });

  it("a protected alias refuses deletes with 409 ARTIFACT_VERSION_PROTECTED until it moves; readers list but may not change", async () => {
    const { c, id, namespace } = await seeded();
    await c.json(`/api/v1/artifacts/${id}/aliases/production`, { method: "PUT", json: { version: 1, protected: true } });
    const refused = await c.json(`/api/v1/artifacts/${id}/versions/1`, { method: "DELETE" });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "ARTIFACT_VERSION_PROTECTED", aliases: ["production"] });
    const whole = await c.json(`/api/v1/artifacts/${id}`, { method: "DELETE" });
    expect(whole.status).toBe(409);
    expect(whole.body.error.code).toBe("ARTIFACT_VERSION_PROTECTED");
    expect((await c.request(`/api/v1/artifacts/${id}/content?version=1`)).status).toBe(200);
    expect((await c.request(`/api/v1/artifacts/${id}/versions/0`, { method: "DELETE" })).status).toBe(204);

    const reader = await createAgent(uniq("alias-reader"));
    const grant = await adminApi().json(`/api/v1/namespaces/${namespace}/grants`, {
      method: "POST",
      json: { identity: reader.name, permission: "read" },
    });
    expect(grant.status).toBe(201);
    expect((await reader.client.json(`/api/v1/artifacts/${id}/aliases`)).body.aliases).toMatchObject([{ name: "production", version: 1 }]);
    expect(await (await reader.client.request(`/api/v1/artifacts/${id}/content?alias=production`)).text()).toBe("v1\n");
    const denied = await reader.client.json(`/api/v1/artifacts/${id}/aliases/production`, { method: "PUT", json: { version: 2 } });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe("ARTIFACT_NAMESPACE_DENIED");
    expect((await reader.client.json(`/api/v1/artifacts/${id}/aliases/production`, { method: "DELETE" })).status).toBe(403);
    const stranger = await createAgent(uniq("alias-stranger"));
    expect((await stranger.client.json(`/api/v1/artifacts/${id}/aliases`)).status).toBe(404);

    await c.json(`/api/v1/artifacts/${id}/aliases/production`, { method: "PUT", json: { version: 2 } });
    expect((await c.request(`/api/v1/artifacts/${id}/versions/1`, { method: "DELETE" })).status).toBe(204);
    await c.json(`/api/v1/artifacts/${id}/aliases/production`, { method: "PUT", json: { version: 2, protected: false } });
    expect((await c.request(`/api/v1/artifacts/${id}`, { method: "DELETE" })).status).toBe(204);
  });

  it("protecting a version and deleting it at the same time never both succeed", async () => {
    for (let round = 0; round < 5; round++) {
      const { c, id } = await seeded();
      const [set, del] = await Promise.all([
        c.json(`/api/v1/artifacts/${id}/aliases/keep`, { method: "PUT", json: { version: 1, protected: true } }),
        c.json(`/api/v1/artifacts/${id}/versions/1`, { method: "DELETE" }),
      ]);
      const versions = (await c.json(`/api/v1/artifacts/${id}/versions`)).body.versions.map((v: { version: number }) => v.version);
      if (set.status === 201) {
        expect(del.status).toBe(409);
        expect(versions).toEqual([2, 1, 0]);
      } else {
        expect([set.status, del.status]).toEqual([404, 204]);
        expect(versions).toEqual([2, 0]);
      }
    }
  });
});
