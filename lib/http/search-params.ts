// A page's query string as Next.js hands it over (awaited).
export type TSearchParams = Record<string, string | string[] | undefined>;
export type TPageSearchParams = Promise<TSearchParams>;

// A parameter given more than once counts by its first value.
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

// The same, as text for a filter or a search: absent is "".
export function paramText(value: string | string[] | undefined): string {
  return firstParam(value) ?? "";
}
