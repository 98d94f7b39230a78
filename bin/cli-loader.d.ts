// Types of bin/cli-loader.js (plain JavaScript, so that the launcher needs no build), for the tests.
import type vm from 'node:vm';

export const SCRIPT: string;
export function cachePathFor(buildId: string): string;
export function buildIdOf(source: string): string | undefined;
export function runsFromChunks(args: string[]): boolean;
export function loadCli(args: string[]): Promise<{ cli: { run: (argv: string[], io: unknown) => Promise<number>; main: (argv: string[]) => Promise<void> }; build: 'cached-script' | 'chunks' | 'tsc'; cacheRejected?: boolean }>;
export function runScript(options?: { source?: string; cachedData?: Buffer }): { exports: Record<string, unknown>; script: vm.Script; cacheRejected: boolean | undefined };
