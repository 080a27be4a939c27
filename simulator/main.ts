/**
 * Starts the provider simulator: `npm run simulator` (also started by `npm start`, `npm run dev`
 * and the tests). Port from `PARLEY_SIMULATOR_PORT` (default 4010), loopback only.
 */
import { startSimulator } from "./core/server";
import { createAllProviders } from "./providers";

const rawPort = process.env.PARLEY_SIMULATOR_PORT ?? "4010";
const port = Number(rawPort);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PARLEY_SIMULATOR_PORT must be a port number (0-65535), got "${rawPort}".`);
  process.exit(1);
}

startSimulator({ port, providers: createAllProviders() })
  .then((simulator) => {
    console.log(`Provider simulator listening on ${simulator.url} (/sigmamind /cozmox /zaia /chatling)`);
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
