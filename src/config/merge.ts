// Merging the files of a directory section by section, while remembering where every piece came
// from so that each message points at the file and line the user wrote.
import type { Diagnostic } from '../errors.js';
import { positionOf, type PathSegment, type SourceDoc, type SourcePosition } from './source.js';

export interface Merged {
  data: Record<string, unknown>;
  locate: Locate;
}

/** Maps a path in the merged data to the position of its node in the file it came from. */
export type Locate = (dataPath: readonly PathSegment[], opts?: { key?: boolean }) => SourcePosition;

type Origin = { source: SourceDoc; path: PathSegment[] };

export function mergeSources(docs: SourceDoc[], diagnostics: Diagnostic[]): Merged {
  // Without a prototype, a section named `__proto__` is an ordinary key the schema reports as
  // unknown, instead of replacing the object's prototype (and crashing the merge below).
  const data: Record<string, unknown> = Object.create(null);
  // section → (index in merged list | sub-key) → where it came from
  const listOrigins = new Map<string, Origin[]>();
  const mapOrigins = new Map<string, Map<string, SourceDoc>>();
  const scalarOrigins = new Map<string, SourceDoc>();

  for (const source of docs) {
    const doc = source.data;
    if (doc === undefined || doc === null) continue;
    if (typeof doc !== 'object' || Array.isArray(doc)) {
      // Left for the schema to report (it expects a mapping at the top).
      if (docs.length === 1) return { data: doc as Record<string, unknown>, locate: single(source) };
      diagnostics.push(err(positionOf(source, []), 'the file must be a YAML mapping (version, workspaces, keys, …)'));
      continue;
    }
    for (const [section, value] of Object.entries(doc as Record<string, unknown>)) {
      const existing = data[section];
      if (existing === undefined) {
        if (Array.isArray(value)) {
          data[section] = [...value];
          listOrigins.set(section, value.map((_, i) => ({ source, path: [section, i] })));
        } else if (isPlainObject(value)) {
          data[section] = Object.assign(Object.create(null), value);
          mapOrigins.set(section, new Map(Object.keys(value).map((k) => [k, source])));
        } else {
          data[section] = value;
          scalarOrigins.set(section, source);
        }
        continue;
      }
      if (Array.isArray(existing) && Array.isArray(value)) {
        const origins = listOrigins.get(section)!;
        value.forEach((item, i) => {
          existing.push(item);
          origins.push({ source, path: [section, i] });
        });
      } else if (isPlainObject(existing) && isPlainObject(value)) {
        const owners = mapOrigins.get(section)!;
        for (const [k, v] of Object.entries(value)) {
          const owner = owners.get(k);
          if (owner) {
            const first = positionOf(owner, [section, k], { key: true });
            diagnostics.push(
              err(
                positionOf(source, [section, k], { key: true }),
                `${section}.${k} is already declared at ${first.file}:${first.line}:${first.col}; declare it in one file only`,
              ),
            );
            continue;
          }
          existing[k] = v;
          owners.set(k, source);
        }
      } else if (section === '$schema') {
        continue;
      } else if (!Array.isArray(existing) && !isPlainObject(existing) && existing === value) {
        continue; // e.g. `version: 1` in every file
      } else {
        const firstSource = scalarOrigins.get(section) ?? mapOrigins.get(section)?.values().next().value ?? docs[0]!;
        const first = positionOf(firstSource, [section], { key: true });
        diagnostics.push(
          err(
            positionOf(source, [section], { key: true }),
            `${section} differs from the one at ${first.file}:${first.line}:${first.col}; files of one directory must agree`,
          ),
        );
      }
    }
  }

  const fallback = docs[0];
  const locate: Locate = (dataPath, opts) => {
    if (!fallback) return { file: '<none>', line: 1, col: 1 };
    const [section, second, ...rest] = dataPath;
    if (typeof section === 'string') {
      const list = listOrigins.get(section);
      if (list && typeof second === 'number' && list[second]) {
        const o = list[second]!;
        return positionOf(o.source, [...o.path, ...rest], opts);
      }
      const owners = mapOrigins.get(section);
      if (owners && second !== undefined && owners.has(String(second))) {
        return positionOf(owners.get(String(second))!, dataPath, opts);
      }
      const owner = scalarOrigins.get(section) ?? owners?.values().next().value ?? list?.[0]?.source;
      if (owner) return positionOf(owner, [section], opts);
    }
    return positionOf(fallback, dataPath, opts);
  };
  return { data, locate };
}

function single(source: SourceDoc): Locate {
  return (dataPath, opts) => positionOf(source, dataPath, opts);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function err(pos: SourcePosition, message: string): Diagnostic {
  return { severity: 'error', ...pos, message };
}
