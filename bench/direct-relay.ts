/**
 * The direct baseline for operations that take several wire requests (a Chatling list reads one
 * page per chatbot; a Chatling thread reads page 1, then the rest): the smallest possible client
 * that makes those requests to the simulator in the adapter's order and parallelism, served over
 * loopback HTTP so autocannon can drive it like any other target. It does no parsing, mapping,
 * session or database work; the answer is the provider bodies as one JSON array.
 *
 * Started by `bench/run.ts` as its own process: BENCH_RELAY_PORT, BENCH_RELAY_TARGET (the
 * simulator's URL) and BENCH_RELAY_PLANS (JSON: plan name → stages of `{path, headers}`).
 */
import http from "node:http";
import { z } from "zod";

const wireRequestSchema = z.object({
  path: z.string().startsWith("/"),
  headers: z.record(z.string(), z.string()),
});
const plansSchema = z.record(z.string(), z.array(z.array(wireRequestSchema)));

const port = Number(process.env.BENCH_RELAY_PORT);
const target = z.url().parse(process.env.BENCH_RELAY_TARGET);
const plans = plansSchema.parse(JSON.parse(process.env.BENCH_RELAY_PLANS ?? "{}"));

async function runPlan(stages: z.infer<typeof plansSchema>[string]): Promise<{ ok: boolean; body: string }> {
  const bodies: string[] = [];
  let ok = true;
  for (const stage of stages) {
    const answers = await Promise.all(
      stage.map(async (wire) => {
        const response = await fetch(`${target}${wire.path}`, { headers: wire.headers });
        return { ok: response.ok, text: await response.text() };
      }),
    );
    for (const answer of answers) {
      ok &&= answer.ok;
      bodies.push(answer.text);
    }
  }
  return { ok, body: `[${bodies.join(",")}]` };
}

const server = http.createServer((request, response) => {
  const name = /^\/plan\/([\w-]+)$/.exec(request.url ?? "")?.[1];
  const stages = name ? plans[name] : undefined;
  if (!stages) {
    response.writeHead(404, { "content-type": "application/json" });
    response.end('{"error":"no such plan"}');
    return;
  }
  runPlan(stages)
    .then(({ ok, body }) => {
      response.writeHead(ok ? 200 : 502, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      });
      response.end(body);
    })
    .catch((error: unknown) => {
      response.writeHead(502, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: error instanceof Error ? error.message : "relay failure" }));
    });
});
server.keepAliveTimeout = 65_000;
server.listen(port, "127.0.0.1", () => console.log(`direct relay listening on http://127.0.0.1:${port}`));
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
