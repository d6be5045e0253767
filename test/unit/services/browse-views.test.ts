import { describe, expect, it } from "vitest";
import { deleteArtifact } from "@/lib/artifacts/delete-artifact";
import { getRunView } from "@/lib/artifacts/get-run-view";
import { getSessionView } from "@/lib/artifacts/get-session-view";
import { listRuns, listSessions } from "@/lib/artifacts/list-runs-and-sessions";
import { searchArtifacts } from "@/lib/artifacts/search-artifacts";
import { stowageError, useFreshHarness } from "../../support/service-harness";

const NS = "agent:alice";

describe("the dashboard's run, session and search views", () => {
  const h = useFreshHarness();

  const runKey = async (id: string) => (await listRuns(h.db, h.admin, { limit: 200 })).runs.find((r) => r.id === id)!.key;

  it("shows a run's artifacts with the versions that run published, paged by cursor", async () => {
    await h.publish(h.alice, { namespace: NS, name: "a.txt", runId: "r1" }, "one");
    await h.publish(h.alice, { namespace: NS, name: "a.txt", runId: "r2" }, "two!");
    await h.publish(h.alice, { namespace: NS, name: "a.txt", runId: "r1" }, "three");
    await h.publish(h.alice, { namespace: NS, name: "b.txt", runId: "r1" }, "bb");
    await h.publish(h.alice, { namespace: NS, name: "c.txt", runId: "r1" }, "c");
    await h.publish(h.alice, { namespace: NS, name: "other.txt", runId: "r2" }, "o");
    const key = await runKey("r1");

    const first = await getRunView(h.db, h.alice, key, { limit: 2 });
    expect(first.run).toMatchObject({ id: "r1", namespace: NS, sessionId: null, key });
    expect(first.artifactCount).toBe(3);
    expect(first.artifacts.map((a) => a.name)).toEqual(["c.txt", "b.txt"]);
    const second = await getRunView(h.db, h.alice, key, { limit: 2, cursor: first.nextCursor! });
    expect(second.artifacts.map((a) => [a.name, a.runVersions.map((v) => [v.version, v.sizeBytes])])).toEqual([
      [
        "a.txt",
        [
          [2, 5],
          [0, 3],
        ],
      ],
    ]);
    expect(second.nextCursor).toBeNull();
    expect(second.artifactCount).toBeNull();
  });

  it("keeps a run whose artifacts were all deleted, with nothing in it", async () => {
    const { artifact } = await h.publish(h.alice, { namespace: NS, name: "gone.txt", runId: "empty" });
    await deleteArtifact(h.db, h.alice, artifact.id);
    const view = await getRunView(h.db, h.alice, await runKey("empty"), { limit: 50 });
    expect(view.artifacts).toEqual([]);
    expect(view.artifactCount).toBe(0);
  });

  it("answers not found for runs and sessions the caller may not read, and for unknown keys", async () => {
    await h.publish(h.alice, { namespace: NS, name: "a.txt", sessionId: "s1", runId: "r1" });
    const key = await runKey("r1");
    const sessionKey = (await listSessions(h.db, h.alice, { limit: 10 })).sessions[0]!.key;
    await stowageError(() => getRunView(h.db, h.carol, key, { limit: 50 }), "ARTIFACT_NOT_FOUND", 404);
    await stowageError(() => getRunView(h.db, h.alice, "nope", { limit: 50 }), "ARTIFACT_NOT_FOUND", 404);
    await stowageError(() => getSessionView(h.db, h.carol, sessionKey, { limit: 50 }), "ARTIFACT_NOT_FOUND", 404);
    await stowageError(() => getRunView(h.db, h.alice, key, { limit: 50, cursor: "!!" }), "ARTIFACT_VALIDATION_FAILED", 400);
    expect((await getRunView(h.db, h.admin, key, { limit: 50 })).artifacts).toHaveLength(1);
  });

  it("rolls up a session: its own artifacts and what its runs published, with the runs", async () => {
    await h.publish(h.alice, { namespace: NS, name: "plan.md", sessionId: "s1", runId: "r1" });
    await h.publish(h.alice, { namespace: NS, name: "plan.md", sessionId: "s1", runId: "r2" });
    await h.publish(h.alice, { namespace: NS, name: "global.csv", runId: "r2" });
    await h.publish(h.alice, { namespace: NS, name: "unrelated.csv", runId: "r3" });
    const { sessions } = await listSessions(h.db, h.alice, { limit: 10 });
    const view = await getSessionView(h.db, h.alice, sessions[0]!.key, { limit: 50 });
    expect(view.session).toMatchObject({ id: "s1", namespace: NS, runCount: 2 });
    expect(view.session.runs.map((r) => r.id)).toEqual(["r2", "r1"]);
    expect(view.artifacts.map((a) => [a.name, a.runs.map((r) => r.id)])).toEqual([
      ["global.csv", ["r2"]],
      ["plan.md", ["r2", "r1"]],
    ]);
  });

  it("searches readable namespaces by name part, tag and metadata", async () => {
    await h.publish(h.alice, { namespace: NS, name: "reports/Q1-summary.csv", tags: ["finance"], metadata: { model: "m1" } });
    await h.publish(h.alice, { namespace: NS, name: "reports/q2_summary.csv", tags: ["finance"], metadata: { model: "m2" } });
    await h.publish(h.alice, { namespace: NS, name: "logs/run.txt" });
    await h.publish(h.bob, { namespace: "agent:bob", name: "bob-summary.csv", tags: ["finance"] });
    const names = async (f: Parameters<typeof searchArtifacts>[2]) =>
      (await searchArtifacts(h.db, h.alice, f)).artifacts.map((a) => a.name);

    expect(await names({ name: "SUMMARY", limit: 50 })).toEqual(["reports/q2_summary.csv", "reports/Q1-summary.csv"]);
    // `_` is a literal underscore, not LIKE's any-character.
    expect(await names({ name: "2_s", limit: 50 })).toEqual(["reports/q2_summary.csv"]);
    expect(await names({ name: "1_s", limit: 50 })).toEqual([]);
    expect(await names({ name: "%", limit: 50 })).toEqual([]);
    expect(await names({ name: "summary", tag: "finance", metadata: { model: "m1" }, limit: 50 })).toEqual(["reports/Q1-summary.csv"]);
    expect(await names({ tag: "finance", limit: 50 })).toEqual(["reports/q2_summary.csv", "reports/Q1-summary.csv"]);
    expect(await names({ metadata: { model: "m2" }, limit: 50 })).toEqual(["reports/q2_summary.csv"]);
    expect((await searchArtifacts(h.db, h.admin, { name: "summary", limit: 50 })).artifacts).toHaveLength(3);

    const first = await searchArtifacts(h.db, h.alice, { name: "s", limit: 1 });
    const second = await searchArtifacts(h.db, h.alice, { name: "s", limit: 1, cursor: first.nextCursor! });
    const third = await searchArtifacts(h.db, h.alice, { name: "s", limit: 1, cursor: second.nextCursor! });
    expect([...first.artifacts, ...second.artifacts, ...third.artifacts].map((a) => a.name)).toEqual([
      "logs/run.txt",
      "reports/q2_summary.csv",
      "reports/Q1-summary.csv",
    ]);
    expect(third.nextCursor).toBeNull();
    expect(first.artifacts[0]!.latest).toMatchObject({ version: 0 });
    await stowageError(() => searchArtifacts(h.db, h.carol, { name: "x", namespace: NS, limit: 50 }), "ARTIFACT_NAMESPACE_DENIED", 403);
  });
});
