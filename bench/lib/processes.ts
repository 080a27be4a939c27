/**
 * Child processes for the bench and the resilience suite: each in its own process group (so
 * stopping it also stops what it started), its output captured for later checks, and every one
 * stopped when this process ends — normally, on failure or on Ctrl-C.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

/** Output kept per process; older output is dropped (checks only read recent output). */
const MAX_OUTPUT_CHARS = 8_000_000;

/** A child process in its own group, with its output kept. */
export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  /** A position in the output, for `outputSince`. */
  mark(): number;
  /** Output written after `mark` (stdout and stderr interleaved). */
  outputSince(mark: number): string;
  /** Exit code (or signal name) once exited, else null. */
  exitStatus(): string | null;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  /** SIGTERM to the group, SIGKILL after `graceMs`; resolves once it is gone. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL to the group at once (a crash). */
  kill(): Promise<void>;
}

/** How a child starts. */
export interface StartOptions {
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** Echo output lines to this process's stderr with a `[name]` prefix. */
  echo?: boolean;
  /** Also append output to this file. */
  logFile?: string;
}

const running = new Set<ManagedProcess>();

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** Starts `command args` in its own process group, capturing its output. */
export function startProcess(
  name: string,
  command: string,
  args: readonly string[],
  options: StartOptions,
): ManagedProcess {
  const child = spawn(command, args, {
    env: options.env,
    cwd: options.cwd,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid === undefined) throw new Error(`${name} could not be started (${command})`);
  let output = "";
  let dropped = 0;
  const log = options.logFile ? fs.createWriteStream(options.logFile, { flags: "a" }) : null;
  const append = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    output += text;
    if (output.length > MAX_OUTPUT_CHARS) {
      const excess = output.length - MAX_OUTPUT_CHARS / 2;
      output = output.slice(excess);
      dropped += excess;
    }
    log?.write(text);
    if (options.echo)
      for (const line of text.split("\n"))
        if (line.trim() !== "") process.stderr.write(`[${name}] ${line}\n`);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => {
    log?.end();
    running.delete(managed);
  });

  const waitGone = (ms: number) =>
    Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
    ]);

  const managed: ManagedProcess = {
    name,
    pid: child.pid,
    mark: () => dropped + output.length,
    outputSince: (mark) => output.slice(Math.max(0, mark - dropped)),
    exitStatus: () => (child.exitCode !== null ? String(child.exitCode) : child.signalCode),
    exited,
    async stop(graceMs = 5_000) {
      signalGroup(child, "SIGTERM");
      if (await waitGone(graceMs)) return;
      signalGroup(child, "SIGKILL");
      await waitGone(5_000);
    },
    async kill() {
      signalGroup(child, "SIGKILL");
      await waitGone(5_000);
    },
  };
  running.add(managed);
  return managed;
}

/** Stops every process started here that is still running. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((managed) => managed.stop(3_000)));
}

let cleanupRegistered = false;

/**
 * Stops every child on exit, Ctrl-C, SIGTERM and uncaught errors. Signals end this process with
 * 130 (or 143) after the children are gone.
 */
export function stopChildrenOnExit(): void {
  if (cleanupRegistered) return;
  cleanupRegistered = true;
  const killSync = () => {
    for (const managed of running) {
      try {
        process.kill(-managed.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  };
  process.on("exit", killSync);
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.on(signal, () => {
      process.stderr.write(`\n${signal}: stopping everything this run started…\n`);
      void stopAll().finally(() => process.exit(code));
    });
  }
}

/** Whether something already listens on a loopback port. */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Throws, naming the variable to change, when a port is taken. */
export async function assertPortsFree(ports: Record<string, number>): Promise<void> {
  for (const [variable, port] of Object.entries(ports))
    if (await portInUse(port))
      throw new Error(`Port ${port} is in use: stop what listens there or set ${variable} to a free port.`);
}

/**
 * Polls `url` until it answers below 500, the process exits, or `timeoutMs` passes. Returns the
 * milliseconds it took.
 */
export async function waitForHttp(url: string, owner: ManagedProcess, timeoutMs = 120_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const status = owner.exitStatus();
    if (status !== null)
      throw new Error(
        `${owner.name} exited (${status}) before answering ${url}:\n${owner.outputSince(0).slice(-3_000)}`,
      );
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status < 500) return Date.now() - started;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${owner.name} did not answer ${url} within ${Math.round(timeoutMs / 1000)} s`);
}

/** Resident set size of a process in kilobytes (`VmRSS` in /proc/<pid>/status), or null. */
export function residentKilobytes(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
    return match?.[1] ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
