// The path a request line logs: never the query string (sign-in links, password resets and
// callbacks carry tokens there), and a share link's token replaced by its placeholder (the token is
// the credential of /compartido/<token>). Other ids in paths (case ids, verification codes) stay:
// they are what support looks for.
const SECRET_SEGMENTS: readonly { prefix: string; placeholder: string }[] = [{ prefix: "/compartido/", placeholder: "[token]" }];

export function logRoutePath(url: string | undefined): string {
  const raw = url ?? "/";
  const cut = raw.search(/[?#]/);
  const path = (cut === -1 ? raw : raw.slice(0, cut)).slice(0, 300);
  for (const { prefix, placeholder } of SECRET_SEGMENTS) {
    if (path.startsWith(prefix) && path.length > prefix.length) {
      const rest = path.slice(prefix.length);
      const slash = rest.indexOf("/");
      return prefix + placeholder + (slash === -1 ? "" : rest.slice(slash));
    }
  }
  return path;
}
