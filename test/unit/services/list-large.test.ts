import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listArtifacts } from "@/lib/artifacts/list-artifacts";
import { newId } from "@/lib/ids";
import { createServiceHarness, type TServiceHarness } from "../../support/service-harness";

// Enough rows that the tag-driven listing needs several rounds of its index batches.
const COUNT = 1300;
const FOLDERS = ["eval/", "Eval/", "e_al/", "logs/"];

let h: TServiceHarness;
const all: { id: string; name: string; tags: string[] }[] = [];

beforeAll(async () => {
  h = await createServiceHarness();
  const ns = await h.db.namespace.findUniqueOrThrow({ where: { name: "agent:alice" } });
  for (let i = 0; i < COUNT; i++) {
    const tags = [i % 3 === 0 ? "third" : "other", ...(i % 97 === 0 ? ["rare"] : [])];
    all.push({ id: newId(), name: `${FOLDERS[i % FOLDERS.length]}item-${i}`, tags });
  }
  // Rows straight into the tables: a listing test needs volume, not the upload path.
  await h.db.artifact.createMany({
    data: all.map((a) => ({
      id: a.id,
      namespaceId: ns.id,
      name: a.name,
      createdById: h.alice.identityId,
      latestVersion: 0,
      nextVersion: 1,
    })),
  });
  await h.db.artifactVersion.createMany({
    data: all.map((a) => ({
      id: newId(),
      artifactId: a.id,
      version: 0,
      filename: "x",
      mimeType: "text/plain",
      sizeBytes: 1n,
      sha256: "0".repeat(64),
      createdById: h.alice.identityId,
      backend: "fs",
      storageKey: `v1/${ns.id}/${a.id}`,
    })),
  });
  await h.db.artifactTag.createMany({ data: all.flatMap((a) => a.tags.map((tag) => ({ artifactId: a.id, tag }))) });
});
afterAll(async () => {
  await h.cleanup();
});

async function walk(filter: { tag?: string; namePrefix?: string }, limit: number) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await listArtifacts(h.db, h.alice, { namespace: "agent:alice", limit, cursor, ...filter });
    expect(page.artifacts.length).toBeLessThanOrEqual(limit);
    ids.push(...page.artifacts.map((a) => a.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error("too many pages");
}

const expected = (keep: (a: (typeof all)[number]) => boolean) =>
  all
    .filter(keep)
    .map((a) => a.id)
    .reverse();

describe("listing many artifacts", () => {
  it("walks a tag newest first, each match exactly once, across index batches", async () => {
    expect(await walk({ tag: "third" }, 50)).toEqual(expected((a) => a.tags.includes("third")));
    expect(await walk({ tag: "rare" }, 5)).toEqual(expected((a) => a.tags.includes("rare")));
    expect(await walk({ tag: "missing" }, 50)).toEqual([]);
  });

  it("matches name prefixes exactly: case-sensitive, with _ and % taken literally", async () => {
    expect(await walk({ namePrefix: "eval/" }, 100)).toEqual(expected((a) => a.name.startsWith("eval/")));
    expect(await walk({ namePrefix: "Eval/" }, 100)).toEqual(expected((a) => a.name.startsWith("Eval/")));
    expect(await walk({ namePrefix: "e_al/" }, 100)).toEqual(expected((a) => a.name.startsWith("e_al/")));
    expect(await walk({ namePrefix: "e%" }, 100)).toEqual([]);
  });

  it("combines a tag with a name prefix", async () => {
    expect(await walk({ tag: "third", namePrefix: "logs/" }, 20)).toEqual(
      expected((a) => a.tags.includes("third") && a.name.startsWith("logs/")),
    );
  });
});
