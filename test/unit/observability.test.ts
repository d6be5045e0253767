import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { appRoutePatterns, routeLabeler } from "@/lib/observability/route-labels";
import { requestIdFrom } from "@/lib/observability/request-id";
import { formatRequestLog } from "@/lib/observability/request-log";
import { BlobNotFoundError, BlobStoreUnavailableError, type BlobStore } from "@/lib/storage/blob-store";

async function twoCopies<T>(specifier: string): Promise<[T, T]> {
  const first = (await import(specifier)) as T;
  vi.resetModules();
  const second = (await import(specifier)) as T;
  return [first, second];
}

describe("route labels", () => {
  const label = routeLabeler([
    ...appRoutePatterns(path.resolve(import.meta.dirname, "../../app")),
    "/api/v1/artifacts/{id}/content",
    "/api/v1/share/{token}",
    "/api/v1/uploads/{id}/parts/{n}",
  ]);

  it("name the pattern, never the path", () => {
    expect(label("/")).toBe("/");
    expect(label("/api/v1/artifacts")).toBe("/api/v1/artifacts");
    expect(label("/api/v1/artifacts/01abc")).toBe("/api/v1/artifacts/{id}");
    expect(label("/api/v1/artifacts/01abc/content")).toBe("/api/v1/artifacts/{id}/content");
    expect(label("/api/v1/artifacts/01abc/versions/3")).toBe("/api/v1/artifacts/{id}/versions/{version}");
    expect(label("/api/v1/share/secret-token.sig")).toBe("/api/v1/share/{token}");
    expect(label("/api/v1/uploads/x/parts/2")).toBe("/api/v1/uploads/{id}/parts/{n}");
    expect(label("/api/v1/uploads/x/parts")).toBe("/api/v1/uploads/{id}/parts");
    expect(label("/api/auth/callback/oidc")).toBe("/api/auth/{...nextauth}");
    expect(label("/runs/run-7")).toBe("/runs/{id}");
    expect(label("/admin/identities")).toBe("/admin/identities");
    expect(label("/artifacts/x/compare")).toBe("/artifacts/{id}/compare");
  });

  it("label unknown paths with one fixed word", () => {
    expect(label("/wp-admin/secret-token")).toBe("other");
    expect(label("/api/v1/nothing/here/at/all")).toBe("other");
  });
});

describe("request ids", () => {
  it("keep a sane client id and replace anything else", () => {
    expect(requestIdFrom("trace-1.2:3_A")).toBe("trace-1.2:3_A");
    for (const bad of [undefined, "", "a b", "x".repeat(129), "evil\nline", "<script>", ["a", "b"]]) {
      const id = requestIdFrom(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe("request log", () => {
  const record = {
    method: "GET",
    route: "/api/v1/share/{token}",
    status: 200,
    durationMs: 1.5,
    bytesIn: 0,
    bytesOut: 10,
    identity: undefined,
    requestId: "r1",
    aborted: false,
  };
  it("is one JSON object or one human line", () => {
    const json = JSON.parse(formatRequestLog(record, "json", new Date(0)));
    expect(json).toEqual({
      time: "1970-01-01T00:00:00.000Z",
      level: "info",
      msg: "request",
      method: "GET",
      route: "/api/v1/share/{token}",
      status: 200,
      durationMs: 1.5,
      bytesIn: 0,
      bytesOut: 10,
      requestId: "r1",
    });
    expect(formatRequestLog({ ...record, identity: "alice" }, "text", new Date(0))).toBe(
      "1970-01-01T00:00:00.000Z info GET /api/v1/share/{token} 200 1.5ms in=0 out=10 identity=alice request=r1",
    );
  });
});

describe("process-wide observability state", () => {
  afterEach(() => vi.resetModules());

  it("one metrics registry and one request context for both module copies", async () => {
    const [a, b] = await twoCopies<typeof import("@/lib/observability/stowage-metrics")>("@/lib/observability/stowage-metrics");
    const metrics = await import("@/lib/observability/metrics");
    a.quotaRefusals.inc();
    b.quotaRefusals.inc();
    a.httpRequests.inc({ method: "GET", route: "/x", status: "200" });
    b.httpDuration.observe(0.02, { method: "GET", route: "/x" });
    const text = metrics.renderMetrics();
    expect(text).toMatch(/^stowage_quota_refusals_total 2$/m);
    expect(text).toMatch(/^stowage_http_requests_total\{method="GET",route="\/x",status="200"\} 1$/m);
    expect(text).toMatch(/^stowage_http_request_duration_seconds_bucket\{method="GET",route="\/x",le="0.025"\} 1$/m);
    expect(text).toMatch(/^stowage_http_request_duration_seconds_bucket\{method="GET",route="\/x",le="0.01"\} 0$/m);
    expect(text).toMatch(/^# TYPE stowage_http_request_duration_seconds histogram$/m);

    const [c1, c2] = await twoCopies<typeof import("@/lib/observability/request-context")>("@/lib/observability/request-context");
    const context = { requestId: "r", identity: undefined as string | undefined };
    await c1.runWithRequestContext(context, async () => {
      await Promise.resolve();
      c2.noteIdentity("alice");
    });
    expect(context.identity).toBe("alice");
  });

  it("blob store failures are counted, a missing blob is not", async () => {
    const { withErrorCounting } = await import("@/lib/observability/count-blob-store-errors");
    const { renderMetrics } = await import("@/lib/observability/metrics");
    const failing = {
      backend: "unit-test",
      stat: async () => {
        throw new BlobStoreUnavailableError("down");
      },
      get: async (key: string) => {
        throw new BlobNotFoundError(key);
      },
      multipart: {},
    } as unknown as BlobStore;
    const store = withErrorCounting(failing);
    await expect(store.stat("k")).rejects.toBeInstanceOf(BlobStoreUnavailableError);
    await expect(store.get("k")).rejects.toBeInstanceOf(BlobNotFoundError);
    const text = renderMetrics();
    expect(text).toMatch(/^stowage_blob_store_errors_total\{backend="unit-test",operation="stat"\} 1$/m);
    expect(text).not.toMatch(/backend="unit-test",operation="get"/);
  });
});
