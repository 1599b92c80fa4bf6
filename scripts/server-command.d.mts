type TEnv = Record<string, string | undefined>;
export declare const SERVER_SCRIPT: string;
export declare function serverHeapMb(env?: TEnv): number;
export declare function serverNodeArgs(env?: TEnv): string[];
export declare function serverEnv<T extends TEnv>(env?: T): T & { MALLOC_MMAP_THRESHOLD_: string; MALLOC_TRIM_THRESHOLD_: string };
