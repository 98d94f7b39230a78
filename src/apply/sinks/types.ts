// Where a newly created key's secret goes: the only place it ever goes (PRODUCT.md section 4).

export interface DeliveredSecret {
  /** key.<workspace>/<name> */
  address: string;
  workspace: string;
  name: string;
  secret: string;
  hash: string;
  created_at: string;
  /**
   * Set when the new key is a rotation's successor (PRODUCT.md section 8): the key it succeeds keeps
   * working until `predecessor_retires_at` (its successor's creation plus the overlap); from then on
   * the next apply or `rotate --due` deletes or disables it.
   */
  rotation?: { predecessor_hash: string; predecessor_retires_at: string };
}

export interface SecretSink {
  /** Human description for messages (never the secret). */
  readonly description: string;
  /** Refuse before any write when the sink cannot work (e.g. a file git would commit). */
  check(): Promise<void>;
  deliver(entry: DeliveredSecret): Promise<void>;
  /**
   * Whether the sink already holds the secret of the key with this hash — used to finish an
   * interrupted creation instead of replacing the key. A sink that cannot tell answers false.
   */
  holds(hash: string): Promise<boolean>;
}
