/**
 * How the production server (`dist/server.mjs`) is started, shared by `npm start`
 * (scripts/start.mjs) and the bench (bench/lib/stack.ts), so the bench measures what `npm start`
 * runs. Both settings only take effect at process start, which is why they are not in server.ts
 * (which sets the one V8 flag that can change later, `--heap-growing-percent`).
 * Measured on an idle demo server (bench/results/memory-latest.md):
 * - `--max-semi-space-size=4`: V8's young generation is two semi-spaces of up to 16 MB each by
 *   default, all resident once a burst of requests has grown them; 4 MB keeps ~24 MB less, at the
 *   price of more (cheap) young-generation collections.
 * - `MALLOC_ARENA_MAX=2`: glibc gives each thread that allocates (V8's compiler and GC threads,
 *   libuv's pool) its own arena and keeps the freed memory of each; two arenas keep ~20 MB less.
 * - `MALLOC_MMAP_THRESHOLD_=131072`: allocations from 128 KiB up get their own mapping, given back
 *   to the system when freed (glibc otherwise raises this threshold as such blocks are freed, and
 *   later large blocks stay in the arenas as holes).
 */
export const SERVER_NODE_ARGS = ["--max-semi-space-size=4"];

/** Added to the server's environment (an explicit setting in the caller's environment wins). */
export const SERVER_ENV = { MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "131072" };

/** The node arguments that start the production server: `node …args dist/server.mjs`. */
export function serverArgs(entry = "dist/server.mjs") {
  return [...SERVER_NODE_ARGS, entry];
}
