/**
 * The typed tokens (`tailwind.config.ts`) and the stylesheet's contrast-checked variables are the
 * same values, and the stylesheet loads the config: tools and charts that import the tokens see
 * exactly what the page shows.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import config, { chartPalette, colorTokens, fontStacks, providerColors, radius } from "@/tailwind.config";
import { providerIds } from "@/lib/model/constants";

const css = fs.readFileSync(path.join(process.cwd(), "app/globals.css"), "utf8");

/** The custom properties declared in the rule for `selector` (`:root` or `.dark`). */
function variables(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  const body = css.slice(start, css.indexOf("}", start));
  return Object.fromEntries(
    [...body.matchAll(/--([a-z0-9-]+):\s*([^;]+);/g)].map((match) => [match[1], match[2]]),
  );
}

describe("design tokens", () => {
  it("are loaded by the stylesheet with @config", () => {
    expect(css).toMatch(/@config "\.\.\/tailwind\.config\.ts";/);
  });

  it.each(["light", "dark"] as const)("mirror every %s colour variable of the stylesheet", (theme) => {
    const declared = variables(theme === "light" ? ":root" : ".dark");
    delete declared.radius;
    expect(colorTokens[theme]).toEqual(declared);
  });

  it("mirror the radius, and give utilities the theme's variables", () => {
    expect(variables(":root").radius).toBe(radius);
    const colors = config.theme.extend.colors as Record<string, unknown>;
    for (const token of Object.keys(colorTokens.light).filter((name) => !name.startsWith("chart-")))
      expect(colors[token], token).toBe(`var(--${token})`);
    expect(config.theme.extend.fontFamily.sans).toEqual([...fontStacks.sans]);
  });

  it("give every provider a colour and charts five per theme", () => {
    expect(Object.keys(providerColors).sort()).toEqual([...providerIds].sort());
    expect(chartPalette.light).toEqual([1, 2, 3, 4, 5].map((n) => variables(":root")[`chart-${n}`]));
    expect(chartPalette.dark).toHaveLength(5);
  });
});
