import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CLIENT_TYPES_FILE, renderClientTypes } from "../../scripts/render-client-types.ts";

describe("the SDK's generated types", () => {
  it("match the API contract (regenerate: node --import ./scripts/register-hooks.mjs scripts/generate-client-types.ts)", async () => {
    const checkedIn = readFileSync(CLIENT_TYPES_FILE, "utf8").split("\n");
    const fromContract = (await renderClientTypes()).split("\n");
    // The first differing line, rather than a diff of a 6,000-line file.
    let line = 0;
    while (line < Math.max(checkedIn.length, fromContract.length) && checkedIn[line] === fromContract[line]) line++;
    if (line < Math.max(checkedIn.length, fromContract.length)) {
      expect.fail(
        `packages/client/src/generated/api-types.ts is behind the contract from line ${line + 1}: ` +
          `checked in ${JSON.stringify(checkedIn[line] ?? "(end of file)")}, ` +
          `from the contract ${JSON.stringify(fromContract[line] ?? "(end of file)")}. Regenerate it.`,
      );
    }
  });
});
