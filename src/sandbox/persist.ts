// Optional persistence: the organization as JSON in a file, read at start and rewritten after
// every successful write, so that a demo can run in steps across processes.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { OrgData } from './state/records.js';

const FORMAT = 'oradmin-sandbox-state';

/** The state file exists but cannot be used. */
export class PersistError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PersistError';
  }
}

const VERSION = 1;

/** The saved organization, or undefined when the file does not exist yet. */
export function loadPersisted(path: string): OrgData | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  let doc: { format?: unknown; version?: unknown; data?: unknown };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch (err) {
    throw new PersistError(`${path}: not a sandbox state file (${(err as Error).message})`);
  }
  if (doc.format !== FORMAT || doc.version !== VERSION || typeof doc.data !== 'object' || doc.data === null) {
    throw new PersistError(`${path}: not a sandbox state file (expected format "${FORMAT}" version ${VERSION}); delete it to start over`);
  }
  return doc.data as OrgData;
}

/** Written to a temporary file and renamed, so a reader never sees half a state. */
export function savePersisted(path: string, data: OrgData): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ format: FORMAT, version: VERSION, data }, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}
