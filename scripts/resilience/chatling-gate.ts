/**
 * Paces everything the suite sends through Parley that reaches Chatling, so Parley's own
 * enforcement of Chatling's budget (300 calls a minute per key, answered as "rate limited") does
 * not turn a load or fault check into a budget test. Estimates are taken before each request and
 * reconciled with the simulator's real counter twice a second (retries, pages not foreseen).
 */
import { CallBudget, CounterReconciler } from "@/bench/lib/call-budget";
import { requestCounts } from "@/bench/lib/simulator-admin";

/** Below Parley's 300, for calls this suite cannot foresee (health checks, chatbot lookups). */
const GATE_LIMIT = 240;
const WINDOW_MS = 61_000;
const SAMPLE_MS = 500;

/** One gate per run, shared by every request that reaches Chatling. */
export class ChatlingGate {
  private readonly budget = new CallBudget({ limit: GATE_LIMIT, windowMs: WINDOW_MS });
  private readonly reconciler = new CounterReconciler(this.budget);
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly simulatorUrl: string) {}

  start(): void {
    const sample = async () => {
      try {
        this.reconciler.observe((await requestCounts(this.simulatorUrl)).chatling);
      } catch {
        // the simulator is down on purpose (restart scenario): nothing reaches Chatling then
      }
    };
    void sample();
    this.timer = setInterval(() => void sample(), SAMPLE_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Waits for room for `calls` Chatling calls and accounts for them. */
  async pass(calls: number): Promise<void> {
    if (calls <= 0) return;
    await this.budget.take(calls, 3 * 60_000);
    this.reconciler.taken(calls);
  }

  used(): number {
    return this.budget.used();
  }
}

/** Estimated Chatling calls per Parley request (3 chatbots; the chatbot itself is cached). */
export const chatlingCost = {
  /** A list touching the Chatling connection: one page per chatbot. */
  list: 4,
  /** A thread's first page: the conversation, its contact, message page 1 and the last page. */
  thread: 5,
  /** A PATCH: the conversation and its contact (to read the state before), then the PATCH. */
  moderation: 4,
} as const;
