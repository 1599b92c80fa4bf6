// Where RFC 3161 timestamps come from. Production points TSA_URL at an accredited TSA; `npm start`
// and the tests run a local one (openssl ts -reply) and set it.
export type TTsaConfig = {
  url: string;
  // HTTP Basic credentials, when the TSA asks for them.
  username?: string;
  password?: string;
};

// TSA_URL, TSA_USERNAME, TSA_PASSWORD; null when TSA_URL is unset (signing is then refused).
export function readTsaConfig(env: Record<string, string | undefined> = process.env): TTsaConfig | null {
  const url = env.TSA_URL?.trim();
  if (!url) return null;
  const username = env.TSA_USERNAME?.trim() || undefined;
  return { url, ...(username ? { username, password: env.TSA_PASSWORD ?? "" } : {}) };
}
