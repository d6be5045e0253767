import { describe, expect, it } from "vitest";
import { normalizeArtifactName, normalizeClientId } from "@/lib/artifacts/artifact-name";
import { StowageError } from "@/lib/errors";

const rejects = (input: unknown) => {
  try {
    normalizeArtifactName(input);
  } catch (error) {
    expect(error).toBeInstanceOf(StowageError);
    expect((error as StowageError).code).toBe("ARTIFACT_VALIDATION_FAILED");
    return (error as StowageError).message;
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
};

describe("artifact names", () => {
  it("accepts folder-style names and returns them in NFC", () => {
    expect(normalizeArtifactName("reports/q1.csv")).toBe("reports/q1.csv");
    expect(normalizeArtifactName("a/b/c/d.txt")).toBe("a/b/c/d.txt");
    expect(normalizeArtifactName("e\u0301t\u00e9.md")).toBe("\u00e9t\u00e9.md");
    expect(normalizeArtifactName("..hidden/file..txt")).toBe("..hidden/file..txt");
    expect(normalizeArtifactName("ü".repeat(127))).toHaveLength(127);
  });

  it.each([
    ["", "empty"],
    ["/abs.txt", "leading slash"],
    ["a//b", "empty segment"],
    ["a/", "trailing slash"],
    ["./a", "dot segment"],
    ["a/../b", "dot-dot segment"],
    ["..", "dot-dot alone"],
    ["a\\b", "backslash"],
    ["a\u0000b", "NUL"],
    ["a\nb", "newline"],
    ["a\u007fb", "DEL"],
    ["a\u009bb", "C1 control"],
    ["x".repeat(256), "segment over 255 bytes"],
    ["é".repeat(128), "segment over 255 bytes in UTF-8"],
    [Array.from({ length: 5 }, () => "y".repeat(250)).join("/"), "name over 1024 bytes"],
  ])("rejects %j (%s)", (input) => {
    expect(rejects(input)).toMatch(/name/);
  });

  it("rejects non-strings", () => {
    rejects(undefined);
    rejects(42);
  });

  it("validates client ids for sessions and runs", () => {
    expect(normalizeClientId("run 2026-11-21 #3", "runId")).toBe("run 2026-11-21 #3");
    expect(() => normalizeClientId("", "runId")).toThrow(/runId/);
    expect(() => normalizeClientId("a\tb", "runId")).toThrow(/control/);
    expect(() => normalizeClientId("x".repeat(256), "sessionId")).toThrow(/255/);
  });
});
