/**
 * Browser measurements in Chromium (Playwright, the launch flags of `playwright.config.ts`).
 *
 * Times are taken in the page: an init script watches the DOM from the first byte and records
 * `performance.now()` (milliseconds since navigation start) the first time each watched element
 * exists and is rendered, so Playwright's polling adds nothing to them. Every element is then
 * confirmed with role and name locators, the way a user (or a screen reader) finds it.
 */
import zlib from "node:zlib";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import playwrightConfig from "@/playwright.config";

/** CSS forms of the role/name locators confirmed afterwards (in-page code cannot use Playwright's). */
export const watchedSelectors = {
  /** A data row of the conversation table (skeleton rows are aria-hidden). */
  firstRow: 'table tbody tr:not([aria-hidden="true"])',
  /** The list's search box, enabled. */
  searchReady: 'input[type="search"][aria-label="Search conversations"]:not([disabled])',
  /** A message in the thread's "Messages" region. */
  firstMessage: '[role="region"][aria-label="Messages"] article',
  /** The minimal page's heading. */
  heading: "main h1",
} as const;
type WatchName = keyof typeof watchedSelectors;

declare global {
  interface Window {
    __benchFirstSeen?: Partial<Record<string, number>>;
    __benchClickAndWait?: (button: Element, selector: string, limitMs: number) => Promise<number>;
  }
}

/**
 * The in-page watcher (and a click-and-wait helper), as plain JavaScript text: functions handed to
 * Playwright are serialised from their source, and the TypeScript loader adds helpers to named
 * functions that do not exist in the page.
 */
function watcherScript(selectors: Record<string, string>): string {
  return `(() => {
    const selectors = ${JSON.stringify(selectors)};
    const seen = {};
    window.__benchFirstSeen = seen;
    const check = () => {
      for (const [name, selector] of Object.entries(selectors)) {
        if (seen[name] !== undefined) continue;
        const element = document.querySelector(selector);
        if (element && element.getClientRects().length > 0) seen[name] = performance.now();
      }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
    document.addEventListener("DOMContentLoaded", check);
    // Clicks a button, then resolves with the milliseconds until \`selector\` is rendered.
    window.__benchClickAndWait = (button, selector, limitMs) => new Promise((resolve, reject) => {
      const started = performance.now();
      const observer = new MutationObserver(() => {
        const found = document.querySelector(selector);
        if (found && found.getClientRects().length > 0) {
          observer.disconnect();
          clearTimeout(timer);
          resolve(performance.now() - started);
        }
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error("the element did not show within " + limitMs + " ms"));
      }, limitMs);
      observer.observe(document, { childList: true, subtree: true, attributes: true });
      button.click();
    });
  })();`;
}

/** Chromium with one signed-in context; `close` ends the browser. */
export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  baseUrl: string;
  close(): Promise<void>;
}

/** Launches Chromium and signs a context in through the API (its cookies are the browser's). */
export async function openBrowser(
  baseUrl: string,
  account: { email: string; password: string },
): Promise<BrowserSession> {
  const browser = await chromium.launch({ ...playwrightConfig.use?.launchOptions, headless: true });
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ content: watcherScript({ ...watchedSelectors }) });
  const signIn = await context.request.post("/api/auth/sign-in/email", {
    data: account,
    headers: { origin: baseUrl },
  });
  if (signIn.status() !== 200)
    throw new Error(`browser sign-in answered ${signIn.status()}: ${(await signIn.text()).slice(0, 200)}`);
  return { browser, context, baseUrl, close: () => browser.close() };
}

async function firstSeen(page: Page, name: WatchName, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction((key) => window.__benchFirstSeen?.[key], name, {
    timeout: timeoutMs,
  });
  const value: unknown = await handle.jsonValue();
  if (typeof value !== "number") throw new Error(`no time recorded for ${name}`);
  return value;
}

/** Milliseconds from navigation start. */
export interface ListPageTiming {
  firstRowMs: number;
  interactiveMs: number;
}

/** Navigation to the first table row, and to "interactive": a row shown and the search box usable. */
export async function measureListPage(
  session: BrowserSession,
  path: string,
  timeoutMs = 30_000,
): Promise<ListPageTiming> {
  const page = await session.context.newPage();
  try {
    await page.goto(path, { waitUntil: "commit" });
    const firstRowMs = await firstSeen(page, "firstRow", timeoutMs);
    const searchMs = await firstSeen(page, "searchReady", timeoutMs);
    const row = page
      .getByRole("row")
      .filter({ has: page.getByRole("cell") })
      .first();
    await row.waitFor({ state: "visible", timeout: timeoutMs });
    const search = page.getByRole("searchbox", { name: "Search conversations" });
    await search.focus({ timeout: timeoutMs });
    const focused = await search.evaluate((element) => element === document.activeElement);
    if (!focused) throw new Error("the search box did not take focus");
    return { firstRowMs, interactiveMs: Math.max(firstRowMs, searchMs) };
  } finally {
    await page.close();
  }
}

/** Navigation to the minimal page's heading (the baseline for page timings). */
export async function measureMinimalPage(
  session: BrowserSession,
  path: string,
  timeoutMs = 30_000,
): Promise<number> {
  const page = await session.context.newPage();
  try {
    await page.goto(path, { waitUntil: "commit" });
    const ms = await firstSeen(page, "heading", timeoutMs);
    await page.getByRole("heading", { level: 1 }).waitFor({ state: "visible", timeout: timeoutMs });
    return ms;
  } finally {
    await page.close();
  }
}

/** The JavaScript a page loads. */
export interface ScriptBytes {
  scripts: number;
  rawBytes: number;
  /** Each script compressed with gzip (level 6, as servers commonly send it), summed. */
  gzipBytes: number;
}

/**
 * The JavaScript a page loads: every `<script src>` (not `noModule`) once the page is ready,
 * fetched again and gzip-compressed here so the number does not depend on the server's settings.
 */
export async function measureScriptBytes(
  session: BrowserSession,
  path: string,
  ready: WatchName,
  timeoutMs = 30_000,
): Promise<ScriptBytes> {
  const page = await session.context.newPage();
  try {
    await page.goto(path, { waitUntil: "load" });
    await firstSeen(page, ready, timeoutMs);
    await page.waitForLoadState("networkidle", { timeout: timeoutMs }).catch(() => undefined);
    const sources = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLScriptElement>("script[src]")]
        .filter((script) => !script.noModule)
        .map((script) => script.src),
    );
    let rawBytes = 0;
    let gzipBytes = 0;
    for (const source of new Set(sources)) {
      const response = await session.context.request.get(source);
      const body = await response.body();
      rawBytes += body.length;
      gzipBytes += zlib.gzipSync(body, { level: 6 }).length;
    }
    return { scripts: new Set(sources).size, rawBytes, gzipBytes };
  } finally {
    await page.close();
  }
}

/** A thread page's timings and DOM size. */
export interface ThreadTiming {
  firstMessageMs: number;
  /** Elements inside the "Messages" region once the thread shows. */
  domNodesOpened: number;
  /** From the click on "Jump to last" to the last message shown. */
  lastMessageMs: number;
  /** Elements inside the region at the last message. */
  domNodesAtLast: number;
}

/** Opens a thread page, counts its DOM, then jumps to the last message (`total` of them). */
export async function measureThread(
  session: BrowserSession,
  path: string,
  total: number,
  timeoutMs = 120_000,
): Promise<ThreadTiming> {
  const page = await session.context.newPage();
  try {
    await page.goto(path, { waitUntil: "commit" });
    const firstMessageMs = await firstSeen(page, "firstMessage", timeoutMs);
    const region = page.getByRole("region", { name: "Messages" });
    await region.getByRole("article").first().waitFor({ state: "visible", timeout: timeoutMs });
    await page.waitForTimeout(500);
    const countNodes = () => region.evaluate((element) => element.querySelectorAll("*").length);
    const domNodesOpened = await countNodes();

    const jump = page.getByRole("button", { name: "Jump to last" });
    await jump.waitFor({ state: "visible", timeout: timeoutMs });
    const button = await jump.elementHandle();
    if (!button) throw new Error("no Jump to last button");
    const lastSelector = `${watchedSelectors.firstMessage}[aria-label$=", message ${total}"]`;
    const lastMessageMs = await page.evaluate(
      ([element, selector, limitMs]) => window.__benchClickAndWait?.(element, selector, limitMs),
      [button, lastSelector, timeoutMs] as const,
    );
    if (typeof lastMessageMs !== "number") throw new Error("no time recorded for the last message");
    const last = region.getByRole("article", { name: new RegExp(`, message ${total}$`) });
    await last.waitFor({ state: "visible", timeout: timeoutMs });
    await page.waitForTimeout(300);
    return { firstMessageMs, domNodesOpened, lastMessageMs, domNodesAtLast: await countNodes() };
  } finally {
    await page.close();
  }
}
