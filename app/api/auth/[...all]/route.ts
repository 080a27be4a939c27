// GET/POST /api/auth/* — better-auth (sign-in, sign-out, session, own password and name, admin
// user management), behind Parley's body limit, sign-in throttle, admin gate and audit: see
// lib/api/auth-route.ts.
import { handleAuthGet, handleAuthPost } from "@/lib/api/auth-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = handleAuthGet;
export const POST = handleAuthPost;
