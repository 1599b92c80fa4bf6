// SHUTDOWN_TIMEOUT_SECONDS (25): on SIGTERM, how long the requests in flight may take to finish
// before their connections are cut. Below the supervisor's own limit (systemd's TimeoutStopSec, 90 s;
// Kubernetes' terminationGracePeriodSeconds, 30 s), so the database is still closed cleanly after
// the cut. Read by a server process (scripts/serve-instance.mts) and by the primary of
// SERVER_WORKERS, which kills what still runs some time after it.
export function readDrainTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  return Number(env.SHUTDOWN_TIMEOUT_SECONDS || 25) * 1000;
}
