// Types of database-dir-lock-file.mjs (plain JavaScript: scripts/start.mjs loads it without TypeScript).
export type TLockOwner = { pid: number; started: string | null };
export declare function startTimeOf(pid: number): string | null;
export declare function ownerLine(pid: number): string;
export declare function readLockOwner(lockPath: string): TLockOwner | null;
export declare function writeLockOwner(lockPath: string, pid: number): void;
