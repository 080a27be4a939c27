/**
 * Parley's configuration, read once from the environment and validated with zod. A bad value
 * stops the process with a message that names the variable and the fix.
 *
 * Server-only: it reads the data directory and may create the demo secret.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { processState } from "./process-state";

const booleanFlag = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"], {
    message: "must be one of 1, 0, true, false, yes, no, on, off",
  })
  .transform((value) => ["1", "true", "yes", "on"].includes(value));

const port = (name: string, fallback: number) =>
  z.coerce
    .number({ message: `${name} must be a port number` })
    .int(`${name} must be a whole number`)
    .min(0)
    .max(65535)
    .default(fallback);

const environmentSchema = z.object({
  PORT: port("PORT", 3000),
  PARLEY_DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  PARLEY_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (for example `openssl rand -base64 32`)")
    .optional(),
  PARLEY_SIMULATOR_PORT: port("PARLEY_SIMULATOR_PORT", 4010),
  PARLEY_DEMO: booleanFlag.optional(),
  /** The address people use to reach Parley, such as https://parley.example.com (cookies, origins). */
  PARLEY_PUBLIC_URL: z.url({ message: "must be a full URL such as https://parley.example.com" }).optional(),
  /** Allow http:// and loopback provider base URLs outside demo mode (tests, local simulators). */
  PARLEY_ALLOW_INSECURE_PROVIDER_URLS: booleanFlag.optional(),
  /** Allow provider addresses in private and link-local ranges (10/8, 172.16/12, 192.168/16, 169.254/16, fc00::/7, fe80::/10). */
  PARLEY_ALLOW_PRIVATE_PROVIDER_ADDRESSES: booleanFlag.optional(),
  /** Largest provider answer Parley reads; beyond it that connection fails with a notice. */
  PARLEY_PROVIDER_MAX_RESPONSE_BYTES: z.coerce
    .number()
    .int()
    .min(65_536)
    .max(1_073_741_824)
    .default(16_777_216),
  /** Comma-separated addresses of reverse proxies whose X-Forwarded-For Parley may trust. */
  PARLEY_TRUSTED_PROXIES: z.string().optional(),
  PARLEY_PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  PARLEY_PROVIDER_MAX_CONCURRENT: z.coerce.number().int().min(1).max(1_000).default(32),
  /** How long a tripped circuit breaker waits before letting one call through again. */
  PARLEY_BREAKER_HALF_OPEN_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** Sign-in attempts allowed per address a minute (better-auth's limiter). */
  PARLEY_SIGN_IN_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Seconds between incremental syncs of each connection into the index. */
  PARLEY_SYNC_INTERVAL_S: z.coerce.number().int().min(5).max(86_400).default(30),
});

export interface ParleyConfig {
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  secret: string;
  simulatorPort: number;
  demo: boolean;
  publicUrl: string | null;
  allowInsecureProviderUrls: boolean;
  allowPrivateProviderAddresses: boolean;
  providerMaxResponseBytes: number;
  trustedProxies: string[];
  providerTimeoutMs: number;
  providerMaxConcurrent: number;
  breakerHalfOpenMs: number;
  signInLimitPerMinute: number;
  syncIntervalSeconds: number;
}

/** Which provider addresses a connection may reach (see lib/http/address-policy.ts). */
export function providerAddressPolicy(config: ParleyConfig): {
  allowLoopback: boolean;
  allowPrivate: boolean;
} {
  return {
    allowLoopback: config.demo || config.allowInsecureProviderUrls,
    allowPrivate: config.allowPrivateProviderAddresses,
  };
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

function readOrCreateDemoSecret(dataDir: string): string {
  const file = path.join(dataDir, "secret.key");
  if (fs.existsSync(file)) {
    const secret = fs.readFileSync(file, "utf8").trim();
    if (secret.length >= 32) return secret;
    throw new ConfigError(
      `${file} is shorter than 32 characters: delete it to have Parley generate a new one.`,
    );
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
  return secret;
}

/** Parses an environment; exported for tests. Creates the demo secret file when needed. */
export function parseConfig(environment: Record<string, string | undefined>): ParleyConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join(".")}: ${issue.message}`)
      .join("\n");
    throw new ConfigError(
      `Parley's configuration is invalid:\n${problems}\nFix these environment variables and start again.`,
    );
  }
  const values = parsed.data;
  const databaseUrl = values.DATABASE_URL ?? null;
  const demo = values.PARLEY_DEMO ?? databaseUrl === null;
  const dataDir = path.resolve(values.PARLEY_DATA_DIR);
  let secret = values.PARLEY_SECRET;
  if (!secret) {
    if (!demo)
      throw new ConfigError(
        "PARLEY_SECRET is required when demo mode is off: set it to a random string of at least 32 characters " +
          "(for example `export PARLEY_SECRET=$(openssl rand -base64 32)`). It encrypts the stored provider keys.",
      );
    secret = readOrCreateDemoSecret(dataDir);
  }
  return {
    port: values.PORT,
    dataDir,
    databaseUrl,
    secret,
    simulatorPort: values.PARLEY_SIMULATOR_PORT,
    demo,
    publicUrl: values.PARLEY_PUBLIC_URL?.replace(/\/+$/, "") ?? null,
    allowInsecureProviderUrls: values.PARLEY_ALLOW_INSECURE_PROVIDER_URLS ?? false,
    allowPrivateProviderAddresses: values.PARLEY_ALLOW_PRIVATE_PROVIDER_ADDRESSES ?? false,
    providerMaxResponseBytes: values.PARLEY_PROVIDER_MAX_RESPONSE_BYTES,
    trustedProxies: (values.PARLEY_TRUSTED_PROXIES ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
    providerTimeoutMs: values.PARLEY_PROVIDER_TIMEOUT_MS,
    providerMaxConcurrent: values.PARLEY_PROVIDER_MAX_CONCURRENT,
    breakerHalfOpenMs: values.PARLEY_BREAKER_HALF_OPEN_MS,
    signInLimitPerMinute: values.PARLEY_SIGN_IN_LIMIT_PER_MINUTE,
    syncIntervalSeconds: values.PARLEY_SYNC_INTERVAL_S,
  };
}

/** The process's configuration, parsed on first use. */
export function getConfig(): ParleyConfig {
  return processState("config", () => parseConfig(process.env));
}
