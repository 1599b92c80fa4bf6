import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

// fetch as the services' clients see it when some of them fail: requests whose path starts with
// one of `paths` get HTTP 503, the rest go through.
export function fetchFailing(...paths: string[]): typeof fetch {
  return async (url, init) => {
    const { pathname } = new URL(String(url));
    if (paths.some((p) => pathname.startsWith(p))) return new Response(null, { status: 503 });
    return fetch(url, init);
  };
}

// fetch to a TSA that answers another request: the query's nonce is replaced on the way.
export const fetchWithOtherNonce: typeof fetch = async (url, init) => {
  const request = pkijs.TimeStampReq.fromBER(new Uint8Array(init!.body as Uint8Array));
  request.nonce = new asn1js.Integer({ value: 42 });
  return fetch(url, { ...init, body: new Uint8Array(request.toSchema().toBER(false)) });
};
