// `apply --log-file`: one JSON line per operation event (time, address, action, result, ids),
// appended so that a log of many runs reads as a history. Never a secret: entries carry hashes,
// nonces and ids only, and error messages pass through redaction once more.
import { appendFile } from 'node:fs/promises';
import { redactSecrets } from '../api/redact.js';
import { jsonText } from '../untrusted.js';

export interface AuditEntry {
  address: string;
  action: string;
  result: 'started' | 'done' | 'failed' | 'not-started' | 'step';
  step?: string;
  ids?: Record<string, unknown>;
  error?: string;
  ms?: number;
}

export class AuditLog {
  private queue: Promise<void> = Promise.resolve();
  constructor(
    private readonly path: string,
    private readonly now: () => Date,
  ) {}

  write(entry: AuditEntry): void {
    const line = jsonText(JSON.stringify({ time: this.now().toISOString(), ...entry, ...(entry.error ? { error: redactSecrets(entry.error) } : {}) }));
    this.queue = this.queue.then(() => appendFile(this.path, `${line}\n`, { mode: 0o600 }));
  }

  async flush(): Promise<void> {
    await this.queue;
  }
}
