import { afterEach, describe, expect, it, vi } from "vitest";
import path from "node:path";
import { createStorageFromEnv, getStorage } from "@/lib/storage/get-storage";
import { DEFAULT_STORAGE_DIR, LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { UploadThingStorage } from "@/lib/storage/uploadthing-storage";

// A syntactically valid UploadThing token (base64 JSON); it authorizes nothing anywhere.
const FAKE_TOKEN = Buffer.from(
  JSON.stringify({ apiKey: "sk_live_0000000000000000000000000000000000000000", appId: "testapp123", regions: ["sea1"] }),
).toString("base64");
const SHA = "a".repeat(64);

afterEach(() => {
  vi.unstubAllEnvs();
  delete (globalThis as { certificaStorage?: unknown }).certificaStorage;
});

describe("storage selection from the environment", () => {
  it("defaults to the local disk under .data/files", () => {
    const s = createStorageFromEnv({});
    expect(s).toBeInstanceOf(LocalDiskStorage);
    expect(s.name).toBe("local-disk");
    expect((s as LocalDiskStorage).root).toBe(path.resolve(DEFAULT_STORAGE_DIR));
  });

  it("uses STORAGE_DIR for the local disk", () => {
    const s = createStorageFromEnv({ STORAGE_DIR: "/tmp/certifica-elsewhere" });
    expect((s as LocalDiskStorage).root).toBe("/tmp/certifica-elsewhere");
  });

  it("a blank UPLOADTHING_TOKEN does not switch to UploadThing", () => {
    expect(createStorageFromEnv({ UPLOADTHING_TOKEN: "  " })).toBeInstanceOf(LocalDiskStorage);
  });

  it("uses UploadThing when UPLOADTHING_TOKEN is set", () => {
    const s = createStorageFromEnv({ UPLOADTHING_TOKEN: FAKE_TOKEN, STORAGE_DIR: "/tmp/ignored" });
    expect(s).toBeInstanceOf(UploadThingStorage);
    expect(s.name).toBe("uploadthing");
  });

  it("getStorage reads process.env once and keeps the instance", () => {
    vi.stubEnv("UPLOADTHING_TOKEN", "");
    vi.stubEnv("STORAGE_DIR", "/tmp/certifica-from-env");
    const s = getStorage();
    expect((s as LocalDiskStorage).root).toBe("/tmp/certifica-from-env");
    expect(getStorage()).toBe(s);
  });
});

describe("UploadThingStorage without network", () => {
  it("is constructed and signs read URLs for customId = sha256 without any request", async () => {
    const fetchSpy = vi.fn<typeof fetch>(async () => {
      throw new Error("no network in this test");
    });
    const s = new UploadThingStorage({ token: FAKE_TOKEN, fetch: fetchSpy });
    const url = new URL(await s.signedUrl(SHA));
    expect(url.origin).toBe("https://testapp123.ufs.sh");
    expect(url.pathname).toBe(`/f/${SHA}`);
    expect(url.searchParams.get("signature")).toBeTruthy();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("refuses keys that are not a SHA-256 before building a URL", async () => {
    const s = new UploadThingStorage({ token: FAKE_TOKEN, fetch: vi.fn() });
    await expect(s.signedUrl("../secret")).rejects.toThrow();
    expect(await s.exists("not-a-hash")).toBe(false);
  });

  it("maps the CDN's answers: 404 is absent, 200 with the right bytes is served, wrong bytes are refused", async () => {
    const body = Buffer.from("%PDF-1.7 hola");
    const { createHash } = await import("node:crypto");
    const key = createHash("sha256").update(body).digest("hex");
    const fakeFetch = vi.fn<typeof fetch>(async (input) => {
      const u = new URL(String(input));
      if (u.pathname === `/f/${key}`) return new Response(new Uint8Array(body), { status: 200 });
      if (u.pathname === `/f/${SHA}`) return new Response(new Uint8Array(Buffer.from("otra cosa")), { status: 200 });
      return new Response("not found", { status: 404 });
    });
    const s = new UploadThingStorage({ token: FAKE_TOKEN, fetch: fakeFetch });
    expect(await s.exists(key)).toBe(true);
    expect(await s.exists("b".repeat(64))).toBe(false);
    expect((await s.get(key)).equals(body)).toBe(true);
    await expect(s.get(SHA)).rejects.toThrow(/hashes to/);
    // Existing content: put does not upload again.
    expect(await s.put(body)).toEqual({ key, sha256: key, size: body.length });
    expect(fakeFetch.mock.calls.every(([, init]) => init?.method === "GET" || init?.method === "HEAD")).toBe(true);
  });

  it("delete asks UploadThing to delete the file by its customId (the sweep's only use), and checks the key first", async () => {
    const requests: { url: string; body: string }[] = [];
    const fakeFetch = vi.fn<typeof fetch>(async (input, init) => {
      const request = input instanceof Request ? input : new Request(String(input), init);
      requests.push({ url: request.url, body: await request.text() });
      return Response.json({ success: true, deletedCount: 1 });
    });
    const s = new UploadThingStorage({ token: FAKE_TOKEN, fetch: fakeFetch });
    await expect(s.delete("../secret")).rejects.toThrow();
    expect(requests).toEqual([]);
    await s.delete(SHA);
    expect(requests).toHaveLength(1);
    expect(new URL(requests[0].url).pathname).toMatch(/deleteFiles$/);
    expect(JSON.parse(requests[0].body)).toMatchObject({ customIds: [SHA] });
  });

  it("list pages through listFiles for storage:sweep and backup, and yields only our content-addressed, uploaded files", async () => {
    const requests: { url: string; body: { offset: number; limit: number } }[] = [];
    const page = (offset: number) =>
      offset === 0
        ? {
            files: [
              { name: "x.pdf", size: 10, customId: SHA, key: "k1", id: "1", status: "Uploaded", uploadedAt: 1_700_000_000_000 },
              { name: "by-hand.pdf", size: 5, customId: null, key: "k2", id: "2", status: "Uploaded", uploadedAt: 1 },
              { name: "y.pdf", size: 7, customId: "b".repeat(64), key: "k3", id: "3", status: "Uploading", uploadedAt: 2 },
            ],
            hasMore: true,
          }
        : { files: [{ name: "z.pdf", size: 3, customId: "c".repeat(64), key: "k4", id: "4", status: "Uploaded", uploadedAt: 3 }], hasMore: false };
    const fakeFetch = vi.fn<typeof fetch>(async (input, init) => {
      const request = input instanceof Request ? input : new Request(String(input), init);
      const body = JSON.parse(await request.text());
      requests.push({ url: request.url, body });
      return Response.json(page(body.offset));
    });
    const s = new UploadThingStorage({ token: FAKE_TOKEN, fetch: fakeFetch });
    const listed = [];
    for await (const f of s.list()) listed.push(f);
    expect(listed).toEqual([
      { key: SHA, size: 10, storedAt: new Date(1_700_000_000_000) },
      { key: "c".repeat(64), size: 3, storedAt: new Date(3) },
    ]);
    expect(requests.map((r) => [new URL(r.url).pathname.endsWith("listFiles"), r.body.offset])).toEqual([
      [true, 0],
      [true, 3],
    ]);
  });
});
