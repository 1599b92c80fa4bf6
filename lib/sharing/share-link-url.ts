const DEFAULT_BASE_URL = "http://localhost:3000";

// The address the holder sends: APP_BASE_URL (the public address, which may include a path
// prefix) + /compartido/<token>, like the QR's verification URL.
export function shareLinkUrl(token: string, baseUrl: string | undefined = process.env.APP_BASE_URL): string {
  const base = new URL(baseUrl?.trim() || DEFAULT_BASE_URL);
  const prefix = base.pathname.replace(/\/+$/, "");
  return `${base.origin}${prefix}${shareLinkPath(token)}`;
}

export function shareLinkPath(token: string): string {
  return `/compartido/${encodeURIComponent(token)}`;
}
