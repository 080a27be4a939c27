/** Run as a separate process by database.test.ts: tries to lock the data directory given as argument. */
import { lockDataDirectory } from "../../lib/db/client";

const directory = process.argv[2] ?? "";
try {
  lockDataDirectory(directory);
  console.log("locked");
} catch (error) {
  console.log(error instanceof Error ? error.message : String(error));
  process.exit(3);
}
