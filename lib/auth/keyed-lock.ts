/**
 * Runs work one at a time per key, in this process: sign-in attempts for the same address or the
 * same account are checked and counted in turn, so a burst of parallel guesses cannot all pass
 * the check before the first failure is recorded. (Across instances the audit log is shared, and
 * each attempt still costs a password hash; the per-address flood limit of better-auth remains.)
 * Keys are taken in the order given; callers always pass them in the same order (address, then
 * account), so two attempts can never wait on each other.
 */
const tails = new Map<string, Promise<void>>();

async function withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  let release!: () => void;
  const current = new Promise<void>((resolve) => (release = resolve));
  const tail = previous.then(() => current);
  tails.set(key, tail);
  await previous;
  try {
    return await work();
  } finally {
    release();
    if (tails.get(key) === tail) tails.delete(key);
  }
}

export function withLocks<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
  const [first, ...rest] = keys;
  if (first === undefined) return work();
  return withLock(first, () => withLocks(rest, work));
}
