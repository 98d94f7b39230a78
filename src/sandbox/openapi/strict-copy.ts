// The document with unknown properties rejected: in request bodies for the sandbox, in responses
// for the tests' response check (test/sandbox/openapi/response-check.ts). OpenRouter's schemas leave
// `additionalProperties` open; the sandbox refuses a field the document does not define, so that
// a misspelt or invented field fails in tests instead of being silently ignored by the real API
// (the sandbox is stricter than the document here; the README asks clients to "validate what we
// send strictly", and it lists fields a request cannot carry: `disabled` on POST /keys,
// `workspace_id`, `expires_at` and `creator_user_id` on PATCH /keys/{hash}).
import type { JsonSchema, OpenApiDocument } from './document.js';
import { REQUEST_EXTENSIONS } from './sdk-extensions.js';

const COMPOSITIONS = ['allOf', 'anyOf', 'oneOf'];
const SUBSCHEMA_LISTS = ['prefixItems', ...COMPOSITIONS];
const SUBSCHEMAS = ['items', 'not', 'if', 'then', 'else', 'contains', 'additionalProperties'];
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];

/**
 * The request bodies of `doc` and the components they reference, copied (responses are left out:
 * copying them would cost time at each process's first request), plus the fields of
 * sdk-extensions.ts, with every object schema rejecting unknown properties. Pointers into the
 * copy are the same as into the document.
 */
export function strictRequestCopy(doc: OpenApiDocument): OpenApiDocument {
  const copy = strictCopy(doc, 'requestBody');
  for (const extension of REQUEST_EXTENSIONS) {
    const component = copy.components.schemas[extension.component] as { properties?: Record<string, JsonSchema> } | undefined;
    if (!component?.properties) throw new Error(`sdk-extensions.ts: no component ${extension.component} with properties`);
    if (component.properties[extension.property]) {
      throw new Error(`sdk-extensions.ts: ${extension.component}.${extension.property} is in the document now; remove the extension`);
    }
    component.properties[extension.property] = { ...structuredClone(extension.schema), unevaluatedProperties: false };
  }
  return copy;
}

/**
 * The operations' `requestBody` or `responses` and the components they reference, copied, with
 * every object schema rejecting unknown properties (the tests check responses with the latter).
 */
export function strictCopy(doc: OpenApiDocument, part: 'requestBody' | 'responses'): OpenApiDocument {
  const paths: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (op[part] === undefined) continue;
      paths[path] ??= {};
      (paths[path] as Record<string, unknown>)[method] = { [part]: op[part] };
    }
  }
  const copy = structuredClone({ paths, components: componentsFor(doc, paths) }) as unknown as OpenApiDocument;
  for (const schema of Object.values(copy.components.schemas)) closeObjects(schema, false);
  for (const item of Object.values(copy.paths)) {
    for (const op of Object.values(item)) {
      const media = [
        ...Object.values(op.requestBody?.content ?? {}),
        ...Object.values(op.responses ?? {}).flatMap((r) => Object.values(r.content ?? {})),
      ];
      for (const m of media) closeObjects(m.schema, false);
    }
  }
  return copy;
}

const COMPONENT_REF = '#/components/schemas/';

/** The components `roots` reference, directly or through other components (not copied). */
export function componentsFor(doc: OpenApiDocument, roots: unknown): OpenApiDocument['components'] {
  const names = new Set<string>();
  const pending: unknown[] = [roots];
  while (pending.length > 0) {
    for (const name of referencedComponents(pending.pop())) {
      if (names.has(name)) continue;
      names.add(name);
      pending.push(doc.components.schemas[name]);
    }
  }
  return { schemas: Object.fromEntries([...names].map((n) => [n, doc.components.schemas[n] as JsonSchema])) };
}

/** Names of the components `node` references directly. */
function referencedComponents(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) referencedComponents(item, out);
  else if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(COMPONENT_REF)) out.push(v.slice(COMPONENT_REF.length));
      else referencedComponents(v, out);
    }
  }
  return out;
}

/**
 * `unevaluatedProperties: false` on every object schema that defines properties, except on the
 * branches of a composition (a branch sees only its own properties; the composing schema is the
 * one that knows them all, and it gets the keyword, which in 2020-12 sees through its branches).
 */
function closeObjects(schema: unknown, isBranch: boolean): void {
  if (typeof schema !== 'object' || schema === null) return;
  const s = schema as JsonSchema;
  const composes = COMPOSITIONS.some((k) => Array.isArray(s[k]));
  const open = s.additionalProperties === undefined && s.unevaluatedProperties === undefined;
  if (!isBranch && open && (s.properties !== undefined || composes)) s.unevaluatedProperties = false;
  for (const k of SUBSCHEMAS) closeObjects(s[k], false);
  for (const k of SUBSCHEMA_LISTS) {
    if (Array.isArray(s[k])) for (const sub of s[k] as unknown[]) closeObjects(sub, COMPOSITIONS.includes(k));
  }
  for (const k of SUBSCHEMA_MAPS) {
    const map = s[k];
    if (typeof map === 'object' && map !== null) for (const sub of Object.values(map)) closeObjects(sub, false);
  }
}
