// The order in which the schema lists the fields of an object of the file, so that a field added to
// a declaration lands where a person would have written it (`expires_at` after `limit`, not after
// `guardrail`). Read from the zod schema itself: a field the schema learns is placed without change here.
import { fileSchema } from '../config/schema.js';
import type { YamlPath } from './yaml-text.js';

interface Def {
  type: string;
  innerType?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
  shape?: Record<string, { _zod: { def: Def } }>;
}

/** Field names of the object at `path` of the file (list indexes may be any number), in schema order. */
export function fieldOrder(path: YamlPath): string[] {
  let def: Def | undefined = unwrap((fileSchema as unknown as { _zod: { def: Def } })._zod.def);
  for (const seg of path) {
    if (!def) return [];
    if (typeof seg === 'number') def = def.type === 'array' ? unwrap(def.element?._zod.def) : undefined;
    else def = def.type === 'object' ? unwrap(def.shape?.[seg]?._zod.def) : undefined;
  }
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function unwrap(def: Def | undefined): Def | undefined {
  let d = def;
  while (d && (d.type === 'optional' || d.type === 'nullable' || d.type === 'default')) d = d.innerType?._zod.def;
  return d;
}
