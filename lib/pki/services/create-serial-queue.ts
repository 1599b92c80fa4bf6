// Runs tasks one after another. The TSA serial and the CRL number are files openssl reads,
// increments and rewrites: two children at once could hand out the same number.
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const result = tail.then(task, task);
    tail = result.catch(() => {});
    return result;
  };
}
