// Runs once when a Next.js server process starts (never during `next build`).
export async function register(): Promise<void> {
  // Database and file storage exist only in the Node.js runtime.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before serving: an instance on local-disk storage the running ones do not share exits here.
  const { scheduleStorageInstance } = await import("@/lib/storage/schedule-storage-instance");
  await scheduleStorageInstance();
  const { scheduleUploadSweep } = await import("@/lib/uploads/schedule-upload-sweep");
  scheduleUploadSweep();
}
