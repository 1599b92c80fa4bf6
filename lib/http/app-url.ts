// An absolute URL of this app for links in mail: APP_BASE_URL (the public address, which may carry
// a path prefix) and the path.
export function appUrl(pathname: string, baseUrl: string | undefined = process.env.APP_BASE_URL): string {
  const base = new URL(baseUrl?.trim() || "http://localhost:3000");
  return `${base.origin}${base.pathname.replace(/\/+$/, "")}${pathname}`;
}
