import { writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createTestBucket, s3ServerEnv } from "../test/support/test-s3.ts";
import { makeTempDir, runMain, readCpu } from "./support/common.ts";
import { uploadFile, jsonClient } from "./support/http-client.ts";
import { startS3 } from "./support/s3-server.ts";
import { newAdminKey, startStowage } from "./support/servers.ts";
runMain("t", async () => {
  const tmp = makeTempDir("s3b-url-");
  const src = path.join(tmp, "src"); writeFileSync(src, randomBytes(1024));
  const s3 = await startS3(); const { bucket } = await createTestBucket(s3);
  const key = newAdminKey();
  const st = await startStowage(path.join(tmp, "st"), key, { ...s3ServerEnv(s3, bucket) });
  const auth = { Authorization: `Bearer ${key}` };
  const r = JSON.parse((await uploadFile(`${st.baseUrl}/api/v1/artifacts?namespace=agent:admin&name=s.bin`, src, 1024, auth)).body);
  const c = jsonClient(st.baseUrl, auth);
  for (const p of [`/api/v1/artifacts/${r.artifact.id}/url`, `/api/v1/artifacts/${r.artifact.id}`, `/api/v1/health`, `/api/v1/me`]) {
    for (let i = 0; i < 50; i++) await c.get(p);
    const cpu0 = readCpu(st.pid); const t0 = Date.now(); let n = 0;
    while (Date.now() - t0 < 3000) { const x = await c.get(p); if (x.status !== 200) throw new Error(String(x.status)); n++; }
    const cpu1 = readCpu(st.pid);
    console.log(p.replace(r.artifact.id, "{id}"), n / 3, "req/s", (((cpu1.user + cpu1.system) - (cpu0.user + cpu0.system)) * 1000 / n).toFixed(2), "ms CPU/req");
  }
  c.close();
}, 300);
