import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Unit tests of the bench and the resilience suite's own logic (`npx vitest run --config
 * bench/vitest.config.mts`). They are pure: no server, no simulator.
 */
const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root,
  resolve: {
    alias: [
      { find: /^@\//, replacement: root },
      { find: /^server-only$/, replacement: `${root}tests/server-only-stub.ts` },
    ],
  },
  test: {
    include: ["bench/**/*.test.ts", "scripts/resilience/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    pool: "forks",
  },
});
