import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as admin from "../../lib/api-contract/admin.ts";
import { ZErrorResponse } from "../../lib/api-contract/common.ts";
import type { TOperation } from "../../lib/api-contract/operation.ts";
import * as service from "../../lib/api-contract/service.ts";
import { adminApi, api, clientFor, createAgent, uniq } from "../support/api.ts";
import { SIDE_ADMIN_KEY, startSideServer } from "../support/side-server.ts";

type TResult = { status: number; body: unknown };

const slug = (prefix: string) => uniq(prefix).toLowerCase();
const exercised = new Set<string>();

/** The real answer has the status and exactly the shape the contract documents (strict schemas). */
function expectDocumented(op: TOperation, res: TResult, status: number) {
  expect(res.status, `${op.id} ${JSON.stringify(res.body)}`).toBe(status);
  const documented = op.responses[status];
  expect(documented, `${op.id} documents ${status}`).toBeDefined();
  if (documented!.schema) documented!.schema.parse(res.body);
  else expect(res.body, `${op.id} ${status} has no body`).toBeNull();
  exercised.add(op.id);
}

/** An error in the one error shape, with a code the operation lists (or one every operation may answer). */
function expectError(op: TOperation, res: TResult, status: number, code: string) {
  expect(res.status, `${op.id} ${JSON.stringify(res.body)}`).toBe(status);
  expect(ZErrorResponse.parse(res.body).error.code).toBe(code);
  expect([...op.errors, "UNAUTHENTICATED", ...(op.auth === "admin" ? ["FORBIDDEN"] : [])]).toContain(code);
}

describe("the admin and service contract, against the real server", () => {
  const root = () => adminApi();
  const person = slug("contract");
  const group = slug("contract-grp");
  const ns = `team:${slug("contract")}`;
  const nsPath = encodeURIComponent(ns);
  let agent: Awaited<ReturnType<typeof createAgent>>;

  beforeAll(async () => {
    agent = await createAgent(slug("contract-agent"));
    expect((await agent.client.upload({ namespace: agent.namespace, name: "a.txt" }, "bytes")).status).toBe(201);
  });

  it("identities: create, list, update", async () => {
    const created = await root().json("/api/v1/identities", {
      method: "POST",
      json: { name: person, kind: "human", email: `${person}@example.test`, password: "a-long-password-1" },
    });
    expectDocumented(admin.createIdentityOp, created, 201);
    expectDocumented(admin.listIdentitiesOp, await root().json("/api/v1/identities"), 200);
    const disabled = await root().json(`/api/v1/identities/${person}`, { method: "PATCH", json: { disabled: true } });
    expectDocumented(admin.updateIdentityOp, disabled, 200);
    expect((disabled.body as { identity: { disabledAt: unknown } }).identity.disabledAt).toEqual(expect.any(String));
    expectDocumented(
      admin.updateIdentityOp,
      await root().json(`/api/v1/identities/${person}`, { method: "PATCH", json: { disabled: false } }),
      200,
    );
  });

  it("keys and me: create (with and without a body), list after use, revoke", async () => {
    const labelled = await root().json(`/api/v1/identities/${agent.name}/keys`, { method: "POST", json: { label: "contract" } });
    expectDocumented(admin.createIdentityKeyOp, labelled, 201);
    expectDocumented(admin.createIdentityKeyOp, await root().json(`/api/v1/identities/${agent.name}/keys`, { method: "POST" }), 201);
    const key = (labelled.body as { key: { id: string; key: string } }).key;

    expectDocumented(admin.getMeOp, await api(key.key).json("/api/v1/me"), 200);
    expectDocumented(admin.getMeOp, await root().json("/api/v1/me"), 200);
    const keys = await agent.client.json(`/api/v1/identities/${agent.name}/keys`);
    expectDocumented(admin.listIdentityKeysOp, keys, 200);
    expect((keys.body as { keys: { lastUsedAt: unknown }[] }).keys.some((k) => k.lastUsedAt !== null)).toBe(true);

    expectDocumented(admin.revokeKeyOp, await root().json(`/api/v1/keys/${key.id}`, { method: "DELETE" }), 204);
    expectDocumented(admin.listIdentityKeysOp, await root().json(`/api/v1/identities/${agent.name}/keys`), 200);
  });

  it("groups: create, add a member, list, remove the member", async () => {
    expectDocumented(admin.createGroupOp, await root().json("/api/v1/groups", { method: "POST", json: { name: group } }), 201);
    const add = await root().json(`/api/v1/groups/${group}/members`, { method: "POST", json: { identity: agent.name } });
    expectDocumented(admin.addGroupMemberOp, add, 204);
    expectDocumented(admin.listGroupsOp, await root().json("/api/v1/groups"), 200);
    const remove = await root().json(`/api/v1/groups/${group}/members/${agent.name}`, { method: "DELETE" });
    expectDocumented(admin.removeGroupMemberOp, remove, 204);
  });

  it("namespaces: create, list, usage, settings, grants", async () => {
    expectDocumented(admin.createNamespaceOp, await root().json("/api/v1/namespaces", { method: "POST", json: { name: ns } }), 201);
    expectDocumented(admin.listNamespacesOp, await root().json("/api/v1/namespaces"), 200);
    expectDocumented(admin.listNamespacesOp, await agent.client.json("/api/v1/namespaces"), 200);

    const own = encodeURIComponent(agent.namespace);
    const usage = await agent.client.json(`/api/v1/namespaces/${own}/usage`);
    expectDocumented(admin.getNamespaceUsageOp, usage, 200);
    expect(usage.body).toMatchObject({ artifactCount: 1, versionCount: 1, usedBytes: 5 });
    expectDocumented(admin.getNamespaceOp, await agent.client.json(`/api/v1/namespaces/${own}`), 200);

    const set = await root().json(`/api/v1/namespaces/${nsPath}`, { method: "PATCH", json: { quotaBytes: 2048, retentionDays: 14 } });
    expectDocumented(admin.updateNamespaceSettingsOp, set, 200);
    expect(set.body).toMatchObject({ quotaBytes: 2048, quotaOverride: true, retentionDays: 14 });
    const reset = await root().json(`/api/v1/namespaces/${nsPath}`, { method: "PATCH", json: { quotaBytes: null, retentionDays: null } });
    expectDocumented(admin.updateNamespaceSettingsOp, reset, 200);

    const toAgent = await root().json(`/api/v1/namespaces/${nsPath}/grants`, {
      method: "POST",
      json: { identity: agent.name, permission: "read" },
    });
    expectDocumented(admin.createGrantOp, toAgent, 201);
    const toGroup = await root().json(`/api/v1/namespaces/${nsPath}/grants`, { method: "POST", json: { group, permission: "write" } });
    expectDocumented(admin.createGrantOp, toGroup, 201);
    expectDocumented(admin.listGrantsOp, await root().json(`/api/v1/namespaces/${nsPath}/grants`), 200);
    const grantId = (toAgent.body as { grant: { id: string } }).grant.id;
    expectDocumented(admin.revokeGrantOp, await root().json(`/api/v1/namespaces/${nsPath}/grants/${grantId}`, { method: "DELETE" }), 204);
  });

  it("audit: a filtered page and the next one", async () => {
    const first = await root().json(`/api/v1/audit?actor=admin&limit=2`);
    expectDocumented(admin.listAuditEventsOp, first, 200);
    const { nextCursor } = first.body as { nextCursor: string | null };
    expect(nextCursor).toEqual(expect.any(String));
    expectDocumented(admin.listAuditEventsOp, await root().json(`/api/v1/audit?limit=2&cursor=${nextCursor}`), 200);
    expectDocumented(admin.listAuditEventsOp, await root().json(`/api/v1/audit?namespace=${nsPath}&action=quota.change`), 200);
  });

  it("health and readiness", async () => {
    const health = await api().request("/api/v1/health");
    expectDocumented(service.getHealthOp, { status: health.status, body: await health.json() }, 200);
    const ready = await api().request("/api/v1/ready");
    expectDocumented(service.getReadinessOp, { status: ready.status, body: await ready.json() }, 200);
  });

  it("answers bad input with the error shape and the documented code", async () => {
    expectError(admin.listIdentitiesOp, await agent.client.json("/api/v1/identities"), 403, "FORBIDDEN");
    expectError(admin.getMeOp, await api().json("/api/v1/me"), 401, "UNAUTHENTICATED");
    const extra = await root().json("/api/v1/identities", { method: "POST", json: { name: slug("x"), role: "boss" } });
    expectError(admin.createIdentityOp, extra, 400, "ARTIFACT_VALIDATION_FAILED");
    expect((extra.body as { error: { message: string } }).error.message).toMatch(/unknown field/);
    const permission = await root().json(`/api/v1/namespaces/${nsPath}/grants`, {
      method: "POST",
      json: { identity: agent.name, permission: "admin" },
    });
    expectError(admin.createGrantOp, permission, 400, "ARTIFACT_VALIDATION_FAILED");
    expectError(
      admin.updateNamespaceSettingsOp,
      await root().json(`/api/v1/namespaces/${nsPath}`, { method: "PATCH", json: {} }),
      400,
      "ARTIFACT_VALIDATION_FAILED",
    );
    const limit = await root().json("/api/v1/audit?limit=0");
    expectError(admin.listAuditEventsOp, limit, 400, "ARTIFACT_VALIDATION_FAILED");
    expect((limit.body as { error: { field?: string } }).error.field).toBe("limit");
    expectError(
      admin.revokeKeyOp,
      await root().json(`/api/v1/keys/${slug("no-such-key")}`, { method: "DELETE" }),
      404,
      "ARTIFACT_NOT_FOUND",
    );
    const setup = await api().json("/api/v1/setup", { method: "POST", json: { adminKey: "x", email: "not an email", password: "p" } });
    expectError(service.completeSetupOp, setup, 400, "ARTIFACT_VALIDATION_FAILED");
  });

  describe("first-run setup, on a server of its own", () => {
    let side: Awaited<ReturnType<typeof startSideServer>>;
    beforeAll(async () => {
      side = await startSideServer();
    });
    afterAll(async () => {
      await side?.stop();
    });

    it("gives the admin sign-in once, then refuses", async () => {
      const json = { adminKey: SIDE_ADMIN_KEY, email: "Root@Example.test", password: "a-long-password-1" };
      // No credentials but the key in the body: setup is public.
      const anonymous = clientFor(side.server.baseUrl);
      const done = await anonymous.json("/api/v1/setup", { method: "POST", json });
      expectDocumented(service.completeSetupOp, done, 201);
      expect(done.body).toEqual({ identity: "admin", email: "root@example.test" });
      expectError(service.completeSetupOp, await anonymous.json("/api/v1/setup", { method: "POST", json }), 403, "FORBIDDEN");
    });
  });

  it("exercised every operation of the area", () => {
    const all = [...admin.ADMIN_OPERATIONS, ...service.SERVICE_OPERATIONS].map((op) => op.id);
    expect(all.filter((id) => !exercised.has(id))).toEqual([]);
  });
});
