// `oradmin rotate` (PRODUCT.md sections 2 and 8): apply's run — lease, plan printed first,
// refusals, confirmation, the key-creation protocol, audit log, verification, exit codes — with a
// plan of key-lifecycle work only: the named keys rotated now, or (--due) exactly the rotations and
// retirements that are due by time. Nothing else the file may want is touched, so that it is safe to
// run unattended on a schedule.
import { OradminError } from '../errors.js';
import type { GlobalOptions, Io } from './context.js';
import { runApply } from './run-apply.js';

export interface RotateCommandOptions {
  addresses: string[];
  due?: boolean;
  now?: boolean;
  autoApprove?: boolean;
  secretsOut?: string;
  logFile?: string;
  lockTimeout?: string;
  lockTtl?: string;
}

export async function runRotate(global: GlobalOptions, io: Io, cmd: RotateCommandOptions): Promise<number> {
  const due = cmd.due === true;
  if (!due && cmd.addresses.length === 0) {
    throw new OradminError('rotate needs the keys to rotate (e.g. oradmin rotate key.default/ci-bot; globs with * allowed), or --due for what is due by time');
  }
  if (cmd.now && cmd.addresses.length === 0) {
    throw new OradminError('--now retires the predecessors of the keys you name at once: name them (e.g. oradmin rotate key.default/ci-bot --now)');
  }
  if (cmd.now && due) {
    throw new OradminError('--now rotates the named keys whatever their age, --due only what is due by time: give one of them');
  }
  for (const a of cmd.addresses) {
    if (!/^key\.[^/]+\/.+$/.test(a) && !a.includes('*')) {
      throw new OradminError(`${a} is not a key address: rotate takes addresses like key.default/ci-bot (globs with * allowed)`);
    }
  }
  return runApply(global, io, {
    autoApprove: cmd.autoApprove,
    ...(cmd.secretsOut ? { secretsOut: cmd.secretsOut } : {}),
    ...(cmd.logFile ? { logFile: cmd.logFile } : {}),
    ...(cmd.lockTimeout ? { lockTimeout: cmd.lockTimeout } : {}),
    ...(cmd.lockTtl ? { lockTtl: cmd.lockTtl } : {}),
    lifecycle: { due, addresses: cmd.addresses, now: cmd.now === true },
  });
}
