import { beforeAll, describe, expect, it } from "vitest";
import { ZErrorResponse } from "../../lib/api-contract/common.ts";
import type { TOperation } from "../../lib/api-contract/operation.ts";
import { listRunArtifactsOp, listRunsOp, listSessionArtifactsOp, listSessionsOp } from "../../lib/api-contract/runs.ts";
import {
  createShareLinkOp,
  getSharedContentOp,
  headSharedContentOp,
  listArtifactSharesOp,
  listShareLinksOp,
  listSharedWithMeOp,
  revokeShareLinkOp,
  shareArtifactOp,
  unshareArtifactOp,
} from "../../lib/api-contract/sharing.ts";
import {
  abortUploadOp,
  completeUploadOp,
  getPartUrlsOp,
  getUploadOp,
  startUploadOp,
  uploadPartOp,
} from "../../lib/api-contract/uploads.ts";
import { createAgent, uniq } from "../support/api.ts";

type TAgent = Awaited<ReturnType<typeof createAgent>>;
type TResult = { status: number; body: unknown };

/** The operation documents this status; returns what it says of it. */
function documented(op: TOperation, status: number) {
  const response = op.responses[status];
  expect(response, `${op.id} documents ${status}`).toBeDefined();
  return response!;
}

/** The response is the operation's documented one: that status, and a body its (strict) schema accepts. */
function conforms(op: TOperation, res: TResult, status: number) {
  expect(res.status, `${op.id}: ${JSON.stringify(res.body)}`).toBe(status);
  const { schema } = documented(op, status);
  if (!schema) {
    expect(res.body, `${op.id} ${status} has no body`).toBeNull();
    return;
  }
  const parsed = schema.safeParse(res.body);
  expect(parsed.error?.issues ?? [], `${op.id} ${status}: ${JSON.stringify(res.body)}`).toEqual([]);
}

/** An error the operation documents, in the one error shape. */
function refuses(op: TOperation, res: TResult, status: number, code: string) {
  expect(res.status, `${op.id}: ${JSON.stringify(res.body)}`).toBe(status);
  expect(ZErrorResponse.parse(res.body).error.code).toBe(code);
  expect(op.errors).toContain(code);
}

const fetchJson = async (url: string, init?: RequestInit): Promise<TResult> => {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
};

describe("the sharing, direct upload, run and session operations answer what the contract says", () => {
  let alice: TAgent;
  let bob: TAgent;
  let artifactId: string;
  const session = uniq("session");
  const run = uniq("run");

  beforeAll(async () => {
    [alice, bob] = await Promise.all([createAgent(), createAgent()]);
    const fields = { namespace: alice.namespace, name: uniq("shared.txt"), sessionId: session, runId: run };
    const v0 = await alice.client.upload(fields, "version zero");
    expect(v0.status).toBe(201);
    artifactId = v0.body.artifact.id;
    expect((await alice.client.upload(fields, "version one")).status).toBe(201);
  });

  it("share links: create, stream, list, revoke", async () => {
    const created = await alice.client.json(`/api/v1/artifacts/${artifactId}/share`, { method: "POST", json: { version: 0 } });
    conforms(createShareLinkOp, created, 201);
    conforms(createShareLinkOp, await alice.client.json(`/api/v1/artifacts/${artifactId}/share`, { method: "POST" }), 201);

    // Bytes, not JSON: the documented status and headers.
    const content = await fetch(created.body.url);
    expect(documented(getSharedContentOp, content.status).contentType).toBe("application/octet-stream");
    expect(await content.text()).toBe("version zero");
    const head = await fetch(created.body.url, { method: "HEAD" });
    expect(documented(headSharedContentOp, head.status).headers).toHaveProperty("Content-Length");
    expect(head.headers.get("content-length")).toBe("12");

    conforms(revokeShareLinkOp, await alice.client.json(`/api/v1/share-links/${created.body.id}`, { method: "DELETE" }), 204);
    const links = await alice.client.json(`/api/v1/artifacts/${artifactId}/share-links?limit=1`);
    conforms(listShareLinksOp, links, 200);
    expect(links.body.nextCursor).not.toBeNull();
    const rest = await alice.client.json(`/api/v1/artifacts/${artifactId}/share-links?cursor=${links.body.nextCursor}`);
    conforms(listShareLinksOp, rest, 200);
    expect(rest.body.links).toContainEqual(expect.objectContaining({ id: created.body.id, status: "revoked", revokedBy: alice.name }));

    refuses(getSharedContentOp, await fetchJson(created.body.url), 403, "ARTIFACT_SHARE_LINK_INVALID");
    expect((await fetch(created.body.url, { method: "HEAD" })).status).toBe(403);
    expect(headSharedContentOp.errors).toContain("ARTIFACT_SHARE_LINK_INVALID");
  });

  it("share links: bad input", async () => {
    refuses(
      createShareLinkOp,
      await alice.client.json(`/api/v1/artifacts/${artifactId}/share`, { method: "POST", json: { expiresIn: "60" } }),
      400,
      "ARTIFACT_VALIDATION_FAILED",
    );
    refuses(
      createShareLinkOp,
      await bob.client.json(`/api/v1/artifacts/${artifactId}/share`, { method: "POST" }),
      404,
      "ARTIFACT_NOT_FOUND",
    );
    refuses(
      listShareLinksOp,
      await alice.client.json(`/api/v1/artifacts/${artifactId}/share-links?limit=0`),
      400,
      "ARTIFACT_VALIDATION_FAILED",
    );
    refuses(
      revokeShareLinkOp,
      await alice.client.json(`/api/v1/share-links/${uniq("nope")}`, { method: "DELETE" }),
      404,
      "ARTIFACT_NOT_FOUND",
    );
  });

  it("shares: share, list, shared-with-me, unshare", async () => {
    const shared = await alice.client.json(`/api/v1/artifacts/${artifactId}/shares`, { method: "POST", json: { identity: bob.name } });
    conforms(shareArtifactOp, shared, 201);
    conforms(
      shareArtifactOp,
      await alice.client.json(`/api/v1/artifacts/${artifactId}/shares`, { method: "POST", json: { identity: bob.name } }),
      200,
    );
    conforms(listArtifactSharesOp, await alice.client.json(`/api/v1/artifacts/${artifactId}/shares`), 200);

    const mine = await bob.client.json("/api/v1/shared-with-me");
    conforms(listSharedWithMeOp, mine, 200);
    expect(mine.body.artifacts.map((a: { id: string }) => a.id)).toEqual([artifactId]);

    refuses(
      shareArtifactOp,
      await alice.client.json(`/api/v1/artifacts/${artifactId}/shares`, { method: "POST", json: { identity: bob.name, group: "g" } }),
      400,
      "ARTIFACT_VALIDATION_FAILED",
    );
    refuses(listArtifactSharesOp, await bob.client.json(`/api/v1/artifacts/${artifactId}/shares`), 403, "ARTIFACT_NAMESPACE_DENIED");
    const unshare = `/api/v1/artifacts/${artifactId}/shares/${shared.body.share.id}`;
    conforms(unshareArtifactOp, await alice.client.json(unshare, { method: "DELETE" }), 204);
    refuses(unshareArtifactOp, await alice.client.json(unshare, { method: "DELETE" }), 404, "ARTIFACT_NOT_FOUND");
    refuses(listSharedWithMeOp, await bob.client.json("/api/v1/shared-with-me?cursor=!!!"), 400, "ARTIFACT_VALIDATION_FAILED");
  });

  it("direct uploads: start, part URLs, a part through Stowage, state, complete, abort", async () => {
    const bytes = new Uint8Array(1000).fill(7);
    const started = await alice.client.json("/api/v1/uploads", {
      method: "POST",
      json: { namespace: alice.namespace, name: uniq("big") + ".bin", size: bytes.length, tags: ["big"] },
    });
    conforms(startUploadOp, started, 201);
    const id = started.body.id;

    const urls = await alice.client.json(`/api/v1/uploads/${id}/parts`, { method: "POST", json: { partNumbers: [1] } });
    conforms(getPartUrlsOp, urls, 200);
    const partUrl: string = urls.body.parts[0].url;
    conforms(uploadPartOp, await fetchJson(partUrl, { method: "PUT", body: bytes }), 200);
    const tampered = new URL(partUrl);
    const signature = tampered.searchParams.get("signature")!;
    tampered.searchParams.set("signature", (signature[0] === "a" ? "b" : "a") + signature.slice(1));
    refuses(uploadPartOp, await fetchJson(tampered.toString(), { method: "PUT", body: bytes }), 403, "ARTIFACT_SHARE_LINK_INVALID");

    const state = await alice.client.json(`/api/v1/uploads/${id}`);
    conforms(getUploadOp, state, 200);
    expect(state.body.parts).toEqual([{ partNumber: 1, size: 1000 }]);
    conforms(completeUploadOp, await alice.client.json(`/api/v1/uploads/${id}/complete`, { method: "POST" }), 201);
    conforms(completeUploadOp, await alice.client.json(`/api/v1/uploads/${id}/complete`, { method: "POST" }), 200);
    conforms(getUploadOp, await alice.client.json(`/api/v1/uploads/${id}`), 200);
    refuses(abortUploadOp, await alice.client.json(`/api/v1/uploads/${id}`, { method: "DELETE" }), 409, "ARTIFACT_UPLOAD_CLOSED");

    const other = await alice.client.json("/api/v1/uploads", {
      method: "POST",
      json: { namespace: alice.namespace, name: uniq("gone"), size: 10 },
    });
    conforms(startUploadOp, other, 201);
    conforms(abortUploadOp, await alice.client.json(`/api/v1/uploads/${other.body.id}`, { method: "DELETE" }), 200);
  });

  it("direct uploads: bad input", async () => {
    refuses(
      startUploadOp,
      await alice.client.json("/api/v1/uploads", {
        method: "POST",
        json: { namespace: alice.namespace, name: "x", size: 10, surprise: 1 },
      }),
      400,
      "ARTIFACT_VALIDATION_FAILED",
    );
    const started = await alice.client.json("/api/v1/uploads", {
      method: "POST",
      json: { namespace: alice.namespace, name: uniq("x"), size: 10 },
    });
    refuses(
      getPartUrlsOp,
      await alice.client.json(`/api/v1/uploads/${started.body.id}/parts`, { method: "POST", json: { partNumbers: [] } }),
      400,
      "ARTIFACT_VALIDATION_FAILED",
    );
    refuses(getUploadOp, await bob.client.json(`/api/v1/uploads/${started.body.id}`), 404, "ARTIFACT_NOT_FOUND");
    refuses(
      completeUploadOp,
      await alice.client.json(`/api/v1/uploads/${started.body.id}/complete`, { method: "POST" }),
      400,
      "ARTIFACT_VALIDATION_FAILED",
    );
    await alice.client.json(`/api/v1/uploads/${started.body.id}`, { method: "DELETE" });
  });

  it("runs and sessions: listings and views", async () => {
    const ns = encodeURIComponent(alice.namespace);
    conforms(listRunsOp, await alice.client.json(`/api/v1/runs?namespace=${ns}&sessionId=${session}`), 200);
    conforms(listRunsOp, await alice.client.json("/api/v1/runs?limit=1"), 200);
    conforms(listSessionsOp, await alice.client.json(`/api/v1/sessions?namespace=${ns}&from=2020-01-01`), 200);
    const runView = await alice.client.json(`/api/v1/runs/${run}/artifacts?namespace=${ns}`);
    conforms(listRunArtifactsOp, runView, 200);
    expect(runView.body.artifacts[0].runVersions).toHaveLength(2);
    conforms(listSessionArtifactsOp, await alice.client.json(`/api/v1/sessions/${session}/artifacts?namespace=${ns}`), 200);

    const noNamespace = await alice.client.json(`/api/v1/runs/${run}/artifacts`);
    refuses(listRunArtifactsOp, noNamespace, 400, "ARTIFACT_VALIDATION_FAILED");
    expect(noNamespace.body.error.field).toBe("namespace");
    refuses(
      listSessionArtifactsOp,
      await alice.client.json(`/api/v1/sessions/${uniq("nope")}/artifacts?namespace=${ns}`),
      404,
      "ARTIFACT_NOT_FOUND",
    );
    refuses(listRunsOp, await alice.client.json("/api/v1/runs?from=tomorrow"), 400, "ARTIFACT_VALIDATION_FAILED");
    refuses(listSessionsOp, await alice.client.json("/api/v1/sessions?sessionId=x"), 400, "ARTIFACT_VALIDATION_FAILED");
    refuses(listRunsOp, await bob.client.json(`/api/v1/runs?namespace=${ns}`), 403, "ARTIFACT_NAMESPACE_DENIED");
  });
});
