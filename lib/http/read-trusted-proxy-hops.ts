// TRUSTED_PROXY_HOPS: how many reverse proxies of our own stand between the clients and this server
// (a load balancer, then nginx: 2). 0, the default, means clients connect directly, and only the
// socket's address counts. Too high a number lets a client choose its address; too low makes every
// client look like the proxy. Refused when not a whole number from 0 to 10.
export const MAX_TRUSTED_PROXY_HOPS = 10;

export function readTrustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRUSTED_PROXY_HOPS?.trim();
  if (!raw) return 0;
  if (!/^\d+$/.test(raw) || Number(raw) > MAX_TRUSTED_PROXY_HOPS) {
    throw new Error(`TRUSTED_PROXY_HOPS debe ser un número entero de 0 a ${MAX_TRUSTED_PROXY_HOPS} (la cantidad de proxies propios delante del servidor); es «${raw.slice(0, 20)}».`);
  }
  return Number(raw);
}
