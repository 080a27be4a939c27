/** Next.js start-up hook: migrate and seed before the first request (Node.js runtime only). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootstrap } = await import("@/lib/bootstrap");
  try {
    await bootstrap();
  } catch (error) {
    console.error(`[parley] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
