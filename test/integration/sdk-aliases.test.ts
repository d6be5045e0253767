import { beforeAll, describe, expect, inject, it } from "vitest";
import { Stowage, StowageError } from "../../packages/client/src/index.ts";
import { adminApi, createAgent, uniq } from "../support/api.ts";

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a StowageError");
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(StowageError);
      return error as StowageError;
    },
  );

describe("the SDK's aliases: list, set, delete, and reads by alias", () => {
  let stowage: Stowage;
  let namespace: string;
  beforeAll(async () => {
    const agent = await createAgent(uniq("sdk-aliases"));
    stowage = new Stowage({ url: inject("baseUrl"), apiKey: agent.key });
    namespace = agent.namespace;
  });

  async function threeVersions(name: string): Promise<string> {
    const { artifact } = await stowage.publish("v0\n", { namespace, name, contentType: "text/plain" });
    await stowage.publish("v1\nmiddle\n", { namespace, name, contentType: "text/plain" });
    await stowage.publish("v2\n", { namespace, name, contentType: "text/plain" });
    return artifact.id;
  }

  it("creates (created: true), moves (created: false), lists by name and deletes an alias", async () => {
    const id = await threeVersions("notes.txt");
    expect(await stowage.artifacts.aliases(id)).toEqual([]);

    const set = await stowage.artifacts.setAlias(id, "production", { version: 1 });
    expect(set.created).toBe(true);
    expect(set.alias).toMatchObject({ name: "production", version: 1, protected: false });
    expect(typeof set.alias.createdAt).toBe("string");
    await stowage.artifacts.setAlias(id, "best", { version: 0, protected: true });

    const moved = await stowage.artifacts.setAlias(id, "production", { version: 2 });
    expect(moved).toMatchObject({ created: false, alias: { name: "production", version: 2, protected: false } });
    // protected left out keeps what the alias had.
    expect((await stowage.artifacts.setAlias(id, "best", { version: 1 })).alias.protected).toBe(true);

    expect((await stowage.artifacts.aliases(id)).map((a) => [a.name, a.version, a.protected])).toEqual([
      ["best", 1, true],
      ["production", 2, false],
    ]);
    const one = await stowage.artifacts.alias(id, "best");
    expect(one).toMatchObject({ alias: { name: "best", version: 1, protected: true }, version: { artifactId: id, version: 1 } });
    const history = [];
    for await (const v of stowage.artifacts.versions(id)) history.push([v.version, v.aliases ?? []]);
    expect(history).toEqual([
      [2, ["production"]],
      [1, ["best"]],
      [0, []],
    ]);

    await stowage.artifacts.deleteAlias(id, "production");
    expect((await stowage.artifacts.aliases(id)).map((a) => a.name)).toEqual(["best"]);
    const gone = await failure(stowage.artifacts.deleteAlias(id, "production"));
    expect([gone.code, gone.status]).toEqual(["ARTIFACT_NOT_FOUND", 404]);
  });

  it("reads by alias: download (by id and by key), text, grep, diff, url and share give the aliased version", async () => {
    const id = await threeVersions("reads.txt");
    await stowage.artifacts.setAlias(id, "production", { version: 1 });
    await stowage.artifacts.setAlias(id, "first", { version: 0 });

    const body = await stowage.artifacts.download(id, { alias: "production" });
    expect(await body.text()).toBe("v1\nmiddle\n");
    expect(body.version?.version).toBe(1);
    expect(await (await stowage.artifacts.download({ namespace, name: "reads.txt" }, { alias: "first" })).text()).toBe("v0\n");
    const ranged = await stowage.artifacts.download(id, { alias: "production", range: { start: 3 } });
    expect(await ranged.text()).toBe("middle\n");

    const page = await stowage.artifacts.text(id, { alias: "production" });
    expect([page.version, page.lines]).toEqual([
      1,
      [
        { line: 1, text: "v1" },
        { line: 2, text: "middle" },
      ],
    ]);
    const grep = await stowage.artifacts.grep(id, { pattern: "middle", alias: "production" });
    expect([grep.version, grep.matches.map((m) => m.line)]).toEqual([1, [2]]);
    expect((await stowage.artifacts.grep(id, { pattern: "middle" })).matches).toEqual([]);

    const diff = await stowage.artifacts.diff(id, { fromAlias: "first", toAlias: "production" });
    expect(diff).toMatchObject({ from: 0, to: 1 });
    expect(diff.diff).toContain("-v0\n+v1\n+middle\n");
    expect(await stowage.artifacts.diff(id, { fromAlias: "production" })).toMatchObject({ from: 1, to: 2 });

    const url = await stowage.artifacts.url(id, { alias: "production" });
    expect(await (await fetch(url.url)).text()).toBe("v1\nmiddle\n");

    const link = await stowage.artifacts.share(id, { alias: "production" });
    // The link stays on the version the alias pointed to when it was made.
    await stowage.artifacts.setAlias(id, "production", { version: 2 });
    expect(await (await fetch(link.url)).text()).toBe("v1\nmiddle\n");
    expect(await (await stowage.artifacts.download(id, { alias: "production" })).text()).toBe("v2\n");

    const unknown = await failure(stowage.artifacts.text(id, { alias: "staging" }));
    expect([unknown.code, unknown.status]).toEqual(["ARTIFACT_NOT_FOUND", 404]);
    expect(unknown.message).toContain("staging");
    const both = await failure(stowage.artifacts.download(id, { version: 1, alias: "production" }));
    expect(both.code).toBe("ARTIFACT_VALIDATION_FAILED");
  });

  it("a protected alias refuses deleting its version and the artifact with ARTIFACT_VERSION_PROTECTED until unprotected", async () => {
    const id = await threeVersions("kept.txt");
    await stowage.artifacts.setAlias(id, "production", { version: 1, protected: true });

    const version = await failure(stowage.artifacts.delete(id, { version: 1 }));
    expect([version.code, version.status, version.details.aliases]).toEqual(["ARTIFACT_VERSION_PROTECTED", 409, ["production"]]);
    const whole = await failure(stowage.artifacts.delete(id));
    expect(whole.code).toBe("ARTIFACT_VERSION_PROTECTED");
    expect((await stowage.artifacts.version(id, 1)).version).toBe(1);

    // An unprotected alias does not hold its version: it goes with it.
    await stowage.artifacts.setAlias(id, "old", { version: 0 });
    await stowage.artifacts.delete(id, { version: 0 });
    expect((await stowage.artifacts.aliases(id)).map((a) => a.name)).toEqual(["production"]);

    await stowage.artifacts.setAlias(id, "production", { version: 1, protected: false });
    await stowage.artifacts.delete(id, { version: 1 });
    expect(await stowage.artifacts.aliases(id)).toEqual([]);
  });

  it("refuses bad names with ARTIFACT_VALIDATION_FAILED, unknown versions with ARTIFACT_NOT_FOUND, and a reader's set with ARTIFACT_NAMESPACE_DENIED", async () => {
    const id = await threeVersions("rules.txt");
    for (const name of ["Production", "latest", "42", "-x", "a".repeat(65), "with space"]) {
      const bad = await failure(stowage.artifacts.setAlias(id, name, { version: 0 }));
      expect([name, bad.code, bad.status]).toEqual([name, "ARTIFACT_VALIDATION_FAILED", 400]);
    }
    const badRead = await failure(stowage.artifacts.text(id, { alias: "Not-Valid" }));
    expect([badRead.code, badRead.details.field]).toEqual(["ARTIFACT_VALIDATION_FAILED", "alias"]);
    const noVersion = await failure(stowage.artifacts.setAlias(id, "production", { version: 9 }));
    expect([noVersion.code, noVersion.status]).toEqual(["ARTIFACT_NOT_FOUND", 404]);

    await stowage.artifacts.setAlias(id, "production", { version: 2 });
    const reader = await createAgent(uniq("sdk-alias-reader"));
    const grant = await adminApi().json(`/api/v1/namespaces/${namespace}/grants`, {
      method: "POST",
      json: { identity: reader.name, permission: "read" },
    });
    expect(grant.status).toBe(201);
    const asReader = new Stowage({ url: inject("baseUrl"), apiKey: reader.key });
    expect((await asReader.artifacts.aliases(id)).map((a) => a.name)).toEqual(["production"]);
    expect(await (await asReader.artifacts.download(id, { alias: "production" })).text()).toBe("v2\n");
    const denied = await failure(asReader.artifacts.setAlias(id, "production", { version: 0 }));
    expect([denied.code, denied.status]).toEqual(["ARTIFACT_NAMESPACE_DENIED", 403]);
    expect((await failure(asReader.artifacts.deleteAlias(id, "production"))).code).toBe("ARTIFACT_NAMESPACE_DENIED");
    expect((await stowage.artifacts.aliases(id)).map((a) => a.version)).toEqual([2]);
  });
});
