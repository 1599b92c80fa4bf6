import path from "node:path";

export type TDatabaseTarget =
  | { kind: "pglite"; dir: string }
  | { kind: "postgres"; url: string };

// The embedded default keeps a fresh clone runnable with nothing installed; a real server is
// chosen only by an explicit postgres URL.
export function resolveDatabaseTarget(url = process.env.DATABASE_URL): TDatabaseTarget {
  const value = url?.trim();
  if (!value) return { kind: "pglite", dir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), ".data/pglite") };
  if (value.startsWith("pglite:")) {
    const dir = value.slice("pglite:".length) || ".data/pglite";
    return { kind: "pglite", dir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), dir) };
  }
  if (value.startsWith("postgres://") || value.startsWith("postgresql://")) {
    return { kind: "postgres", url: value };
  }
  throw new Error(`DATABASE_URL no reconocida: use postgresql://… o pglite:<carpeta>`);
}

export function describeDatabaseTarget(target: TDatabaseTarget): string {
  if (target.kind === "pglite") return `PGlite embebido en ${target.dir}`;
  const u = new URL(target.url);
  return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
}
