// Turning zod issues into messages a person can act on: the path as written in the file, what is
// wrong, and what would be right (with a suggestion for near-miss field names and enum values).
import type { z } from 'zod';
import { closest } from './suggest.js';
import type { PathSegment } from './source.js';

export interface Finding {
  path: PathSegment[];
  /** Point at the mapping key rather than its value (unknown fields). */
  atKey?: boolean;
  message: string;
  severity?: 'error' | 'warning';
  /** The field the finding is about, when it is reported elsewhere (e.g. a missing limit, at the name). */
  concerns?: PathSegment[];
}

export function pathString(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out === '' ? 'the file' : out;
}

export function findingsFromIssues(issues: readonly z.core.$ZodIssue[], data: unknown, schema: z.ZodType): Finding[] {
  const out: Finding[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    const where = pathString(path);
    const value = valueAt(data, path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = allowedKeys(schema, path);
        for (const k of issue.keys) {
          const guess = closest(k, allowed);
          const inObj = path.length === 0 ? 'at the top level' : `in ${where}`;
          out.push({
            path: [...path, k],
            atKey: true,
            message: guess
              ? `unknown field "${k}" ${inObj}; did you mean "${guess}"?`
              : `unknown field "${k}" ${inObj} (allowed: ${allowed.join(', ')})`,
          });
        }
        break;
      }
      case 'invalid_type':
        if (value === undefined) {
          out.push({ path, message: `${where} is required` });
        } else {
          out.push({ path, message: `${where} must be ${article(issue.expected)}, not ${describe(value)}` });
        }
        break;
      case 'invalid_value': {
        const values = issue.values.map((v) => JSON.stringify(v));
        if (value === undefined) {
          out.push({ path, message: `${where} is required (${values.join(' or ')})` });
          break;
        }
        const guess =
          typeof value === 'string' ? closest(value, issue.values.filter((v): v is string => typeof v === 'string')) : undefined;
        out.push({
          path,
          message:
            `${where} must be ${values.length === 1 ? values[0] : `one of ${values.join(', ')}`}, not ${describe(value)}` +
            (guess ? `; did you mean "${guess}"?` : ''),
        });
        break;
      }
      case 'too_small':
      case 'too_big': {
        const small = issue.code === 'too_small';
        const bound = small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum;
        const inclusive = issue.inclusive !== false;
        const origin = issue.origin;
        let rule: string;
        if (origin === 'string') rule = small ? `at least ${bound} character${bound === 1 ? '' : 's'} long` : `at most ${bound} characters long`;
        else if (origin === 'array') rule = small ? `a list of at least ${bound} item${bound === 1 ? '' : 's'}` : `a list of at most ${bound} items`;
        else rule = `${small ? (inclusive ? 'at least' : 'greater than') : inclusive ? 'at most' : 'less than'} ${bound}`;
        out.push({ path, message: `${where} must be ${rule}${value !== undefined && origin !== 'array' ? `, not ${describe(value)}` : ''}` });
        break;
      }
      case 'invalid_union':
        // Unions carry their own message (e.g. a lifecycle overlap: 0 or a duration).
        out.push({ path, message: issue.message.startsWith('Invalid') ? `${where}: ${issue.message}` : `${where} ${issue.message}` });
        break;
      case 'invalid_format':
      case 'custom':
        out.push({ path, message: `${where} ${issue.message.startsWith('Invalid') ? 'has an invalid format' : issue.message}${utcSuggestion(issue.message, value)}` });
        break;
      default:
        out.push({ path, message: `${where}: ${issue.message}` });
    }
  }
  return out;
}

/**
 * For a timestamp that is a real time but not written in UTC with seconds (`2027-06-30T02:00:00+02:00`,
 * `2027-06-30`), the same instant as the API wants it.
 */
function utcSuggestion(message: string, value: unknown): string {
  if (!message.includes('UTC timestamp') || typeof value !== 'string') return '';
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) return '';
  return ` (in UTC that is ${new Date(ms).toISOString().replace('.000Z', 'Z')})`;
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return value.length > 40 ? `the text "${value.slice(0, 37)}…"` : `"${value}"`;
  return `${typeof value} ${String(value)}`;
}

function article(expected: string): string {
  const words: Record<string, string> = {
    number: 'a number',
    string: 'a string',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping',
    int: 'a whole number',
  };
  return words[expected] ?? expected;
}

type Def = { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType };

/** The field names the schema allows at `path`, for suggestions. */
export function allowedKeys(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let cur: z.ZodType | undefined = schema;
  for (const seg of path) {
    cur = unwrap(cur);
    if (!cur) return [];
    const def = cur._zod.def as unknown as Def;
    if (def.type === 'object' && typeof seg === 'string') cur = def.shape?.[seg];
    else if (def.type === 'array' && typeof seg === 'number') cur = def.element;
    else return [];
  }
  cur = unwrap(cur);
  const def = cur?._zod.def as unknown as Def | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape).filter((k) => k !== '$schema') : [];
}

function unwrap(s: z.ZodType | undefined): z.ZodType | undefined {
  let cur = s;
  while (cur) {
    const def = cur._zod.def as unknown as Def;
    if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) cur = def.innerType;
    else break;
  }
  return cur;
}
