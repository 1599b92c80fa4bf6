export declare const SERVER_SCRIPT: string;
export declare function serverHeapMb(env?: NodeJS.ProcessEnv): number;
export declare function serverNodeArgs(env?: NodeJS.ProcessEnv): string[];
export declare function serverEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
