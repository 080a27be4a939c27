import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getConfig } from "@/lib/config";
import { safeNextPath } from "@/lib/auth/safe-next";
import { getPageActor } from "@/lib/auth/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (await getPageActor()) redirect("/conversations");
  const { next } = await searchParams;
  const demo = getConfig().demo;
  const safeNext = safeNextPath(next);
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="bg-card w-full max-w-sm rounded-xl border p-8 shadow-sm">
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to Parley</h1>
        <p className="text-muted-foreground mt-1 text-sm">
          One console for every AI agent&apos;s conversations.
        </p>
        <SignInForm next={safeNext} />
        {demo ? (
          <section aria-labelledby="demo-accounts" className="bg-muted/50 mt-6 rounded-lg border p-4 text-sm">
            <h2 id="demo-accounts" className="font-medium">
              Demo accounts
            </h2>
            <dl className="text-muted-foreground mt-2 space-y-1 font-mono text-xs">
              <div>
                <dt className="sr-only">Admin</dt>
                <dd>admin@parley.local / parley-demo-admin</dd>
              </div>
              <div>
                <dt className="sr-only">Staff</dt>
                <dd>staff@parley.local / parley-demo-staff</dd>
              </div>
            </dl>
          </section>
        ) : null}
      </div>
    </main>
  );
}
