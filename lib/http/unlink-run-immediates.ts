import timers from "node:timers";

// Why (docs/decisions/0034): the immediates Node runs in one turn of its event loop stay linked to
// each other (`_idlePrev`/`_idleNext`) after they ran, and on Node 20 each one also holds the
// AsyncLocalStorage stores of the request that scheduled it. So one run immediate that something
// keeps (an Error's stack frames do: Next.js aborts a render's cache signal inside an immediate and
// keeps the AbortError) keeps every immediate of that turn, their requests' whole render state,
// their own kept errors, and so on: under a steady load the live heap grew by ~2 MB/s (2 768 finished
// requests' state reachable after 50 s at 200 connections) and was only let go once the load stopped.
// Unlinking each immediate from the one before it once it runs cuts the chain: what a kept
// immediate keeps is its own request's state, freed with it.
type TSetImmediate = typeof setImmediate;
type TLinked = { _idlePrev?: TLinked | null; _idleNext?: TLinked | null };

const INSTALLED = Symbol.for("certifica.unlink-run-immediates");
// Next.js captures setImmediate the first time it loads (its "fast setImmediate" extension) and calls
// the captured one from then on: installing after that would leave its renders' immediates as they were.
const NEXT_ORIGINALS = Symbol.for("next.fast-set-immediate.originals");

export function createUnlinkingSetImmediate(original: TSetImmediate): TSetImmediate {
  const wrapped = function setImmediate(callback: (...args: unknown[]) => void, ...args: unknown[]) {
    if (typeof callback !== "function") return original(callback, ...args);
    const immediate: NodeJS.Immediate & TLinked = original(function (this: unknown, ...callArgs: unknown[]) {
      // Node's loop reads this immediate's `_idleNext` after the callback, never the one before's:
      // both links of the previous one are dead now. Its `_idlePrev` is cleared when the next runs.
      const previous = immediate._idlePrev;
      if (previous) {
        previous._idleNext = null;
        immediate._idlePrev = null;
      }
      return callback.apply(this, callArgs);
    }, ...args);
    return immediate;
  };
  // util.promisify's custom form and anything else Node hangs on the function.
  Object.defineProperties(wrapped, Object.getOwnPropertyDescriptors(original));
  return wrapped as unknown as TSetImmediate;
}

// Once per process, before Next.js loads (scripts/serve.mts imports it dynamically after this).
// Returns false when Next.js had already captured setImmediate, which its caller reports.
export function unlinkRunImmediates(): boolean {
  const g = globalThis as typeof globalThis & { [INSTALLED]?: true; [NEXT_ORIGINALS]?: unknown };
  if (g[INSTALLED]) return true;
  const wrapped = createUnlinkingSetImmediate(globalThis.setImmediate);
  globalThis.setImmediate = wrapped;
  timers.setImmediate = wrapped;
  g[INSTALLED] = true;
  return g[NEXT_ORIGINALS] === undefined;
}
