import { describe, expect, it } from "vitest";
import { versionChoice } from "../../packages/client/src/cli/args.ts";
import { describeError, EXIT } from "../../packages/client/src/cli/exit-codes.ts";
import { StowageError } from "../../packages/client/src/errors.ts";
import { ToolInputError, versionRefOf } from "../../packages/client/src/mcp/tool-kit.ts";

describe("the client's version-or-alias options", () => {
  it("the CLI takes --version N or --alias NAME, never both", () => {
    expect(versionChoice({})).toEqual({});
    expect(versionChoice({ version: "0" })).toEqual({ version: 0 });
    expect(versionChoice({ alias: "production" })).toEqual({ alias: "production" });
    expect(() => versionChoice({ version: "1", alias: "production" })).toThrow(/--version or --alias, not both/);
    expect(() => versionChoice({ version: "x" })).toThrow(/--version must be an integer/);
  });

  it("the MCP tools take version or alias as one reference, never both", () => {
    expect(versionRefOf({})).toBeUndefined();
    expect(versionRefOf({ version: 3 })).toBe(3);
    expect(versionRefOf({ alias: "best" })).toEqual({ alias: "best" });
    const both = (() => {
      try {
        versionRefOf({ version: 0, alias: "first" }, "fromAlias");
      } catch (error) {
        return error;
      }
    })();
    expect(both).toBeInstanceOf(ToolInputError);
    expect((both as ToolInputError).details).toEqual({ field: "fromAlias" });
  });

  it("ARTIFACT_VERSION_PROTECTED exits as a conflict (5)", () => {
    const error = new StowageError("ARTIFACT_VERSION_PROTECTED", "protected by alias production", { status: 409 });
    expect(describeError(error)).toEqual({
      message: "protected by alias production",
      code: "ARTIFACT_VERSION_PROTECTED",
      exitCode: EXIT.conflict,
    });
  });
});
