/** Types of `server-launch.mjs` (plain JavaScript: `scripts/start.mjs` runs before any build). */
export declare const SERVER_NODE_ARGS: readonly string[];
export declare const SERVER_ENV: Readonly<Record<string, string>>;
export declare function serverArgs(entry?: string): string[];
