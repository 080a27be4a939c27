import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import "./globals.css";
import { Providers } from "./providers";

/**
 * Icons and the web manifest live in `public/` (drawn from `public/icon.svg` by
 * `scripts/generate-icons.mjs`). The console is private: `robots.txt` turns crawlers away and
 * every page also says `noindex, nofollow`, for engines that reach a page through a link anyway.
 */
export const metadata: Metadata = {
  title: { default: "Parley", template: "%s · Parley" },
  description: "Browse, read and moderate AI-agent conversations across providers.",
  applicationName: "Parley",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
  },
  manifest: "/manifest.webmanifest",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { themeColor: "#1d4ed8" };

/**
 * Reads this request's CSP nonce (set by `proxy.ts`) for the theme's inline script; reading the
 * headers also makes every page render per request, which nonces need.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="bg-background text-foreground min-h-screen font-sans antialiased">
        <Providers nonce={nonce}>{children}</Providers>
      </body>
    </html>
  );
}
