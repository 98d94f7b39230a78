// While plan, apply or status read a large or slow organization, a terminal shows that something
// is happening: one line on stderr, rewritten in place with the requests made so far, erased when
// the reading is done. Nothing at all when stderr is not a terminal (CI logs stay clean), and
// nothing for a read that is over before the first tick.
import type { ApiClient } from '../api/client.js';
import type { Io } from './context.js';

const TICK_MS = 150;
const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function readingProgress(io: Io, client: Pick<ApiClient, 'stats'>, what = 'Reading the organization'): () => void {
  if (!io.stderr.isTTY) return () => undefined;
  let frame = 0;
  let shown = false;
  const timer = setInterval(() => {
    const n = client.stats().requests;
    io.stderr.write(`\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${what}… ${n} request${n === 1 ? '' : 's'}`);
    shown = true;
  }, TICK_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    if (shown) io.stderr.write('\r\x1b[2K');
  };
}
