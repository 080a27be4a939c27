"use client";

import * as React from "react";
import { ThemeProvider as NextThemesProvider } from "next-themes";

/**
 * Light/dark theme for the whole app (next-themes). It sets the `dark` class on `<html>` before the
 * first paint (so `<html>` needs `suppressHydrationWarning`), follows the system preference until the
 * user picks a theme, remembers the choice in localStorage, and suppresses transitions while switching
 * so colours do not animate. Any prop can be overridden, e.g. `forcedTheme` on a print view.
 */
export function ThemeProvider({ children, ...props }: React.ComponentProps<typeof NextThemesProvider>) {
  return (
    <NextThemesProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      disableTransitionOnChange
      {...props}
    >
      {children}
    </NextThemesProvider>
  );
}
