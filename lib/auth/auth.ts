/**
 * better-auth, configured for Parley: email and password sign-in (no self sign-up: admins create
 * users), sessions in the database, roles from the admin plugin, a general per-address rate limit
 * stored in the database (so it holds across instances). Session cookie caching stays off so a deactivated
 * user is signed out at once.
 */
import "server-only";
import { processState } from "@/lib/process-state";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins";
import { getConfig } from "@/lib/config";
import { getDatabaseSync } from "@/lib/db/client";
import * as schema from "@/lib/db/schema";
import { deriveAuthSecret } from "@/lib/security/key-encryption";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { accessControl, roles } from "./permissions";

function createAuth() {
  const config = getConfig();
  const localOrigins = [`http://127.0.0.1:${config.port}`, `http://localhost:${config.port}`];
  const baseURL = config.publicUrl ?? localOrigins[0];
  return betterAuth({
    appName: "Parley",
    baseURL,
    secret: deriveAuthSecret(config.secret),
    trustedOrigins: config.publicUrl ? [config.publicUrl, ...localOrigins] : localOrigins,
    database: drizzleAdapter(getDatabaseSync(), { provider: "pg", schema }),
    emailAndPassword: { enabled: true, minPasswordLength: 10, maxPasswordLength: 128, disableSignUp: true },
    session: { expiresIn: 60 * 60 * 8, updateAge: 60 * 15 },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 600,
      // Sign-in is limited per address on failed attempts only, and per account, by Parley
      // (lib/auth/sign-in-guard.ts); the general limit above still caps a flood from one address.
      // better-auth's own default for sign-in (3 in 10 s) would count successes; 300 a minute
      // only caps a flood of password hashing.
      customRules: {
        "/sign-in/email": { window: 60, max: 300 },
        "/change-password": { window: 60, max: 10 },
        "/get-session": false,
      },
    },
    advanced: {
      // better-auth turns these checks off when NODE_ENV=test or a TEST variable is set; Parley never does.
      disableOriginCheck: false,
      disableCSRFCheck: false,
      // The custom server sets this header from the socket (or a trusted proxy); clients cannot spoof it.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
      useSecureCookies: baseURL?.startsWith("https://") ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    telemetry: { enabled: false },
    plugins: [
      admin({
        ac: accessControl,
        roles,
        defaultRole: "staff",
        adminRoles: ["admin"],
        bannedUserMessage: "This account has been deactivated. Ask an administrator to reactivate it.",
      }),
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

export function getAuth(): Auth {
  return processState("auth", createAuth);
}
