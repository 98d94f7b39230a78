// What the sandbox observed: one entry per request, and counts per operationId, so tests and
// benchmarks can check how many calls a command made and which faults it met.
export type InjectedFault = '429' | '500' | '502' | '503' | 'reset' | 'rate-limit' | 'drop-after-commit';

export interface RequestLogEntry {
  method: string;
  /** Path only: the query string is never logged. */
  path: string;
  /** The reference's operationId; null for an unknown route. */
  operationId: string | null;
  /** null when the connection was destroyed before any response. */
  status: number | null;
  ms: number;
  fault: InjectedFault | null;
}

export class RequestLog {
  readonly entries: RequestLogEntry[] = [];
  private readonly perOperation = new Map<string, number>();

  record(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (entry.operationId !== null) {
      this.perOperation.set(entry.operationId, (this.perOperation.get(entry.operationId) ?? 0) + 1);
    }
  }

  counts(): Record<string, number> {
    return Object.fromEntries(this.perOperation);
  }

  reset(): void {
    this.entries.length = 0;
    this.perOperation.clear();
  }
}
