import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { createPrisma } from "@/lib/db/create-prisma";
import { DatabaseDirLockedError, handOverDatabaseDirLock, lockDatabaseDir } from "@/lib/db/lock-database-dir";

// The embedded database is one process's at a time: a second `npm start` or a script run beside
// the server is refused with a clear message before it touches the folder, a lock left by a killed
// process is taken over, and merely loading the client (as `next build` does) opens nothing.
const root = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-pglite-lock-"));
const dir = path.join(root, "pglite");
let child: ChildProcess | null = null;
afterAll(() => {
  child?.kill("SIGKILL");
  fs.rmSync(root, { recursive: true, force: true });
});

// Another process that opens the database, writes a row and keeps it open.
function holdInAnotherProcess(): Promise<ChildProcess> {
  const script = path.join(root, "hold.mts");
  const createPrismaPath = path.resolve("lib/db/create-prisma.ts");
  fs.writeFileSync(
    script,
    `import { createPrisma } from ${JSON.stringify(createPrismaPath)};
const { prisma } = createPrisma(${JSON.stringify(`pglite:${dir}`)});
await prisma.$executeRawUnsafe("CREATE TABLE IF NOT EXISTS probe (note text)");
await prisma.$executeRawUnsafe("INSERT INTO probe VALUES ('escrito por el otro proceso')");
console.log("ready");
setInterval(() => {}, 1000);
`,
  );
  const proc = spawn(process.execPath, ["--import", "tsx", script], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let err = "";
    proc.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    proc.stdout!.on("data", (d: Buffer) => {
      if (d.toString().includes("ready")) resolve(proc);
    });
    proc.on("exit", (code) => reject(new Error(`the holding process ended (${code}): ${err}`)));
  });
}

it("opens nothing until the first query", async () => {
  const { close } = createPrisma(`pglite:${dir}`);
  await close();
  expect(fs.existsSync(dir)).toBe(false);
  expect(fs.existsSync(`${dir}.lock`)).toBe(false);
});

it("refuses a second process while one holds it, and takes over once that process is gone", { timeout: 120_000 }, async () => {
  child = await holdInAnotherProcess();
  const lock = fs.readFileSync(`${dir}.lock`, "utf8");
  expect(lock.split(/\s+/)[0]).toBe(String(child.pid));

  const second = createPrisma(`pglite:${dir}`);
  const refused = await second.prisma.$queryRawUnsafe("SELECT 1").then(
    () => null,
    (e: unknown) => e,
  );
  await second.close();
  // Prisma may wrap the adapter's error; the message is ours either way.
  const message = refused instanceof Error ? refused.message : String(refused);
  expect(refused instanceof DatabaseDirLockedError || message.includes("ya está abierta por otro proceso")).toBe(true);
  expect(message).toContain(`pid ${child.pid}`);
  expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(lock);
  // What npm start, db:migrate and db:seed do first: the refusal itself, before any engine.
  const fourth = createPrisma(`pglite:${dir}`);
  expect(() => fourth.handle.claim()).toThrow(DatabaseDirLockedError);
  await fourth.close();

  // Killed without a chance to clean up: its lock stays behind, stale.
  const exited = new Promise((r) => child!.once("exit", r));
  child.kill("SIGKILL");
  await exited;
  child = null;
  expect(fs.existsSync(`${dir}.lock`)).toBe(true);

  const third = createPrisma(`pglite:${dir}`);
  try {
    const rows = await third.prisma.$queryRawUnsafe<Array<{ note: string }>>("SELECT note FROM probe");
    expect(rows).toEqual([{ note: "escrito por el otro proceso" }]);
    expect(fs.readFileSync(`${dir}.lock`, "utf8").split(/\s+/)[0]).toBe(String(process.pid));
  } finally {
    await third.close();
  }
  expect(fs.existsSync(`${dir}.lock`)).toBe(false);
});

it("hands its lock to the server it starts, so no script gets in between (npm start)", { timeout: 120_000 }, async () => {
  const served = path.join(root, "served");
  // A copy of the database the test above created, when it is there and free: creating one (the
  // embedded server's initdb) is most of this file's CPU time, and nothing here depends on a new one.
  if (fs.existsSync(dir) && !fs.existsSync(`${dir}.lock`)) fs.cpSync(dir, served, { recursive: true });
  const release = lockDatabaseDir(served);
  // What the server does: nothing with the database until its first query (here: on "go").
  const script = path.join(root, "serve.mts");
  fs.writeFileSync(
    script,
    `import { createPrisma } from ${JSON.stringify(path.resolve("lib/db/create-prisma.ts"))};
process.on("SIGTERM", () => process.exit(0));
console.log("started");
process.stdin.once("data", async () => {
  const { prisma } = createPrisma(${JSON.stringify(`pglite:${served}`)});
  await prisma.$queryRawUnsafe("SELECT 1");
  console.log("queried");
});
setInterval(() => {}, 1000);
`,
  );
  const server = spawn(process.execPath, ["--import", "tsx", script], { stdio: ["pipe", "pipe", "pipe"] });
  child = server;
  const output = { out: "", err: "" };
  server.stdout!.on("data", (d: Buffer) => (output.out += d.toString()));
  server.stderr!.on("data", (d: Buffer) => (output.err += d.toString()));
  const until = async (text: string) => {
    for (let i = 0; i < 600 && !output.out.includes(text); i++) await new Promise((r) => setTimeout(r, 100));
    if (!output.out.includes(text)) throw new Error(`no "${text}" from the server: ${output.err}`);
  };

  handOverDatabaseDirLock(served, server.pid!);
  expect(fs.readFileSync(`${served}.lock`, "utf8").split(/\s+/)[0]).toBe(String(server.pid));
  // Handed over: this process's release no longer removes it, and it cannot hand it over again.
  release();
  expect(fs.existsSync(`${served}.lock`)).toBe(true);
  expect(() => handOverDatabaseDirLock(served, process.pid)).toThrow(/does not hold/);

  // A script started while the server boots is refused, before and after the server's first query.
  await until("started");
  expect(() => lockDatabaseDir(served)).toThrow(DatabaseDirLockedError);
  server.stdin!.write("go\n");
  await until("queried");
  expect(fs.readFileSync(`${served}.lock`, "utf8").split(/\s+/)[0]).toBe(String(server.pid));
  expect(() => lockDatabaseDir(served)).toThrow(DatabaseDirLockedError);

  // Stopped, the server lets it go.
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  await exited;
  child = null;
  expect(fs.existsSync(`${served}.lock`)).toBe(false);
});
