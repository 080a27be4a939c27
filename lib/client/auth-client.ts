/** The browser's better-auth client (same origin, so no base URL). */
"use client";

import "client-only";
import { adminClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";
import { accessControl, roles } from "@/lib/auth/permissions";

export const authClient = createAuthClient({ plugins: [adminClient({ ac: accessControl, roles })] });
