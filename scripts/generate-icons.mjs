#!/usr/bin/env node
/**
 * Draws the app's icons from `public/icon.svg` (the source; edit that, then run
 * `node scripts/generate-icons.mjs`): PNGs rendered by the Chromium the end-to-end tests use, and
 * `favicon.ico` as an ICO that holds PNG images (16, 32 and 48 px), which every browser reads.
 *
 * - `favicon.ico`, `icon-192.png`, `icon-512.png`: the rounded icon on a transparent ground;
 * - `apple-touch-icon.png` (180 px) and `icon-maskable-512.png`: full-bleed squares, because iOS
 *   and Android cut their own shape (and iOS paints transparency black). The maskable one keeps
 *   the drawing inside the central 80 % safe zone.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const publicDir = path.join(process.cwd(), "public");
const source = fs.readFileSync(path.join(publicDir, "icon.svg"), "utf8");
/** The same drawing without rounded corners, and with the glyph shrunk into a safe zone. */
const fullBleed = source.replace('rx="14"', 'rx="0"');
const maskable = fullBleed.replace("translate(11 11) scale(1.75)", "translate(16.4 16.4) scale(1.3)");

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const page = await browser.newPage();

async function render(svg, size) {
  await page.setViewportSize({ width: size, height: size });
  const inline = svg.replace("<svg ", `<svg width="${size}" height="${size}" `);
  await page.setContent(`<html><body style="margin:0;background:transparent">${inline}</body></html>`);
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

/** An ICO file whose images are PNGs (allowed since Windows Vista, read by every browser). */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

const write = (name, data) => fs.writeFileSync(path.join(publicDir, name), data);
const favicon = [];
for (const size of [16, 32, 48]) favicon.push({ size, png: await render(source, size) });
write("favicon.ico", ico(favicon));
write("icon-192.png", await render(source, 192));
write("icon-512.png", await render(source, 512));
write("apple-touch-icon.png", await render(fullBleed, 180));
write("icon-maskable-512.png", await render(maskable, 512));
await browser.close();
console.log("Icons written to public/.");
