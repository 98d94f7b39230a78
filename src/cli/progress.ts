// Progress of an apply on stderr (never stdout, which carries the plan and the result): one stable
// line per finished operation, numbered and in plan order — a batch of 100 member bindings is 100
// lines, each with its own number — and, on a terminal, one live line below them naming what is
// running now, rewritten in place. Operations that finish before an earlier one are held back until
// it has, so the log reads top to bottom like the plan.
import type { ExecEvent } from '../apply/executor.js';
import type { Operation } from '../core/types.js';
import type { Io } from './context.js';
import { terminalText } from '../untrusted.js';

export interface Progress {
  (e: ExecEvent): void;
  /** Prints what finished and is still held back, and clears the live line (at the end of a run). */
  flush(): void;
}

export function progressReporter(io: Io, ops: readonly Operation[]): Progress {
  const tty = Boolean(io.stderr.isTTY);
  const total = ops.length;
  const position = new Map(ops.map((o, i) => [o, i]));
  const finished = new Map<number, { ok: boolean; ms: number }>();
  const running = new Set<Operation>();
  let next = 0;
  let live = false;

  const line = (i: number) => {
    const op = ops[i]!;
    const f = finished.get(i)!;
    return `[${i + 1}/${total}] ${f.ok ? 'ok' : 'FAILED'} ${op.action} ${terminalText(op.address)}${tty ? '' : ` (${Math.round(f.ms)} ms)`}`;
  };
  const clearLive = () => {
    if (live) io.stderr.write('\r\x1b[2K');
    live = false;
  };
  const drawLive = () => {
    if (!tty || running.size === 0) return;
    const names = [...running].slice(0, 2).map((o) => `${o.action} ${terminalText(o.address)}`);
    const more = running.size > 2 ? ` and ${running.size - 2} more` : '';
    io.stderr.write(`\r\x1b[2K… ${next}/${total} done; running ${names.join(', ')}${more}`);
    live = true;
  };
  const release = (all: boolean) => {
    const lines: string[] = [];
    // In order; at the end (`all`) past operations that never started, which the report lists.
    for (; next < total; next++) {
      if (finished.has(next)) lines.push(line(next));
      else if (!all) break;
    }
    if (lines.length > 0) {
      clearLive();
      io.stderr.write(`${lines.join('\n')}\n`);
    }
  };

  const progress = ((e: ExecEvent) => {
    if (e.type === 'start') {
      for (const op of e.ops) running.add(op);
    } else {
      for (const op of e.ops) {
        running.delete(op);
        finished.set(position.get(op)!, { ok: e.type === 'done', ms: e.ms });
      }
      release(false);
    }
    drawLive();
  }) as Progress;
  progress.flush = () => {
    release(true);
    clearLive();
  };
  return progress;
}
