import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { serverEnv, serverNodeArgs } from "@/scripts/server-command.mjs";

// scripts/serve.mts as a real child process on a production build (`next build` first), with its
// log lines collected, for the tests of tests/process.
export type TServeProcess = {
  baseUrl: string;
  child: ChildProcess;
  // Every JSON log line written so far (stdout and stderr), parsed.
  lines: () => Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

// The process as started, before it is ready (or after it refused to start): its output so far,
// parsed, and its exit.
export type TSpawnedServeProcess = Omit<TServeProcess, "baseUrl"> & { text: () => string };

export function spawnServeProcess(env: NodeJS.ProcessEnv, port: number): TSpawnedServeProcess {
  const child = spawn(process.execPath, serverNodeArgs(env), {
    env: serverEnv({ ...env, NODE_ENV: "production", PORT: String(port) }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => (text += chunk));
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const lines = () => {
    // The whole output each time: a line may arrive in several chunks.
    const out: Record<string, unknown>[] = [];
    for (const line of text.split("\n")) {
      if (!line.startsWith("{")) continue;
      try {
        out.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // the last line, still arriving
      }
    }
    return out;
  };
  return { child, lines, exited, text: () => text };
}

export async function startServeProcess(env: NodeJS.ProcessEnv, port: number): Promise<TServeProcess> {
  const spawned = spawnServeProcess(env, port);
  const { child } = spawned;
  const ready = new Promise<void>((resolve, reject) => {
    // scripts/serve.mts's JSON line once it listens.
    const check = () => {
      if (spawned.text().includes('"message":"ready"')) resolve();
    };
    for (const stream of [child.stdout!, child.stderr!]) stream.on("data", check);
    child.once("exit", (code) => reject(new Error(`serve.mts exited (${code}) before it was ready:\n${spawned.text().slice(-4000)}`)));
  });
  await ready;
  return { baseUrl: `http://localhost:${port}`, child, lines: spawned.lines, exited: spawned.exited };
}
