/**
 * What every bench section shares: the running simulator, Parley and direct relay, the staff
 * session, the discovered data, the Chatling call budget, and the helpers that run a load against
 * Parley or straight at the simulator and count the wire calls Parley makes per API call.
 */
import type { ProviderId } from "@/lib/model/conversation";
import type { CallBudget } from "./call-budget";
import { wireRequestCount, type DirectPlan, type Discovery } from "./direct-plans";
import { runLoad, type LoadOptions, type LoadResult } from "./load";
import type { ParleyApi, ProviderConnections } from "./parley-api";
import type { ResultRow } from "./report";
import { requestCounts } from "./simulator-admin";
import type { ParleyHandle, SimulatorHandle } from "./stack";

/** Durations and concurrency, from the environment. */
export interface BenchSettings {
  /** Seconds of each closed-loop measurement. */
  durationSeconds: number;
  /** Seconds of each paced (Chatling) measurement. */
  pacedSeconds: number;
  connections: number;
}

/** Shared by every section of one run. */
export interface BenchContext {
  root: string;
  settings: BenchSettings;
  simulator: SimulatorHandle;
  parley: ParleyHandle;
  relayUrl: string;
  cookie: string;
  api: ParleyApi;
  connections: ProviderConnections;
  discovery: Discovery;
  /** Parley's own calls to Chatling, kept under Chatling's 300 a minute. */
  chatlingBudget: CallBudget;
  rows: ResultRow[];
  /** Raw measurements by name, written to latest.json. */
  raw: Record<string, unknown>;
  log(line: string): void;
}

/** Wire calls per provider, counted by the simulator. */
export type WireCalls = Record<ProviderId, number>;

/** Wire calls per provider made while `action` ran (the simulator's counters before and after). */
export async function wireCallsDuring(
  context: BenchContext,
  action: () => Promise<unknown>,
): Promise<WireCalls> {
  const before = await requestCounts(context.simulator.url);
  await action();
  const after = await requestCounts(context.simulator.url);
  return {
    sigmamind: after.sigmamind - before.sigmamind,
    cozmox: after.cozmox - before.cozmox,
    zaia: after.zaia - before.zaia,
    chatling: after.chatling - before.chatling,
  };
}

/**
 * Waits until the simulator has received no request for a second: Parley keeps working on
 * requests a load generator already gave up on, and that backlog must not leak into the next run.
 */
export async function settle(context: BenchContext, limitMs = 60_000): Promise<void> {
  const started = Date.now();
  let previous = -1;
  while (Date.now() - started < limitMs) {
    const counts = await requestCounts(context.simulator.url);
    const total = counts.sigmamind + counts.cozmox + counts.zaia + counts.chatling;
    if (total === previous) return;
    previous = total;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  context.log(`  (the simulator was still receiving requests after ${Math.round(limitMs / 1000)} s)`);
}

/** Wire calls Parley makes for one GET of `path` (measured on a second, warm call). */
export async function parleyWireCalls(context: BenchContext, path: string): Promise<WireCalls> {
  const call = async () => {
    const answer = await context.api.call("GET", path);
    if (answer.status !== 200)
      throw new Error(`GET ${path} answered ${answer.status}: ${answer.text.slice(0, 200)}`);
  };
  await settle(context);
  await call();
  const calls = await wireCallsDuring(context, call);
  context.chatlingBudget.record(2 * calls.chatling);
  return calls;
}

/** All wire calls, whatever the provider. */
export const totalCalls = (calls: WireCalls) => calls.sigmamind + calls.cozmox + calls.zaia + calls.chatling;

/** A list answer with a "failed" notice is a fast wrong answer, not a measurement. */
export const noFailedNotice = (body: string) => !body.includes('"kind":"failed"');

/** A load on one of Parley's routes (relative path). */
export interface ParleyLoadOptions extends Omit<LoadOptions, "url" | "headers"> {
  path: string;
  /** Chatling calls each request makes; such runs wait for room in Chatling's budget. */
  chatlingCallsPerRequest?: number;
}

/** Load on Parley's API with the staff session, inside Chatling's budget when it touches Chatling. */
export async function parleyLoad(context: BenchContext, options: ParleyLoadOptions): Promise<LoadResult> {
  const { path, chatlingCallsPerRequest = 0, ...load } = options;
  const url = `${context.parley.url}${path}`;
  const headers = { cookie: context.cookie };
  await settle(context);
  if (chatlingCallsPerRequest === 0) return runLoad({ ...load, url, headers });
  const requests =
    load.amount ?? (load.overallRate ?? 1) * (load.durationSeconds ?? context.settings.pacedSeconds);
  const estimate = Math.ceil(requests * chatlingCallsPerRequest * 1.1);
  const waited = await context.chatlingBudget.take(estimate);
  if (waited > 1_000) context.log(`  (waited ${Math.round(waited / 1000)} s for room in Chatling's budget)`);
  const before = await requestCounts(context.simulator.url);
  const result = await runLoad({ ...load, url, headers });
  const after = await requestCounts(context.simulator.url);
  context.chatlingBudget.record(after.chatling - before.chatling - estimate);
  return result;
}

/** Load straight at the simulator (one wire request) or through the direct relay (several). */
export async function directLoad(
  context: BenchContext,
  plan: DirectPlan,
  load: Omit<LoadOptions, "url" | "headers">,
): Promise<LoadResult> {
  await settle(context);
  const first = plan.stages[0];
  const only = plan.stages.length === 1 && first?.length === 1 ? first[0] : undefined;
  if (only) return runLoad({ ...load, url: `${context.simulator.url}${only.path}`, headers: only.headers });
  return runLoad({ ...load, url: `${context.relayUrl}/plan/${plan.name}` });
}

/** A direct plan in words, for the progress lines. */
export function describePlan(plan: DirectPlan): string {
  const count = wireRequestCount(plan);
  if (count === 1) return "1 wire request";
  return `${count} wire requests in ${plan.stages.length} step${plan.stages.length > 1 ? "s" : ""} (via the direct relay)`;
}
