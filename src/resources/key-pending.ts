// Names of keys in the middle of oradmin's creation protocol (see apply/key-creation.ts). A new key
// is created under a temporary name carrying a per-operation nonce and renamed once its secret is
// delivered, so an interrupted creation can always be found again and finished or removed.

const PREFIX = 'oradmin-pending';

export interface PendingName {
  nonce: string;
  name: string;
}

export function pendingName(nonce: string, name: string): string {
  return `${PREFIX}:${nonce}:${name}`;
}

export function parsePendingName(keyName: string): PendingName | undefined {
  const m = /^oradmin-pending:([0-9a-f]{8,32}):(.+)$/s.exec(keyName);
  return m ? { nonce: m[1]!, name: m[2]! } : undefined;
}
