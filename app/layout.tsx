import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "Parley", template: "%s · Parley" },
  description: "Browse, read and moderate AI-agent conversations across providers.",
};

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
