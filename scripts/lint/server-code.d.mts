// Types of server-code.mjs (plain JavaScript so that ESLint loads it without TypeScript).
export declare const SERVER_CODE: string[];
export declare const SERVER_CODE_IGNORES: string[];
export declare function listClientModules(root?: string): string[];
