import { describe, expect, it } from "vitest";
import { findPostgresTool, PostgresToolError, serverMajorOf, toolMajorOf } from "@/lib/backup/find-postgres-tool";

describe("finding pg_dump / pg_restore for `npm run backup`", () => {
  it("reads the major version of the tool and of the server", () => {
    expect(toolMajorOf("pg_dump (PostgreSQL) 17.2 (Debian 17.2-1.pgdg120+1)")).toBe(17);
    expect(toolMajorOf("pg_restore (PostgreSQL) 9.6.24")).toBe(9);
    expect(toolMajorOf("something else")).toBeNull();
    expect(serverMajorOf(160004)).toBe(16);
  });

  it("refuses a pg_dump older than the server and says what to install", () => {
    let error: unknown;
    try {
      findPostgresTool("pg_dump", 999);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PostgresToolError);
    expect((error as Error).message).toMatch(/No se encontró pg_dump de PostgreSQL 999 o más reciente/);
    expect((error as Error).message).toMatch(/apt-get install postgresql-client-999/);
    expect((error as Error).message).toMatch(/PG_BINDIR/);
  });
});
