import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: root },
      { find: /^server-only$/, replacement: `${root}tests/server-only-stub.ts` },
      { find: /^client-only$/, replacement: `${root}tests/server-only-stub.ts` },
    ],
  },
  test: {
    include: [
      "lib/**/*.test.ts",
      "simulator/**/*.test.ts",
      "bench/**/*.test.ts",
      "scripts/resilience/**/*.test.ts",
      "app/**/*.test.ts",
      "components/**/*.test.ts",
      "tests/**/*.test.ts",
    ],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
