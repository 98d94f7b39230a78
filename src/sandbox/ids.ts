// Identifiers and secrets: key secrets (`sk-or-v1-` + 64 hex), their SHA-256 hashes and masked
// labels, random or counter-based UUIDs, and the name-based UUID of a workspace's default guardrail.
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const SECRET_PREFIX = 'sk-or-v1-';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A fresh secret in the API's format: the prefix and 32 random bytes in lowercase hex. */
export function randomSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('hex');
}

/**
 * The masked form the API shows as a key's `label`: prefix, first and last three hex digits.
 * Also used on a bare hash (seeded keys whose secret nobody knows).
 */
export function maskSecret(secretOrHash: string): string {
  const hex = secretOrHash.startsWith(SECRET_PREFIX) ? secretOrHash.slice(SECRET_PREFIX.length) : secretOrHash;
  return `${SECRET_PREFIX}${hex.slice(0, 3)}...${hex.slice(-3)}`;
}

/** Namespace of the sandbox's name-based UUIDs (itself a random v4 UUID, fixed forever). */
const SANDBOX_NAMESPACE = '3f0b8c52-6a5e-4d0b-9a4e-2b7c1d9e8f10';

/**
 * RFC 9562 version-5 UUID (SHA-1 of namespace and name). The reference says a workspace's
 * `default_guardrail_id` is "Deterministic ID derived from the workspace ID".
 */
export function uuidV5(name: string, namespace: string = SANDBOX_NAMESPACE): string {
  const digest = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name).digest();
  const bytes = digest.subarray(0, 16);
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x50, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Where new ids and key secrets come from. With `deterministic`, both come from a counter so
 * that golden tests see the same ids on every run (the secrets are then predictable: tests only).
 */
export class IdSource {
  constructor(
    readonly deterministic: boolean,
    private counter = 0,
  ) {}

  /** The counter, saved with the state so that a restored sandbox does not reuse an id. */
  get position(): number {
    return this.counter;
  }

  uuid(): string {
    if (!this.deterministic) return randomUUID();
    this.counter += 1;
    return `00000000-0000-4000-8000-${this.counter.toString(16).padStart(12, '0')}`;
  }

  secret(): string {
    if (!this.deterministic) return randomSecret();
    this.counter += 1;
    return SECRET_PREFIX + sha256Hex(`oradmin-sandbox-secret-${this.counter}`);
  }
}
