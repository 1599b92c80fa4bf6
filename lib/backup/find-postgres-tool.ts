import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// pg_dump refuses a server newer than itself, and a custom-format dump is restored by a pg_restore
// at least as new as the pg_dump that wrote it. Where to find them, in this order: PG_BINDIR;
// `pg_config --bindir` (the server's own binaries when it is installed here); the newest
// /usr/lib/postgresql/<major>/bin (Debian/Ubuntu, where scripts/start-postgres.sh finds the server);
// the PATH.
export class PostgresToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PostgresToolError";
  }
}

// "pg_dump (PostgreSQL) 17.2 (Debian 17.2-1.pgdg120+1)" → 17.
export function toolMajorOf(versionText: string): number | null {
  const m = /\(PostgreSQL\)\s+(\d+)/.exec(versionText);
  return m ? Number(m[1]) : null;
}

function candidates(tool: string): string[] {
  const out: string[] = [];
  if (process.env.PG_BINDIR) out.push(path.join(process.env.PG_BINDIR, tool));
  try {
    out.push(path.join(execFileSync("pg_config", ["--bindir"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim(), tool));
  } catch {
    // No pg_config on the PATH.
  }
  try {
    const majors = fs
      .readdirSync("/usr/lib/postgresql")
      .filter((d) => /^\d+$/.test(d))
      .sort((a, b) => Number(b) - Number(a));
    for (const m of majors) out.push(path.join("/usr/lib/postgresql", m, "bin", tool));
  } catch {
    // Not a Debian-style installation.
  }
  out.push(tool);
  return out;
}

// The first `tool` (pg_dump, pg_restore) of a major version ≥ `serverMajor`, with its version.
export function findPostgresTool(tool: "pg_dump" | "pg_restore", serverMajor: number): { bin: string; version: string } {
  const seen: string[] = [];
  for (const bin of candidates(tool)) {
    let version: string;
    try {
      version = execFileSync(bin, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      continue;
    }
    const major = toolMajorOf(version);
    if (major !== null && major >= serverMajor) return { bin, version };
    seen.push(`${bin} (${version})`);
  }
  throw new PostgresToolError(
    `No se encontró ${tool} de PostgreSQL ${serverMajor} o más reciente` +
      (seen.length > 0 ? ` (hallados: ${seen.join(", ")})` : "") +
      `. Instale el cliente de PostgreSQL ${serverMajor} (Debian/Ubuntu: apt-get install postgresql-client-${serverMajor}, ` +
      `con el repositorio apt.postgresql.org si su distribución no lo trae) o indique su carpeta con PG_BINDIR=/ruta/bin.`,
  );
}

export function serverMajorOf(serverVersionNum: number): number {
  return Math.floor(serverVersionNum / 10000);
}
