type TEnv = Record<string, string | undefined>;
export declare const SERVER_SCRIPT: string;
export declare const DEFAULT_HEAP_MB: number;
export declare function serverHeapMb(env?: TEnv): number | null;
export declare function serverNodeArgs(env?: TEnv): string[];
export declare function serverEnv(env?: TEnv): NodeJS.ProcessEnv;
export declare function isServerReadyLine(line: string): boolean;
