// Bulk assign/unassign/add/remove calls answer with a count, and an unknown hash or member is not
// an error — it just does not count (API README). A count short of what was sent is therefore
// checked against the list itself: a retried call whose first attempt committed also counts short,
// and that is success; anything still missing is a failure that names the objects.
import { OradminError } from '../errors.js';

export const BULK_LIMIT = 100;

export function chunks<T>(items: readonly T[], size = BULK_LIMIT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface CountedCall {
  /** What the call is about, for the error message (e.g. `assign keys to guardrail.default/cap`). */
  what: string;
  ids: readonly string[];
  call: (ids: string[]) => Promise<number>;
  /** The ids that are in the desired end state after the call (e.g. assigned ones). */
  verify: () => Promise<ReadonlySet<string>>;
  /** true: the ids must end up present (assign/add); false: absent (unassign/remove). */
  present: boolean;
}

export async function countedBulk(spec: CountedCall): Promise<void> {
  for (const chunk of chunks(spec.ids)) {
    const count = await spec.call(chunk);
    if (count === chunk.length) continue;
    const state = await spec.verify();
    const wrong = chunk.filter((id) => state.has(id) !== spec.present);
    if (wrong.length > 0) {
      throw new OradminError(
        `${spec.what}: the API counted ${count} of ${chunk.length}, and ${wrong.length} ${spec.present ? 'are still missing' : 'are still there'} (${wrong.slice(0, 5).join(', ')})`,
      );
    }
  }
}
