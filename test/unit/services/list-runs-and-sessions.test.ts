import { describe, expect, it } from "vitest";
import { listRuns, listSessions } from "@/lib/artifacts/list-runs-and-sessions";
import { stowageError, useFreshHarness } from "../../support/service-harness";

const NS = "agent:alice";

describe("runs and sessions listings", () => {
  const h = useFreshHarness();

  async function seed() {
    await h.publish(h.alice, { namespace: NS, name: "a.txt", sessionId: "s1", runId: "r1" });
    await h.publish(h.alice, { namespace: NS, name: "a.txt", sessionId: "s1", runId: "r1" });
    await h.publish(h.alice, { namespace: NS, name: "b.txt", sessionId: "s1", runId: "r2" });
    await h.publish(h.alice, { namespace: NS, name: "c.txt", runId: "r3" });
    await h.publish(h.bob, { namespace: "agent:bob", name: "x.txt", sessionId: "s9", runId: "rb" });
  }

  it("lists the caller's runs newest first, with what each published", async () => {
    await seed();
    const { runs, nextCursor } = await listRuns(h.db, h.alice, { limit: 50 });
    expect(runs.map((r) => [r.id, r.sessionId, r.artifactCount, r.versionCount])).toEqual([
      ["r3", null, 1, 1],
      ["r2", "s1", 1, 1],
      ["r1", "s1", 1, 2],
    ]);
    expect(nextCursor).toBeNull();
    expect((await listRuns(h.db, h.admin, { limit: 50 })).runs.map((r) => r.id)).toEqual(["rb", "r3", "r2", "r1"]);
  });

  it("filters by namespace, session and time, and pages by cursor", async () => {
    await seed();
    expect((await listRuns(h.db, h.alice, { namespace: NS, sessionId: "s1", limit: 50 })).runs.map((r) => r.id)).toEqual(["r2", "r1"]);
    const first = await listRuns(h.db, h.alice, { namespace: NS, limit: 2 });
    expect(first.runs.map((r) => r.id)).toEqual(["r3", "r2"]);
    const second = await listRuns(h.db, h.alice, { namespace: NS, limit: 2, cursor: first.nextCursor! });
    expect(second.runs.map((r) => r.id)).toEqual(["r1"]);
    expect(second.nextCursor).toBeNull();
    expect((await listRuns(h.db, h.alice, { from: new Date(Date.now() + 60_000).toISOString(), limit: 50 })).runs).toEqual([]);
    expect((await listRuns(h.db, h.alice, { to: "2000-01-01", limit: 50 })).runs).toEqual([]);
  });

  it("lists sessions with their run counts", async () => {
    await seed();
    expect((await listSessions(h.db, h.alice, { limit: 50 })).sessions.map((s) => [s.id, s.runCount])).toEqual([["s1", 2]]);
    expect((await listSessions(h.db, h.bob, { namespace: "agent:bob", limit: 50 })).sessions.map((s) => s.id)).toEqual(["s9"]);
  });

  it("refuses what it cannot answer", async () => {
    await stowageError(() => listRuns(h.db, h.carol, { namespace: NS, limit: 50 }), "ARTIFACT_NAMESPACE_DENIED", 403);
    await stowageError(() => listRuns(h.db, h.alice, { sessionId: "s1", limit: 50 }), "ARTIFACT_VALIDATION_FAILED", 400);
    await stowageError(() => listRuns(h.db, h.alice, { from: "yesterday", limit: 50 }), "ARTIFACT_VALIDATION_FAILED", 400);
    await stowageError(() => listSessions(h.db, h.alice, { cursor: "!!", limit: 50 }), "ARTIFACT_VALIDATION_FAILED", 400);
    expect((await listRuns(h.db, h.carol, { limit: 50 })).runs).toEqual([]);
  });
});
