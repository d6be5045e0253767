import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createTestBucket, s3ServerEnv } from "../test/support/test-s3.ts";
import { makeTempDir, runMain, MiB } from "./support/common.ts";
import { uploadFile } from "./support/http-client.ts";
import { startS3 } from "./support/s3-server.ts";
import { newAdminKey, startStowage } from "./support/servers.ts";
function threads(pid: number) {
  const out = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const st = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const comm = st.slice(st.indexOf("(") + 1, st.lastIndexOf(")"));
      const f = st.slice(st.lastIndexOf(")") + 2).split(" ");
      out.set(comm, (out.get(comm) ?? 0) + (Number(f[11]) + Number(f[12])) / 100);
    } catch {}
  }
  return out;
}
runMain("t", async () => {
  const tmp = makeTempDir("s3b-thr-");
  const src = path.join(tmp, "src"); writeFileSync(src, randomBytes(256 * MiB));
  const s3 = await startS3(); const { bucket } = await createTestBucket(s3);
  const key = newAdminKey();
  const st = await startStowage(path.join(tmp, "st"), key, { ...s3ServerEnv(s3, bucket), ARTIFACT_MAX_SIZE_MB: "4096" });
  const url = `${st.baseUrl}/api/v1/artifacts?namespace=agent:admin&name=big.bin`;
  await uploadFile(url, src, 256 * MiB, { Authorization: `Bearer ${key}` });
  const before = threads(st.pid);
  let secs = 0;
  for (let i = 0; i < 3; i++) { const t = await uploadFile(url, src, 256 * MiB, { Authorization: `Bearer ${key}` }); secs += t.seconds; console.log(t.status, (256 * MiB / 1e6 / t.seconds).toFixed(0), "MB/s"); }
  const after = threads(st.pid);
  for (const [k, v] of after) { const d = v - (before.get(k) ?? 0); if (d > 0.05) console.log(k.padEnd(20), (d / 0.75).toFixed(2), "s/GiB"); }
}, 300);
