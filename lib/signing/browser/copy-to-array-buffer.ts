// A fresh ArrayBuffer with exactly these bytes. Not `bytes.slice().buffer`: a Node Buffer (what
// tests and server code pass) is a view into a shared pool, and its `slice` is a view too.
export function copyToArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return new Uint8Array(bytes).buffer as ArrayBuffer;
}
