import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

// Debian's poppler-utils, qpdf and zbar-tools: independent readers of what we write.
export async function run(cmd: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return execFileAsync(cmd, args, { maxBuffer: 64 * 1024 * 1024, encoding: "utf8" });
}

export async function makeTempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), "certifica-pdf-test-"));
}

export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await makeTempDir();
  try {
    return await fn(dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export async function writeTemp(dir: string, name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  return file;
}

// Text of each page (pdftotext separates pages with a form feed).
export async function pdfPagesText(file: string): Promise<string[]> {
  const { stdout } = await run("pdftotext", ["-enc", "UTF-8", file, "-"]);
  const pages = stdout.split("\f");
  if (pages.at(-1)?.trim() === "") pages.pop();
  return pages;
}

export type TWordBox = { page: number; word: string; xMin: number; yMin: number; xMax: number; yMax: number };

// Every word with its box, from `pdftotext -bbox`.
export async function pdfWordBoxes(file: string): Promise<TWordBox[]> {
  const { stdout } = await run("pdftotext", ["-bbox", "-enc", "UTF-8", file, "-"]);
  const words: TWordBox[] = [];
  let page = 0;
  for (const line of stdout.split("\n")) {
    if (line.includes("<page ")) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) words.push({ page, xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], word: m[5] });
  }
  return words;
}

// The words poppler reads inside a box (PDF points from the bottom left) of a page (1-based), in
// reading order, on pages `pageHeight` points high (US Letter by default).
export async function pdfWordsInside(file: string, page: number, rect: readonly number[], pageHeight = 792): Promise<string> {
  const [left, bottom, right, top] = rect;
  return (await pdfWordBoxes(file))
    .filter((w) => w.page === page && w.xMin >= left && w.xMax <= right && pageHeight - w.yMax >= bottom && pageHeight - w.yMin <= top)
    .map((w) => w.word)
    .join(" ");
}

export type TImageRow = { page: number; type: string; width: number; height: number; color: string };

export async function pdfImages(file: string): Promise<TImageRow[]> {
  const { stdout } = await run("pdfimages", ["-list", file]);
  return stdout
    .split("\n")
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const c = l.trim().split(/\s+/);
      return { page: Number(c[0]), type: c[2], width: Number(c[3]), height: Number(c[4]), color: c[5] };
    });
}

export async function pdfPageCount(file: string): Promise<number> {
  const { stdout } = await run("pdfinfo", [file]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
}
