import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_HEAP_MB, isServerReadyLine, serverEnv, serverHeapMb, serverNodeArgs } from "@/scripts/server-command.mjs";

// Issue #15 §3 ("the server's RSS stays under 600 MB"): the bounds only hold where the server is
// started with them. The scripts take them from scripts/server-command.mjs; the places that write
// the command out for a person (npm run serve, the README, the deployment guide and its systemd
// unit) must say the same.
describe("how the production server is started (scripts/server-command.mjs)", () => {
  const onPostgres = { DATABASE_URL: "postgresql://certifica@db.interno:5432/certifica" };
  const args = serverNodeArgs(onPostgres).join(" ");
  const env = serverEnv({});
  const mallocSettings = Object.entries(env).map(([k, v]) => `${k}=${v}`);

  it("sets the allocator's thresholds, keeping what the caller set, and caps V8's old generation", () => {
    expect(args).toBe("--max-old-space-size=384 --import tsx scripts/serve.mts");
    expect(mallocSettings).toEqual(["MALLOC_MMAP_THRESHOLD_=65536", "MALLOC_TRIM_THRESHOLD_=65536"]);
    expect(serverEnv({ MALLOC_MMAP_THRESHOLD_: "131072", PORT: "3001" })).toMatchObject({ MALLOC_MMAP_THRESHOLD_: "131072", MALLOC_TRIM_THRESHOLD_: "65536", PORT: "3001" });
  });

  it("a 384 MB heap cap on either database unless SERVER_HEAP_MB sets another; 0 leaves V8's own limit", () => {
    expect(DEFAULT_HEAP_MB).toBe(384);
    for (const env of [{}, onPostgres, { DATABASE_URL: "pglite:.data/db" }, { SERVER_HEAP_MB: "" }]) {
      expect(serverHeapMb(env)).toBe(384);
      expect(serverNodeArgs(env)).toEqual(["--max-old-space-size=384", "--import", "tsx", "scripts/serve.mts"]);
    }
    expect(serverHeapMb({ SERVER_HEAP_MB: "0" })).toBeNull();
    expect(serverNodeArgs({ SERVER_HEAP_MB: "0" })).toEqual(["--import", "tsx", "scripts/serve.mts"]);
  });

  it("SERVER_HEAP_MB changes the cap; a value that is not a sane heap size is refused, not ignored", () => {
    expect(serverNodeArgs({ SERVER_HEAP_MB: "512" })[0]).toBe("--max-old-space-size=512");
    for (const bad of ["abc", "64", "300.5", "-1", " 0x0"]) expect(() => serverHeapMb({ SERVER_HEAP_MB: bad })).toThrow(/SERVER_HEAP_MB/);
  });

  it("npm run serve, the README and the deployment guide write out the same command", () => {
    const serve = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts.serve;
    for (const text of [serve, fs.readFileSync("README.md", "utf8"), fs.readFileSync("docs/deployment.md", "utf8")]) {
      expect(text).toContain(`${mallocSettings.join(" ")} node ${args}`);
    }
    const unit = fs.readFileSync("docs/deployment/ops.md", "utf8");
    expect(unit).toContain(`ExecStart=/usr/bin/node ${args}`);
    expect(unit).toContain(`Environment=${mallocSettings.join(" ")}`);
  });

  it("npm start's welcome waits for the server's ready line, not for any line with the word in it", () => {
    expect(isServerReadyLine('{"level":"info","time":"2026-12-07T06:40:00.000Z","message":"ready","url":"http://localhost:3000","trustedProxyHops":0}')).toBe(true);
    for (const line of [
      '{"level":"error","message":"not started: the port cannot be opened","error":{"message":"listen EADDRINUSE: address already in use :::3000"}}',
      '{"level":"info","message":"request","route":"/ready"}',
      "Error: address already in use",
      '{"message":"ready"',
      "ready",
    ]) {
      expect(isServerReadyLine(line), line).toBe(false);
    }
  });
});
