import { describe, expect, it } from "vitest";
import { parseRange } from "@/lib/http/parse-range";
import { contentDisposition, isInlineSafe } from "@/lib/http/content-disposition";
import { decodeCursor, encodeCursor, parseLimit } from "@/lib/pagination";
import { resolveMimeType } from "@/lib/artifacts/guess-mime-type";
import { parseVersionNumber, parseTags, parseMetadata, parseExpiresAt, normalizeMimeType } from "@/lib/artifacts/artifact-fields";

describe("parseRange", () => {
  it("parses the three forms of a single range", () => {
    expect(parseRange("bytes=0-0", 10)).toEqual({ start: 0, end: 0 });
    expect(parseRange("bytes=2-", 10)).toEqual({ start: 2, end: 9 });
    expect(parseRange("bytes=-3", 10)).toEqual({ start: 7, end: 9 });
    expect(parseRange("bytes=5-100", 10)).toEqual({ start: 5, end: 9 });
    expect(parseRange("bytes=-100", 10)).toEqual({ start: 0, end: 9 });
  });
  it("ignores what it may ignore and refuses what cannot be satisfied", () => {
    expect(parseRange(null, 10)).toBeUndefined();
    expect(parseRange("bytes=0-1,3-4", 10)).toBeUndefined();
    expect(parseRange("items=0-1", 10)).toBeUndefined();
    expect(parseRange("bytes=5-2", 10)).toBeUndefined();
    expect(parseRange("bytes=10-", 10)).toBe("unsatisfiable");
    expect(parseRange("bytes=-0", 10)).toBe("unsatisfiable");
    expect(parseRange("bytes=0-", 0)).toBe("unsatisfiable");
  });
});

describe("content disposition", () => {
  it("gives an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDisposition("attachment", "q1 report.csv")).toBe(
      `attachment; filename="q1 report.csv"; filename*=UTF-8''q1%20report.csv`,
    );
    expect(contentDisposition("inline", 'naïve "x".txt')).toBe(
      `inline; filename="na_ve _x_.txt"; filename*=UTF-8''na%C3%AFve%20%22x%22.txt`,
    );
    expect(contentDisposition("attachment", "it's (1).txt")).toContain("filename*=UTF-8''it%27s%20%281%29.txt");
  });
  it("never shows active content inline", () => {
    for (const t of [
      "text/html",
      "image/svg+xml",
      "application/xml",
      "text/xml",
      "application/javascript",
      "text/javascript",
      "application/xhtml+xml",
    ]) {
      expect(isInlineSafe(t)).toBe(false);
    }
    expect(isInlineSafe("image/png")).toBe(true);
  });
});

describe("pagination", () => {
  it("round-trips cursors and rejects tampered ones", () => {
    expect(decodeCursor(encodeCursor("abc"), "string")).toBe("abc");
    expect(decodeCursor(encodeCursor(7), "number")).toBe(7);
    expect(() => decodeCursor(encodeCursor(7), "string")).toThrow(/cursor/);
    expect(() => decodeCursor("not base64 at all!", "string")).toThrow(/cursor/);
    expect(() => decodeCursor(Buffer.from("{").toString("base64url"), "string")).toThrow(/cursor/);
  });
  it("bounds limit", () => {
    expect(parseLimit(undefined)).toBe(50);
    expect(parseLimit("200")).toBe(200);
    for (const bad of ["0", "201", "-1", "1.5", "abc", ""]) expect(() => parseLimit(bad)).toThrow(/limit/);
  });
});

describe("fields", () => {
  it("accepts only non-negative int32 versions", () => {
    expect(parseVersionNumber("0")).toBe(0);
    expect(parseVersionNumber("2147483647")).toBe(2147483647);
    for (const bad of ["-1", "2147483648", "1e3", "01x", "", "99999999999"]) expect(() => parseVersionNumber(bad)).toThrow(/version/);
  });
  it("parses tags from JSON or comma lists", () => {
    expect(parseTags('["a","b","a"]')).toEqual(["a", "b"]);
    expect(parseTags("x, y ,z")).toEqual(["x", "y", "z"]);
    expect(() => parseTags("[1]")).toThrow(/string/);
    expect(() => parseTags("bad tag")).toThrow(/invalid tag/);
    expect(() => parseTags("[oops")).toThrow(/JSON/);
  });
  it("requires metadata to be a JSON object", () => {
    expect(parseMetadata('{"a":1}')).toEqual({ a: 1 });
    for (const bad of ["[]", "1", "null", "{", '"x"']) expect(() => parseMetadata(bad)).toThrow(/metadata/);
    expect(() => parseMetadata({ big: "x".repeat(17_000) })).toThrow(/16384/);
  });
  it("requires expiresAt in the future with a zone", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(parseExpiresAt("2026-01-02T00:00:00Z", now).toISOString()).toBe("2026-01-02T00:00:00.000Z");
    expect(() => parseExpiresAt("2025-12-31T00:00:00Z", now)).toThrow(/future/);
    expect(() => parseExpiresAt("tomorrow", now)).toThrow(/ISO 8601/);
    expect(() => parseExpiresAt("2026-01-02T00:00:00", now)).toThrow(/ISO 8601/);
    expect(() => parseExpiresAt("2026-13-45T00:00:00Z", now)).toThrow(/valid/);
  });
  it("normalizes media types", () => {
    expect(normalizeMimeType("Text/CSV; charset=utf-8")).toBe("text/csv");
    expect(normalizeMimeType(undefined)).toBe("");
    expect(normalizeMimeType("nonsense")).toBe("");
  });
  it("guesses a type from the file name only when the client sent none", () => {
    expect(resolveMimeType("", "q1.CSV")).toBe("text/csv");
    expect(resolveMimeType("application/octet-stream", "page.html")).toBe("text/html");
    expect(resolveMimeType("application/x-www-form-urlencoded", "notes.md")).toBe("text/markdown");
    expect(resolveMimeType("", "README")).toBe("application/octet-stream");
    expect(resolveMimeType("text/plain", "data.json")).toBe("text/plain");
  });
});
