// `oradmin unlock <run>`: removes a run's apply lease (apply/lease.ts) whoever holds it. For a lease
// left by an apply that crashed or was killed, when waiting for it to expire is not an option.
import { forceRelease, describeLease } from '../apply/lease.js';
import { RUN_ID_PATTERN } from '../core/reserved-names.js';
import { OradminError } from '../errors.js';
import type { GlobalOptions, Io } from './context.js';
import { makeClient } from './pipeline.js';

export async function runUnlock(opts: GlobalOptions, io: Io, run: string): Promise<void> {
  if (!RUN_ID_PATTERN.test(run)) throw new OradminError(`"${run}" is not a run id (8 to 32 hex digits, as apply and plan print them)`);
  const client = makeClient(opts, io);
  try {
    const lease = await forceRelease(client, run, new Date());
    io.stderr.write(
      `Released the apply lease of ${describeLease(lease)}. If that apply is still running, it stops starting operations at its next renewal.\n`,
    );
  } finally {
    await client.close();
  }
}
