import type { Metadata } from "next";

export const metadata: Metadata = { title: "Benchmark baseline" };

/**
 * The smallest page under the root layout: `npm run bench` compares the JavaScript the
 * conversation list loads with what this page loads (the framework, the layout and its providers).
 * It shows nothing sensitive and needs no session.
 */
export default function BenchMinimalPage() {
  return (
    <main className="p-6">
      <h1 className="text-xl font-semibold">Parley</h1>
    </main>
  );
}
