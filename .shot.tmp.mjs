import { chromium } from "@playwright/test";
const [,, url, out, role = "admin", width = "1280", height = "800", dark] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
const context = await browser.newContext({ storageState: `/work/main/.reports/storage-${role}.json`, viewport: { width: Number(width), height: Number(height) }, colorScheme: dark ? "dark" : "light" });
const page = await context.newPage();
page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") console.log("console:", m.type(), m.text().slice(0, 300)); });
page.on("response", (r) => { if (r.status() >= 400) console.log("http", r.status(), r.url()); });
page.on("pageerror", (e) => console.log("pageerror:", e.message));
const t = Date.now();
await page.goto("http://127.0.0.1:3200" + url);
try { await page.getByRole("region", { name: "Messages" }).waitFor({ timeout: 60000 }); } catch (e) { console.log("no messages region"); }
await page.waitForTimeout(1500);
console.log("ms", Date.now() - t);
await page.screenshot({ path: out });
await browser.close();
