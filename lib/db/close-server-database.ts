// The app's database client lives in Next.js's server bundle (lib/db.ts); scripts/serve.mts, which
// must close it on SIGTERM after the last request, runs outside that bundle. They meet on a
// process-wide symbol, as the peer-address mark does (lib/http/stamp-peer-address.ts).
const CLOSER = Symbol.for("certifica.close-server-database");

type TGlobalWithCloser = Record<symbol, (() => Promise<void>) | undefined>;

export function registerServerDatabaseCloser(close: () => Promise<void>): void {
  (globalThis as unknown as TGlobalWithCloser)[CLOSER] = close;
}

// Prisma's disconnect and the pool's end (PostgreSQL), or PGlite's close, which also releases the
// embedded database's lock. Nothing to do when no request ever opened the database.
export async function closeServerDatabase(): Promise<boolean> {
  const close = (globalThis as unknown as TGlobalWithCloser)[CLOSER];
  if (!close) return false;
  (globalThis as unknown as TGlobalWithCloser)[CLOSER] = undefined;
  await close();
  return true;
}
