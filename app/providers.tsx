"use client";

import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useState, type ReactNode } from "react";
import { ThemeProvider } from "@/components/theme/theme-provider";
import { Toaster } from "@/components/ui/toaster";
import { TooltipProvider } from "@/components/ui/tooltip";
import { z } from "zod";
import { createQueryClient } from "@/lib/client/query-client";

// zod compiles object parsers with `new Function` when it may; it probes once, and under Parley's
// CSP (no 'unsafe-eval') the probe is refused and reported as a violation on every page load. In
// the browser it parses without compiling. (The server keeps the compiled parsers.)
if (typeof window !== "undefined") z.config({ jitless: true });

/** Client-side providers for every page: theme, data fetching, URL state, tooltips, toasts. `nonce` is the page's CSP nonce. */
export function Providers({ children, nonce }: { children: ReactNode; nonce?: string }) {
  const [queryClient] = useState<QueryClient>(createQueryClient);
  return (
    <ThemeProvider nonce={nonce}>
      <QueryClientProvider client={queryClient}>
        <NuqsAdapter>
          <TooltipProvider delayDuration={300}>
            {children}
            <Toaster />
          </TooltipProvider>
        </NuqsAdapter>
      </QueryClientProvider>
    </ThemeProvider>
  );
}
