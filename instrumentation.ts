// Runs once when a Next.js server process starts (never during `next build`).
export async function register(): Promise<void> {
  // Database and file storage exist only in the Node.js runtime.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { scheduleUploadSweep } = await import("@/lib/uploads/schedule-upload-sweep");
  scheduleUploadSweep();
}
