/**
 * Parley's design tokens, typed, in one module: the colours of both themes, the radius, the font
 * stacks, the provider colours and the chart palette. Tailwind loads it from the stylesheet
 * (`@config "../tailwind.config.ts"` in `app/globals.css`, Tailwind 4's way to read a JS config),
 * and anything else that draws (charts, generated images, documentation) imports the same values:
 *
 *   import { chartPalette, colorTokens, providerColors } from "@/tailwind.config";
 *
 * The stylesheet keeps the colour variables themselves (`:root` and `.dark`), because that is
 * where their contrast is checked (see the contract at the top of `app/globals.css`) and where the
 * dark theme swaps them. `colorTokens` mirrors them value for value, and
 * `components/theme/theme-tokens.test.ts` fails when the two differ, so neither can drift.
 * Utilities refer to the variables (`bg-primary` is `var(--primary)`), so one class follows the
 * theme; `providerColors` are the same in both themes (white text on each reaches 4.5:1).
 */
import type { Config } from "tailwindcss";
import type { ProviderId } from "./lib/model/constants";

/** The colour variables of `app/globals.css`, light (`:root`) and dark (`.dark`). */
export const colorTokens = {
  light: {
    background: "oklch(1 0 0)",
    foreground: "oklch(0.141 0.005 285.823)",
    card: "oklch(1 0 0)",
    "card-foreground": "oklch(0.141 0.005 285.823)",
    popover: "oklch(1 0 0)",
    "popover-foreground": "oklch(0.141 0.005 285.823)",
    primary: "oklch(0.488 0.217 264.376)",
    "primary-foreground": "oklch(0.985 0 0)",
    secondary: "oklch(0.967 0.001 286.375)",
    "secondary-foreground": "oklch(0.21 0.006 285.885)",
    muted: "oklch(0.967 0.001 286.375)",
    "muted-foreground": "oklch(0.5 0.016 285.938)",
    accent: "oklch(0.94 0.01 264)",
    "accent-foreground": "oklch(0.21 0.006 285.885)",
    destructive: "oklch(0.53 0.22 27.325)",
    "destructive-foreground": "oklch(0.985 0 0)",
    success: "oklch(0.47 0.12 150)",
    "success-foreground": "oklch(0.985 0 0)",
    warning: "oklch(0.49 0.13 55)",
    "warning-foreground": "oklch(0.985 0 0)",
    border: "oklch(0.92 0.004 286.32)",
    input: "oklch(0.64 0.015 286.067)",
    ring: "oklch(0.546 0.245 262.881)",
    "chart-1": "oklch(0.546 0.245 262.881)",
    "chart-2": "oklch(0.6 0.118 184.704)",
    "chart-3": "oklch(0.646 0.222 41.116)",
    "chart-4": "oklch(0.558 0.288 302.321)",
    "chart-5": "oklch(0.769 0.188 70.08)",
    sidebar: "oklch(0.985 0 0)",
    "sidebar-foreground": "oklch(0.141 0.005 285.823)",
    "sidebar-primary": "oklch(0.488 0.217 264.376)",
    "sidebar-primary-foreground": "oklch(0.985 0 0)",
    "sidebar-accent": "oklch(0.94 0.01 264)",
    "sidebar-accent-foreground": "oklch(0.21 0.006 285.885)",
    "sidebar-border": "oklch(0.92 0.004 286.32)",
    "sidebar-ring": "oklch(0.546 0.245 262.881)",
  },
  dark: {
    background: "oklch(0.141 0.005 285.823)",
    foreground: "oklch(0.985 0 0)",
    card: "oklch(0.21 0.006 285.885)",
    "card-foreground": "oklch(0.985 0 0)",
    popover: "oklch(0.21 0.006 285.885)",
    "popover-foreground": "oklch(0.985 0 0)",
    primary: "oklch(0.707 0.165 254.624)",
    "primary-foreground": "oklch(0.141 0.005 285.823)",
    secondary: "oklch(0.274 0.006 286.033)",
    "secondary-foreground": "oklch(0.985 0 0)",
    muted: "oklch(0.274 0.006 286.033)",
    "muted-foreground": "oklch(0.72 0.015 286.067)",
    accent: "oklch(0.3 0.03 264)",
    "accent-foreground": "oklch(0.985 0 0)",
    destructive: "oklch(0.704 0.191 22.216)",
    "destructive-foreground": "oklch(0.141 0.005 285.823)",
    success: "oklch(0.77 0.17 151.711)",
    "success-foreground": "oklch(0.141 0.005 285.823)",
    warning: "oklch(0.8 0.15 75)",
    "warning-foreground": "oklch(0.141 0.005 285.823)",
    border: "oklch(0.3 0.006 286)",
    input: "oklch(0.56 0.01 286)",
    ring: "oklch(0.707 0.165 254.624)",
    "chart-1": "oklch(0.707 0.165 254.624)",
    "chart-2": "oklch(0.696 0.17 162.48)",
    "chart-3": "oklch(0.769 0.188 70.08)",
    "chart-4": "oklch(0.627 0.265 303.9)",
    "chart-5": "oklch(0.645 0.246 16.439)",
    sidebar: "oklch(0.21 0.006 285.885)",
    "sidebar-foreground": "oklch(0.985 0 0)",
    "sidebar-primary": "oklch(0.707 0.165 254.624)",
    "sidebar-primary-foreground": "oklch(0.141 0.005 285.823)",
    "sidebar-accent": "oklch(0.3 0.03 264)",
    "sidebar-accent-foreground": "oklch(0.985 0 0)",
    "sidebar-border": "oklch(0.3 0.006 286)",
    "sidebar-ring": "oklch(0.707 0.165 254.624)",
  },
} as const;

export type ColorToken = keyof typeof colorTokens.light;
export type ThemeName = keyof typeof colorTokens;

/** `--radius`: the large corner; the smaller ones are derived from it. */
export const radius = "0.625rem";

/** System font stacks: the machine has no internet, so no web fonts are fetched. */
export const fontStacks = {
  sans: [
    "ui-sans-serif",
    "system-ui",
    "-apple-system",
    "BlinkMacSystemFont",
    '"Segoe UI"',
    "Roboto",
    '"Helvetica Neue"',
    "Arial",
    '"Noto Sans"',
    "sans-serif",
    '"Apple Color Emoji"',
    '"Segoe UI Emoji"',
    '"Segoe UI Symbol"',
    '"Noto Color Emoji"',
  ],
  mono: [
    "ui-monospace",
    "SFMono-Regular",
    '"SF Mono"',
    "Menlo",
    "Consolas",
    '"Liberation Mono"',
    '"DejaVu Sans Mono"',
    "monospace",
  ],
} as const;

/** Each provider's badge colour (`bg-provider-zaia`), under white text. */
export const providerColors = {
  sigmamind: "oklch(54.1% 0.281 293.009)",
  cozmox: "oklch(50% 0.134 242.749)",
  zaia: "oklch(50.8% 0.118 165.612)",
  chatling: "oklch(55.5% 0.163 48.998)",
} as const satisfies Record<ProviderId, string>;

const chartTokens = ["chart-1", "chart-2", "chart-3", "chart-4", "chart-5"] as const;

/** The five chart colours in order, per theme (a chart in CSS uses `bg-chart-1` … instead). */
export const chartPalette: Record<ThemeName, readonly string[]> = {
  light: chartTokens.map((token) => colorTokens.light[token]),
  dark: chartTokens.map((token) => colorTokens.dark[token]),
};

/** Every semantic colour as a utility colour that follows the theme (`bg-muted`, `text-primary`). */
const themeColors = {
  background: "var(--background)",
  foreground: "var(--foreground)",
  card: "var(--card)",
  "card-foreground": "var(--card-foreground)",
  popover: "var(--popover)",
  "popover-foreground": "var(--popover-foreground)",
  primary: "var(--primary)",
  "primary-foreground": "var(--primary-foreground)",
  secondary: "var(--secondary)",
  "secondary-foreground": "var(--secondary-foreground)",
  muted: "var(--muted)",
  "muted-foreground": "var(--muted-foreground)",
  accent: "var(--accent)",
  "accent-foreground": "var(--accent-foreground)",
  destructive: "var(--destructive)",
  "destructive-foreground": "var(--destructive-foreground)",
  success: "var(--success)",
  "success-foreground": "var(--success-foreground)",
  warning: "var(--warning)",
  "warning-foreground": "var(--warning-foreground)",
  border: "var(--border)",
  input: "var(--input)",
  ring: "var(--ring)",
  sidebar: "var(--sidebar)",
  "sidebar-foreground": "var(--sidebar-foreground)",
  "sidebar-primary": "var(--sidebar-primary)",
  "sidebar-primary-foreground": "var(--sidebar-primary-foreground)",
  "sidebar-accent": "var(--sidebar-accent)",
  "sidebar-accent-foreground": "var(--sidebar-accent-foreground)",
  "sidebar-border": "var(--sidebar-border)",
  "sidebar-ring": "var(--sidebar-ring)",
  chart: {
    1: "var(--chart-1)",
    2: "var(--chart-2)",
    3: "var(--chart-3)",
    4: "var(--chart-4)",
    5: "var(--chart-5)",
  },
  provider: providerColors,
};

const config = {
  theme: {
    extend: {
      colors: themeColors,
      fontFamily: { sans: [...fontStacks.sans], mono: [...fontStacks.mono] },
      borderRadius: {
        sm: "calc(var(--radius) - 4px)",
        md: "calc(var(--radius) - 2px)",
        lg: "var(--radius)",
        xl: "calc(var(--radius) + 4px)",
      },
    },
  },
} satisfies Config;

export default config;
