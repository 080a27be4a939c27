/**
 * Starts the provider simulator: `npm run simulator` (also started by `npm start`, `npm run dev`
 * and the tests). Port from `PARLEY_SIMULATOR_PORT` (default 4010), loopback only.
 * `SIMULATOR_SCALE=<conversations>` serves that many conversations instead of the demo data
 * (`core/scale.ts`); the start-up line then says how many conversations and messages it serves and
 * how long generating them took.
 */
import { parseScale } from "./core/scale";
import { startSimulator } from "./core/server";
import { createAllProviders } from "./providers";

const rawPort = process.env.PARLEY_SIMULATOR_PORT ?? "4010";
const port = Number(rawPort);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PARLEY_SIMULATOR_PORT must be a port number (0-65535), got "${rawPort}".`);
  process.exit(1);
}

let scale: number | null;
try {
  scale = parseScale(process.env.SIMULATOR_SCALE);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const generationStarted = performance.now();
const providers = createAllProviders({ scale });
const generationMs = performance.now() - generationStarted;

/** "Scale mode: 100,000 conversations (sigmamind 33,131 …) with 987,654 messages, generated in 1.2 s". */
function scaleSummary(): string {
  const parts: string[] = [];
  let conversations = 0;
  let messages = 0;
  for (const provider of providers) {
    if (!provider.live) {
      parts.push(`${provider.id}: demo data`);
      continue;
    }
    const size = provider.live.size();
    conversations += size.conversations;
    messages += size.messages;
    parts.push(`${provider.id} ${size.conversations.toLocaleString("en")}`);
  }
  const seconds = (generationMs / 1000).toFixed(2);
  return (
    `Scale mode: ${conversations.toLocaleString("en")} conversations with ${messages.toLocaleString("en")} ` +
    `messages (${parts.join(", ")}), generated in ${seconds} s`
  );
}

startSimulator({ port, providers, scale })
  .then((simulator) => {
    console.log(`Provider simulator listening on ${simulator.url} (/sigmamind /cozmox /zaia /chatling)`);
    if (scale !== null) console.log(scaleSummary());
    const stop = () => void simulator.close().then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  })
  .catch((error: unknown) => {
    const code = (error as { code?: string }).code;
    if (code === "EADDRINUSE")
      console.error(`Port ${port} is in use: set PARLEY_SIMULATOR_PORT to a free port.`);
    else console.error("The provider simulator could not start:", error);
    process.exit(1);
  });
