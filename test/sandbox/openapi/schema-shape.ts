// Comparing two JSON Schemas field by field: the client's (zod, through z.toJSONSchema) and the
// document's. Each schema is reduced to a shape — the JSON types it admits, its enum, its object
// properties and required fields, its array items, a few constraints — following $ref into the
// document and merging allOf, anyOf and oneOf.
type Schema = Record<string, unknown>;

export interface Shape {
  /** JSON types admitted: string, number, integer, boolean, null, object, array. */
  types: Set<string>;
  /** Allowed values, when the schema lists them (const included). */
  enum?: unknown[];
  properties: Map<string, Shape>;
  required: Set<string>;
  items?: Shape;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
}

const ALL_TYPES = ['string', 'number', 'integer', 'boolean', 'null', 'object', 'array'];

function typeOfValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** The shape of `schema`; `resolve` turns a `$ref` into the schema it names. */
export function shapeOf(schema: unknown, resolve: (ref: string) => unknown): Shape {
  const s = (typeof schema === 'object' && schema !== null ? schema : {}) as Schema;
  if (typeof s.$ref === 'string') {
    const { $ref, ...rest } = s;
    const target = shapeOf(resolve($ref), resolve);
    return Object.keys(rest).some((k) => !['description', 'example', 'deprecated'].includes(k)) ? intersect(target, shapeOf(rest, resolve)) : target;
  }
  const alternatives = (['anyOf', 'oneOf'] as const).flatMap((k) => (Array.isArray(s[k]) ? [s[k] as unknown[]] : []));
  let shape = ownShape(s, resolve);
  for (const list of alternatives) shape = intersect(shape, union(list.map((sub) => shapeOf(sub, resolve))));
  if (Array.isArray(s.allOf)) for (const sub of s.allOf) shape = intersect(shape, shapeOf(sub, resolve));
  return shape;
}

function ownShape(s: Schema, resolve: (ref: string) => unknown): Shape {
  const values = 'const' in s ? [s.const] : Array.isArray(s.enum) ? (s.enum as unknown[]) : undefined;
  let types: Set<string>;
  if (typeof s.type === 'string') types = new Set([s.type]);
  else if (Array.isArray(s.type)) types = new Set(s.type as string[]);
  else if (values) types = new Set(values.map(typeOfValue));
  else types = new Set(ALL_TYPES);
  if (types.has('number')) types.add('integer');
  const shape: Shape = { types, properties: new Map(), required: new Set((s.required as string[] | undefined) ?? []) };
  if (values) shape.enum = values;
  for (const [name, sub] of Object.entries((s.properties as Record<string, unknown> | undefined) ?? {})) {
    shape.properties.set(name, shapeOf(sub, resolve));
  }
  if (s.items !== undefined) shape.items = shapeOf(s.items, resolve);
  for (const k of ['minLength', 'maxLength', 'minItems', 'maxItems', 'minimum', 'maximum'] as const) {
    // zod's z.int() states the safe-integer range, which says nothing about the API.
    if (typeof s[k] === 'number' && Math.abs(s[k] as number) !== Number.MAX_SAFE_INTEGER) shape[k] = s[k] as number;
  }
  if (typeof s.exclusiveMinimum === 'number') shape.minimum = s.exclusiveMinimum;
  if (typeof s.format === 'string') shape.format = s.format;
  return shape;
}

/** What satisfies both. */
function intersect(a: Shape, b: Shape): Shape {
  const properties = new Map(a.properties);
  for (const [k, v] of b.properties) properties.set(k, properties.has(k) ? intersect(properties.get(k) as Shape, v) : v);
  const out: Shape = {
    types: new Set([...a.types].filter((t) => b.types.has(t))),
    properties,
    required: new Set([...a.required, ...b.required]),
  };
  const enums = [a.enum, b.enum].filter((e): e is unknown[] => e !== undefined);
  if (enums.length === 2) out.enum = (enums[0] as unknown[]).filter((v) => (enums[1] as unknown[]).includes(v));
  else if (enums.length === 1) out.enum = enums[0];
  const items = a.items && b.items ? intersect(a.items, b.items) : (a.items ?? b.items);
  if (items) out.items = items;
  for (const k of ['minLength', 'minItems', 'minimum'] as const) {
    const v = Math.max(a[k] ?? -Infinity, b[k] ?? -Infinity);
    if (v !== -Infinity) out[k] = v;
  }
  for (const k of ['maxLength', 'maxItems', 'maximum'] as const) {
    const v = Math.min(a[k] ?? Infinity, b[k] ?? Infinity);
    if (v !== Infinity) out[k] = v;
  }
  const format = a.format ?? b.format;
  if (format) out.format = format;
  return out;
}

/** What satisfies either. */
function union(shapes: Shape[]): Shape {
  const out: Shape = { types: new Set(), properties: new Map(), required: new Set() };
  let enumValues: unknown[] | undefined = [];
  for (const s of shapes) {
    for (const t of s.types) out.types.add(t);
    for (const [k, v] of s.properties) if (!out.properties.has(k)) out.properties.set(k, v);
    if (s.items) out.items ??= s.items;
    // An alternative without enum admits any value of its types: the union has no enum.
    if (enumValues && s.enum) enumValues.push(...s.enum);
    else if (!(s.types.size === 1 && s.types.has('null'))) enumValues = undefined;
    else enumValues?.push(null);
    for (const k of ['minLength', 'maxLength', 'minItems', 'maxItems', 'minimum', 'maximum', 'format'] as const) {
      if (s[k] !== undefined && out[k] === undefined) (out as unknown as Record<string, unknown>)[k] = s[k];
    }
  }
  // Required fields of an object alternative (null alternatives have none).
  const objects = shapes.filter((s) => s.types.has('object'));
  if (objects.length > 0) for (const r of objects[0]?.required ?? []) if (objects.every((o) => o.required.has(r))) out.required.add(r);
  if (enumValues && shapes.some((s) => s.enum)) out.enum = [...new Set(enumValues)];
  return out;
}

const describeTypes = (s: Shape) => [...s.types].filter((t) => !(t === 'integer' && s.types.has('number'))).sort().join('|');

/**
 * Ways `narrow` admits a value `wide` does not (types, enum values, length and range limits,
 * format), at `path` and in every property and item of both. Properties of `narrow` missing from
 * `wide` are reported by `onMissing` (a client field the document does not have, say).
 */
export function notWithin(
  narrow: Shape,
  wide: Shape,
  path: string,
  onMissing: (path: string) => string | null,
): string[] {
  const problems: string[] = [];
  const at = path === '' ? '(body)' : path;
  const extraTypes = [...narrow.types].filter((t) => !wide.types.has(t) && !(t === 'integer' && wide.types.has('number')));
  if (extraTypes.length > 0) problems.push(`${at}: admits ${extraTypes.join(', ')}; the other side only ${describeTypes(wide)}`);
  if (wide.enum) {
    const values = narrow.enum ?? (narrow.types.size > 0 ? ['(any value)'] : []);
    const extra = values.filter((v) => !(wide.enum as unknown[]).includes(v) && !(v === null && wide.types.has('null')));
    if (extra.length > 0) problems.push(`${at}: admits ${extra.map((v) => JSON.stringify(v)).join(', ')}; the other side's enum is ${JSON.stringify(wide.enum)}`);
  }
  for (const k of ['minLength', 'minItems', 'minimum'] as const) {
    if (wide[k] !== undefined && (narrow[k] === undefined || (narrow[k] as number) < (wide[k] as number))) {
      problems.push(`${at}: ${k} ${narrow[k] ?? 'none'}; the other side ${wide[k]}`);
    }
  }
  for (const k of ['maxLength', 'maxItems', 'maximum'] as const) {
    if (wide[k] !== undefined && (narrow[k] === undefined || (narrow[k] as number) > (wide[k] as number))) {
      problems.push(`${at}: ${k} ${narrow[k] ?? 'none'}; the other side ${wide[k]}`);
    }
  }
  if (wide.format && wide.format !== 'double' && narrow.format !== wide.format) {
    problems.push(`${at}: format ${narrow.format ?? 'none'}; the other side ${wide.format}`);
  }
  for (const [name, sub] of narrow.properties) {
    const child = path === '' ? name : `${path}.${name}`;
    const other = wide.properties.get(name);
    if (other) problems.push(...notWithin(sub, other, child, onMissing));
    else {
      const missing = onMissing(child);
      if (missing) problems.push(missing);
    }
  }
  if (narrow.items && wide.items) problems.push(...notWithin(narrow.items, wide.items, `${path}[]`, onMissing));
  return problems;
}

/** Fields `from` requires and `of` does not, at every level both describe. */
export function requiredNotIn(from: Shape, of: Shape, path: string): string[] {
  const problems: string[] = [];
  for (const name of from.required) {
    if (!of.required.has(name)) problems.push(path === '' ? name : `${path}.${name}`);
  }
  for (const [name, sub] of from.properties) {
    const other = of.properties.get(name);
    if (other) problems.push(...requiredNotIn(sub, other, path === '' ? name : `${path}.${name}`));
  }
  if (from.items && of.items) problems.push(...requiredNotIn(from.items, of.items, `${path}[]`));
  return problems;
}
