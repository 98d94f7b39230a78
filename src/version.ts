// Kept in step with package.json by test/version.test.ts; read at runtime without touching the file system.
export const VERSION = '0.1.0';
