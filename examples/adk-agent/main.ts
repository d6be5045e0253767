// An ADK agent whose artifacts live in Stowage. A scripted model stands in for Gemini, so it
// runs without a model key: it asks for the save_report tool (which saves through the tool
// context), then for ADK's built-in load_artifacts tool, and answers from what was loaded.
//
//   STOWAGE_URL=http://localhost:3000 STOWAGE_API_KEY=stw_… npm run example:adk
//
// STOWAGE_NAMESPACE picks the namespace (default: the key's own agent:<identity>).
import {
  BaseLlm,
  FunctionTool,
  InMemorySessionService,
  LlmAgent,
  LOAD_ARTIFACTS,
  Runner,
  type Context,
  type LlmRequest,
  type LlmResponse,
} from "@google/adk";
import { Type } from "@google/genai";
import { StowageArtifactService } from "@stowage/client/adk";

const APP_NAME = "stowage-example";
const USER_ID = "demo-user";
const REPORT = "reports/summary.md";

/** A model that answers from a script, one step per call, instead of calling Gemini. */
class ScriptedModel extends BaseLlm {
  #step = 0;

  constructor(private readonly steps: ((request: LlmRequest) => LlmResponse)[]) {
    super({ model: "scripted" });
  }

  async *generateContentAsync(request: LlmRequest): AsyncGenerator<LlmResponse, void> {
    const step = this.steps[this.#step++];
    if (!step) throw new Error("the script has no more steps");
    yield step(request);
  }

  async connect(): Promise<never> {
    throw new Error("ScriptedModel does not stream live");
  }
}

const call = (name: string, args: Record<string, unknown>): LlmResponse => ({
  content: { role: "model", parts: [{ functionCall: { name, args } }] },
});

const saveReport = new FunctionTool({
  name: "save_report",
  description: "Saves a Markdown report as an artifact and remembers the user's preferred format.",
  parameters: {
    type: Type.OBJECT,
    properties: { title: { type: Type.STRING }, body: { type: Type.STRING } },
    required: ["title", "body"],
  },
  execute: async (input, context?: Context) => {
    const { title, body } = input as { title: string; body: string };
    const version = await context!.saveArtifact(REPORT, { text: `# ${title}\n\n${body}\n` });
    // user: names are shared by all of this user's sessions.
    const prefs = Buffer.from(JSON.stringify({ format: "markdown" })).toString("base64");
    await context!.saveArtifact("user:preferences.json", { inlineData: { data: prefs, mimeType: "application/json" } });
    return { saved: REPORT, version };
  },
});

const model = new ScriptedModel([
  () => call("save_report", { title: "Weekly summary", body: "Stowage kept every version." }),
  () => call("load_artifacts", { artifact_names: [REPORT] }),
  (request) => {
    // load_artifacts put the report's text into this request: answer with its first line.
    const loaded = request.contents.flatMap((c) => c.parts ?? []).find((p) => p.text?.startsWith("# "));
    return { content: { role: "model", parts: [{ text: `The report says: ${loaded?.text?.split("\n")[0] ?? "(nothing loaded)"}` }] } };
  },
]);

const agent = new LlmAgent({
  name: "reporter",
  model,
  instruction: "Write reports with save_report and read them back with load_artifacts.",
  tools: [saveReport, LOAD_ARTIFACTS],
});

const artifactService = new StowageArtifactService({ namespace: process.env.STOWAGE_NAMESPACE || undefined });
const sessionService = new InMemorySessionService();
const runner = new Runner({ appName: APP_NAME, agent, sessionService, artifactService });
const session = await sessionService.createSession({ appName: APP_NAME, userId: USER_ID });

for await (const event of runner.runAsync({
  userId: USER_ID,
  sessionId: session.id,
  newMessage: { role: "user", parts: [{ text: "Write this week's summary and read it back to me." }] },
})) {
  for (const part of event.content?.parts ?? []) {
    if (part.functionCall) console.log(`${event.author} calls ${part.functionCall.name}(${JSON.stringify(part.functionCall.args)})`);
    else if (part.functionResponse) console.log(`${part.functionResponse.name} answered ${JSON.stringify(part.functionResponse.response)}`);
    else if (part.text) console.log(`${event.author}: ${part.text}`);
  }
}

const key = { appName: APP_NAME, userId: USER_ID, sessionId: session.id };
console.log(`\nIn Stowage namespace ${await artifactService.namespace()}, session ${APP_NAME}/${USER_ID}/${session.id}:`);
for (const filename of await artifactService.listArtifactKeys(key)) {
  const versions = await artifactService.listArtifactVersions({ ...key, filename });
  console.log(`  ${filename}  v${versions.at(-1)?.version}  ${versions.at(-1)?.canonicalUri}`);
}
