#!/usr/bin/env node
// `stowage-mcp`: the Stowage MCP server on stdio, for MCP clients that start it as a local process.
import { parseArgs } from "node:util";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { describeError } from "../cli/exit-codes.js";
import { DEFAULT_PROFILE, resolveConnection } from "../cli/profiles.js";
import { Stowage } from "../stowage.js";
import { DEFAULT_RESULT_MAX_KB, limitsFromKb } from "./limits.js";
import { sdkBackend, sdkLocalFiles } from "./sdk-backend.js";
import { createStowageMcpServer } from "./server.js";

const VERSION = "0.1.0";

const HELP = `usage: stowage-mcp [--profile NAME] [--url URL] [--result-max-kb N] [--run ID] [--tool NAME] [--model NAME]

The Stowage MCP server on stdio: the artifact_* tools and every artifact as a stowage:// resource,
working through the SDK with one API key. It reads and writes local files only where a tool is
given a path (artifact_upload path, artifact_read saveTo), relative to its working directory.

  --profile NAME       the stowage CLI profile to use (default "default"; \`stowage login\` makes one)
  --url URL            the server (else STOWAGE_URL, else the profile's)
  --result-max-kb N    most KiB of text one tool result carries (else STOWAGE_MCP_RESULT_MAX_KB; default ${DEFAULT_RESULT_MAX_KB})
  --run ID             the run this server works for (else STOWAGE_RUN_ID): what its tools read is recorded
                       as the run's input, what they upload or append is the run's (a tool's runId wins)
  --tool NAME          the tool its uploads and appends are produced by (else STOWAGE_TOOL)
  --model NAME         the model its uploads and appends are produced by (else STOWAGE_MODEL)

The API key comes from STOWAGE_API_KEY, else the profile. Nothing but the protocol goes to stdout.
`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      profile: { type: "string" },
      url: { type: "string" },
      "result-max-kb": { type: "string" },
      run: { type: "string" },
      tool: { type: "string" },
      model: { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "V" },
    },
    strict: true,
  });
  if (values.help || values.version) {
    process.stdout.write(values.help ? HELP : `${VERSION}\n`);
    return 0;
  }
  const limits = limitsFromKb(values["result-max-kb"] ?? process.env.STOWAGE_MCP_RESULT_MAX_KB);
  const connection = await resolveConnection({
    url: values.url,
    profile: values.profile ?? DEFAULT_PROFILE,
    explicitProfile: values.profile !== undefined,
  });
  // The SDK takes STOWAGE_RUN_ID, STOWAGE_TOOL and STOWAGE_MODEL for what is not given here.
  const stowage = new Stowage({
    url: connection.url,
    ...(connection.apiKey ? { apiKey: connection.apiKey } : {}),
    ...(values.run !== undefined ? { runId: values.run } : {}),
    ...(values.tool !== undefined ? { tool: values.tool } : {}),
    ...(values.model !== undefined ? { model: values.model } : {}),
  });
  const server = createStowageMcpServer(sdkBackend(stowage), {
    files: sdkLocalFiles(stowage, process.cwd()),
    limits,
    version: VERSION,
  });
  const closed = new Promise<void>((resolve) => (server.onclose = resolve));
  await server.connect(new StdioServerTransport());
  process.stdin.once("end", () => void server.close());
  await closed;
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const { message, code } = describeError(error);
    process.stderr.write(`stowage-mcp: ${message} (${code})\n`);
    process.exitCode = 2;
  },
);
