// Progress of a long apply on stderr: a live line on a terminal, one line per operation otherwise
// (CI logs). Never on stdout, which carries the plan and the result.
import type { ExecEvent } from '../apply/executor.js';
import type { Io } from './context.js';
import { terminalText } from '../untrusted.js';

export function progressReporter(io: Io, total: number): (e: ExecEvent) => void {
  const tty = Boolean(io.stderr.isTTY);
  let finished = 0;
  return (e) => {
    if (e.type === 'start') return;
    finished += e.ops.length;
    const mark = e.type === 'done' ? 'ok' : 'FAILED';
    const first = terminalText(e.ops[0]!.address);
    const what = e.ops.length === 1 ? `${e.ops[0]!.action} ${first}` : `${e.ops[0]!.action} ${e.ops.length} × ${e.ops[0]!.kind} (${first}, …)`;
    if (tty) {
      io.stderr.write(`\r\x1b[2K[${finished}/${total}] ${mark} ${what}${finished === total || e.type === 'failed' ? '\n' : ''}`);
    } else {
      io.stderr.write(`[${finished}/${total}] ${mark} ${what} (${Math.round(e.ms)} ms)\n`);
    }
  };
}
