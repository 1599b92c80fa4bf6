import * as pkijs from "pkijs";

let ready = false;

// pkijs does its hashing and signature checks through WebCrypto: Node's, set once per process
// (pkijs would otherwise look for `self.crypto`, which Node lacks).
export function ensurePkijsEngine(): void {
  if (ready) return;
  pkijs.setEngine("node-webcrypto", new pkijs.CryptoEngine({ name: "node-webcrypto", crypto: globalThis.crypto }));
  ready = true;
}
