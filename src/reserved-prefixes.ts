// Name prefixes oradmin reserves in the live organization for its own objects (core/reserved-names.ts,
// resources/key-pending.ts, resources/key-predecessor.ts). Here, below every layer, so that validate
// can refuse them in the file too.

/** The apply lease: a guardrail `oradmin-lease:<run>`. */
export const LEASE_PREFIX = 'oradmin-lease:';

/** A key in the middle of the creation protocol: `oradmin-pending:<nonce>[@<run>]:<name>`. */
export const PENDING_PREFIX = 'oradmin-pending';

/**
 * A key's predecessor after a rotation, valid until its overlap has passed:
 * `oradmin-predecessor:<overlap>:<retire>:<name>` (resources/key-predecessor.ts).
 */
export const PREDECESSOR_PREFIX = 'oradmin-predecessor';
