/**
 * Starts the provider simulator and Parley's production server as the README describes them,
 * each as a direct child (the server with the node arguments and environment of `npm start`,
 * scripts/support/server-launch.mjs; the pid is the server itself and its `/proc/<pid>/status` is
 * the server's memory), on loopback ports, with a fresh data directory.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SERVER_ENV, serverArgs } from "../../scripts/support/server-launch.mjs";
import { startProcess, waitForHttp, type ManagedProcess } from "./processes";

/** A running simulator. */
export interface SimulatorHandle {
  process: ManagedProcess;
  url: string;
  port: number;
}

/** A running Parley. */
export interface ParleyHandle {
  process: ManagedProcess;
  url: string;
  port: number;
  dataDir: string;
}

/** Node arguments that run a TypeScript file with tsx in this process's Node. */
export function tsxArgs(script: string): string[] {
  return ["--import", "tsx", script];
}

/** Where and how the simulator starts. */
export interface SimulatorOptions {
  root: string;
  port: number;
  /** Chatling's simulated budget a minute per key (the direct measurements must not hit it). */
  chatlingRateLimit?: number;
  /** `SIMULATOR_SCALE`: serve this many conversations instead of the demo data. */
  scale?: number;
  echo?: boolean;
  name?: string;
}

/** Starts the simulator and waits for its health endpoint. */
export async function startSimulatorProcess(options: SimulatorOptions): Promise<SimulatorHandle> {
  const env: NodeJS.ProcessEnv = { ...process.env, PARLEY_SIMULATOR_PORT: String(options.port) };
  if (options.chatlingRateLimit !== undefined)
    env.SIMULATOR_CHATLING_RATE_LIMIT = String(options.chatlingRateLimit);
  if (options.scale !== undefined) env.SIMULATOR_SCALE = String(options.scale);
  const child = startProcess(
    options.name ?? "simulator",
    process.execPath,
    tsxArgs(path.join(options.root, "simulator", "main.ts")),
    {
      env,
      cwd: options.root,
      echo: options.echo,
    },
  );
  const url = `http://127.0.0.1:${options.port}`;
  await waitForHttp(`${url}/__admin/health`, child, 60_000);
  return { process: child, url, port: options.port };
}

/** Where and how Parley starts. */
export interface ParleyOptions {
  root: string;
  port: number;
  simulatorPort: number;
  /** A fresh temporary directory when omitted. */
  dataDir?: string;
  /** Extra environment (PARLEY_BENCH, DATABASE_URL, timeouts…). */
  env?: Record<string, string>;
  echo?: boolean;
  logFile?: string;
  name?: string;
}

/** A secret for runs that throw their data away (sessions and stored keys die with the run). */
export const THROWAWAY_SECRET = "parley-bench-and-resilience-throwaway-secret-0123456789";

/** Starts Parley's production server (demo mode) and waits for its sign-in page. */
export async function startParleyProcess(options: ParleyOptions): Promise<ParleyHandle> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "parley-run-"));
  const env: NodeJS.ProcessEnv = {
    ...SERVER_ENV,
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(options.port),
    PARLEY_SIMULATOR_PORT: String(options.simulatorPort),
    PARLEY_DATA_DIR: dataDir,
    PARLEY_DEMO: "1",
    PARLEY_SECRET: THROWAWAY_SECRET,
    ...options.env,
  };
  if (!options.env?.DATABASE_URL) delete env.DATABASE_URL;
  const child = startProcess(
    options.name ?? "parley",
    process.execPath,
    serverArgs(path.join(options.root, "dist", "server.mjs")),
    {
      env,
      cwd: options.root,
      echo: options.echo,
      logFile: options.logFile,
    },
  );
  const url = `http://127.0.0.1:${options.port}`;
  // Not `/api/health`: its answer checks each connection with a provider call, which the sync
  // section would count as the backfill's. The sign-in page answers once the server listens.
  await waitForHttp(`${url}/sign-in`, child, 180_000);
  return { process: child, url, port: options.port, dataDir };
}

/** Removes a data directory this run created (never one given by the user). */
export function removeDataDir(dataDir: string): void {
  if (dataDir.startsWith(path.join(os.tmpdir(), "parley-run-")))
    fs.rmSync(dataDir, { recursive: true, force: true });
}
