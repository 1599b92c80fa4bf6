import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { createUnlinkingSetImmediate } from "@/lib/http/unlink-run-immediates";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

// Three immediates of one turn; the first is kept (as an Error's stack frames keep the immediate
// they ran in), the second carries a payload (as an immediate carries its request's state). Returns
// whether the payload can still be reached once all three ran and memory was collected.
async function payloadSurvives(schedule: typeof setImmediate): Promise<{ survives: boolean; order: string[] }> {
  const order: string[] = [];
  const kept: NodeJS.Immediate[] = [];
  let ref!: WeakRef<object>;
  await new Promise<void>((done) => {
    (() => {
      let payload: object | null = { state: new Array(10_000).fill("render") };
      ref = new WeakRef(payload);
      kept.push(schedule(() => order.push("first")));
      schedule((p: object) => order.push(`second ${Object.keys(p).length}`), payload);
      schedule(() => {
        order.push("third");
        done();
      });
      payload = null;
    })();
  });
  // Off the turn that ran them, so nothing on the stack holds them.
  await new Promise((r) => setTimeout(r, 0));
  for (let i = 0; i < 3; i++) gc();
  expect(kept).toHaveLength(1);
  return { survives: ref.deref() !== undefined, order };
}

describe("unlinkRunImmediates", () => {
  it("without it, one kept immediate keeps what the others of its turn carried (the leak it mends)", async () => {
    const { survives, order } = await payloadSurvives(setImmediate);
    expect(order).toEqual(["first", "second 1", "third"]);
    expect(survives).toBe(true);
  });

  it("with it, a kept immediate keeps nothing of the others, and they run as before", async () => {
    const { survives, order } = await payloadSurvives(createUnlinkingSetImmediate(setImmediate));
    expect(order).toEqual(["first", "second 1", "third"]);
    expect(survives).toBe(false);
  });

  it("clearing an immediate of the same turn from inside another still skips only it", async () => {
    const schedule = createUnlinkingSetImmediate(setImmediate);
    const order: string[] = [];
    await new Promise<void>((done) => {
      let second: NodeJS.Immediate | null = null;
      schedule(() => {
        order.push("a");
        clearImmediate(second!);
      });
      second = schedule(() => order.push("b"));
      schedule(() => order.push("c"));
      schedule(() => {
        order.push("d");
        done();
      });
    });
    expect(order).toEqual(["a", "c", "d"]);
  });

  it("keeps what Node hangs on setImmediate (its promisified form)", async () => {
    const { promisify } = await import("node:util");
    const schedule = createUnlinkingSetImmediate(setImmediate);
    await expect(promisify(schedule)("value")).resolves.toBe("value");
  });
});
