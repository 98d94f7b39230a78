// Asking before a write on a terminal. Only "yes" proceeds, as with Terraform: a stray Enter must
// not apply a plan that deletes things.
import { createInterface } from 'node:readline';
import type { Io } from './context.js';

export async function confirm(io: Io, question: string): Promise<boolean> {
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: false });
  try {
    io.stderr.write(`${question} Only 'yes' will be accepted: `);
    const answer = await new Promise<string>((resolve) => {
      rl.once('line', resolve);
      rl.once('close', () => resolve(''));
    });
    return answer.trim() === 'yes';
  } finally {
    rl.close();
  }
}
