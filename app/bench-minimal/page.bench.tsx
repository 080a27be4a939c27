import type { Metadata } from "next";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Benchmark baseline" };
export const dynamic = "force-dynamic";

/**
 * The smallest page under the root layout: `npm run bench` compares the JavaScript the
 * conversation list loads with what this page loads (the framework, the layout and its providers).
 * It shows nothing sensitive and needs no session, and it exists only when PARLEY_BENCH=1 (like
 * the floor route), so every other page of Parley still requires a session.
 */
export default function BenchMinimalPage() {
  if (process.env.PARLEY_BENCH !== "1") notFound();
  return (
    <main className="p-6">
      <h1 className="text-xl font-semibold">Parley</h1>
    </main>
  );
}
