import path from "node:path";
import fs from "node:fs";
import os from "node:os";
import { runLoad } from "./lib/load";
import { demoAccounts, demoConnections, signIn } from "./lib/parley-api";
import { startProcess, stopAll, stopChildrenOnExit, waitForHttp } from "./lib/processes";
import { startSimulatorProcess, THROWAWAY_SECRET } from "./lib/stack";

async function main() {
  stopChildrenOnExit();
  const root = path.resolve(__dirname, "..");
  const sim = await startSimulatorProcess({ root, port: 4590, chatlingRateLimit: 1_000_000 });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-run-"));
  const parley = startProcess("parley", process.execPath, ["--cpu-prof", "--cpu-prof-dir=/tmp/bench-prof", "--import", "tsx", "server.ts"], { cwd: root, env: { ...process.env, NODE_ENV: "production", PORT: "3590", PARLEY_SIMULATOR_PORT: "4590", PARLEY_DATA_DIR: dataDir, PARLEY_DEMO: "1", PARLEY_SECRET: THROWAWAY_SECRET } });
  await waitForHttp("http://127.0.0.1:3590/api/health", parley);
  const cookie = await signIn("http://127.0.0.1:3590", demoAccounts.staff.email, demoAccounts.staff.password);
  const c = await demoConnections("http://127.0.0.1:3590");
  const target = process.argv[2] ?? "zaia";
  const url = `http://127.0.0.1:3590/api/conversations?connection=${c[target as "zaia"]}&limit=25`;
  const r = await runLoad({ title: "prof", url, headers: { cookie }, connections: 10, durationSeconds: 15 });
  console.log(target, "rps", r.requestsPerSecond.toFixed(1), "p50", r.p50, "p99", r.p99, "non2xx", r.non2xx);
  await parley.stop(15000);
  await stopAll();
}
main().catch(async (e) => { console.error(e); await stopAll(); process.exit(1); });
