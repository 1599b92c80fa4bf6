import { spawn, type ChildProcess } from "node:child_process";

export type TOpensslRunner = {
  // Runs `openssl <args>` in `cwd`; resolves with stdout, rejects with stderr when it exits non-zero.
  run(args: string[], options: { cwd: string; passphrase?: string }): Promise<Buffer>;
  // Kills the children still running (by handle), e.g. when the services close.
  killAll(): void;
};

const OPENSSL = process.env.OPENSSL_BIN || "/usr/bin/openssl";
// Only against a wedged child (e.g. a config waiting on a terminal): never reached by a working one.
const HANG_LIMIT_MS = 120_000;

// One runner per services instance: every child it starts is tracked so close() can stop it.
// The passphrase goes through the environment (`-passin env:PKI_PASSIN`), never the command line.
export function createOpensslRunner(): TOpensslRunner {
  const children = new Set<ChildProcess>();
  return {
    run(args, { cwd, passphrase }) {
      return new Promise((resolve, reject) => {
        const env: NodeJS.ProcessEnv = { NODE_ENV: process.env.NODE_ENV, PATH: process.env.PATH ?? "/usr/bin:/bin", LANG: "C" };
        if (passphrase !== undefined) env.PKI_PASSIN = passphrase;
        const child = spawn(OPENSSL, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
        children.add(child);
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on("data", (c: Buffer) => out.push(c));
        child.stderr.on("data", (c: Buffer) => err.push(c));
        const timer = setTimeout(() => child.kill("SIGKILL"), HANG_LIMIT_MS);
        child.on("error", (e) => {
          clearTimeout(timer);
          children.delete(child);
          reject(e);
        });
        child.on("close", (code, signal) => {
          clearTimeout(timer);
          children.delete(child);
          if (code === 0) resolve(Buffer.concat(out));
          else reject(new Error(`openssl ${args[0]} failed (${signal ?? code}): ${Buffer.concat(err).toString().trim()}`));
        });
      });
    },
    killAll() {
      for (const c of children) c.kill("SIGKILL");
      children.clear();
    },
  };
}
