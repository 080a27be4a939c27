// Stands in for Next.js's `server-only` marker when Vitest imports server modules.
export {};
