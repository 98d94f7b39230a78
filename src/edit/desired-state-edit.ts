// Edits of the desired-state file(s) by what they declare: set or remove a field of the key,
// guardrail or workspace an address names, add or remove an entry of one of its lists, declare a
// new object or remove a declaration. With a directory of files, each object is edited in the
// file that declares it; a new one goes to the file `fileForNew` picks (the rule is documented
// there and in the README). Everything else of every file stays byte for byte as it was.
import { DEFAULT_WORKSPACE } from '../config/schema.js';
import { fieldOrder } from './field-order.js';
import { YamlEditError, YamlText, type YamlPath } from './yaml-text.js';
import { isDeepStrictEqual } from 'node:util';

/** An object that is declared by one entry of `workspaces:`, `guardrails:` or `keys:`. */
export type Declared = { kind: 'workspace'; workspace: string } | { kind: 'guardrail' | 'key'; workspace: string; name: string };

export type Section = 'workspaces' | 'guardrails' | 'keys';

export interface SourceFile {
  /** As the user named it (relative paths stay relative); used in diffs and messages. */
  file: string;
  text: string;
}

export interface FileChange {
  file: string;
  before: string;
  after: string;
}

export interface Declaration {
  file: string;
  /** The entry's path in its file, e.g. ['keys', 3]. */
  path: [Section, number];
}

const SECTION: Record<Declared['kind'], Section> = { workspace: 'workspaces', guardrail: 'guardrails', key: 'keys' };

export function declaredText(target: Declared): string {
  return target.kind === 'workspace' ? `workspace "${target.workspace}"` : `${target.kind} "${target.name}" of workspace "${target.workspace}"`;
}

export class DesiredStateEdit {
  private readonly texts = new Map<string, YamlText>();
  private readonly originals = new Map<string, string>();
  private readonly order: string[];

  /** `files` in the order they are merged (a directory's files by name). */
  constructor(files: readonly SourceFile[]) {
    this.order = files.map((f) => f.file);
    for (const f of files) {
      try {
        this.texts.set(f.file, new YamlText(f.text));
      } catch (err) {
        if (err instanceof YamlEditError) throw new YamlEditError(`${f.file}: ${err.message}`);
        throw err;
      }
      this.originals.set(f.file, f.text);
    }
  }

  /** Where `target` is declared, or undefined. Two declarations are an error naming both. */
  find(target: Declared): Declaration | undefined {
    const found: Declaration[] = [];
    const section = SECTION[target.kind];
    for (const file of this.order) {
      const list = this.texts.get(file)!.get([section]);
      if (!Array.isArray(list)) continue;
      list.forEach((entry, i) => {
        if (matches(target, entry)) found.push({ file, path: [section, i] });
      });
    }
    if (found.length > 1) {
      throw new YamlEditError(`${declaredText(target)} is declared more than once (${found.map(placeText).join(', ')}); keep one declaration`);
    }
    return found[0];
  }

  /** The declared entry's data, or undefined. */
  entry(target: Declared): Record<string, unknown> | undefined {
    const at = this.find(target);
    return at ? (this.texts.get(at.file)!.get(at.path) as Record<string, unknown>) : undefined;
  }

  /** Set a field (a name, or a path such as ['budgets', 'monthly']) of a declared object. */
  setField(target: Declared, field: string | YamlPath, value: unknown): void {
    const at = this.require(target);
    const path = [...at.path, ...asPath(field)];
    this.texts.get(at.file)!.set(path, value, { order: fieldOrder(path.slice(0, -1)) });
  }

  /** Remove a field of a declared object; false when it had none. */
  removeField(target: Declared, field: string | YamlPath): boolean {
    const at = this.require(target);
    return this.texts.get(at.file)!.delete([...at.path, ...asPath(field)]);
  }

  /** Add `item` to the list field of a declared object (creating the list); false when it is already there. */
  addToList(target: Declared, field: string | YamlPath, item: unknown): boolean {
    const at = this.require(target);
    const path = [...at.path, ...asPath(field)];
    const text = this.texts.get(at.file)!;
    const list = text.get(path);
    if (Array.isArray(list) && list.some((x) => isDeepStrictEqual(x, item))) return false;
    if (Array.isArray(list)) text.append(path, item);
    else text.set(path, [item], { order: fieldOrder(path.slice(0, -1)) });
    return true;
  }

  /** Remove every occurrence of `item` from the list field of a declared object; false when it was not there. */
  removeFromList(target: Declared, field: string | YamlPath, item: unknown): boolean {
    const at = this.require(target);
    const path = [...at.path, ...asPath(field)];
    const text = this.texts.get(at.file)!;
    const list = text.get(path);
    if (!Array.isArray(list)) return false;
    let removed = false;
    for (let i = list.length - 1; i >= 0; i--) {
      if (isDeepStrictEqual(list[i], item)) {
        text.delete([...path, i]);
        removed = true;
      }
    }
    return removed;
  }

  /**
   * Declare a new object with `fields` (its identity — name, workspace or slug — is written first)
   * at the end of its section in the file `fileForNew` picks. Returns that file.
   */
  declare(target: Declared, fields: Record<string, unknown>): string {
    if (this.find(target)) throw new YamlEditError(`${declaredText(target)} is already declared`);
    const file = this.fileForNew(target);
    const section = SECTION[target.kind];
    const identity: Record<string, unknown> =
      target.kind === 'workspace'
        ? { slug: target.workspace }
        : { name: target.name, ...(target.workspace === DEFAULT_WORKSPACE ? {} : { workspace: target.workspace }) };
    const order = fieldOrder([section, 0]);
    const rest = Object.entries(fields).filter(([k]) => !(k in identity));
    // Schema order for known fields, then the others as given.
    rest.sort(([a], [b]) => rank(order, a) - rank(order, b));
    this.texts.get(file)!.append([section], { ...identity, ...Object.fromEntries(rest) });
    return file;
  }

  /** Remove the declaration of `target`; false when it is not declared. */
  undeclare(target: Declared): boolean {
    const at = this.find(target);
    if (!at) return false;
    return this.texts.get(at.file)!.delete(at.path);
  }

  /**
   * The file a new declaration goes to:
   * 1. the file declaring the last object of the same kind in the same workspace (for a workspace:
   *    the last workspace);
   * 2. for a key or guardrail, the file declaring its workspace;
   * 3. the first file (in name order) that has the section (`keys:`, `guardrails:`, `workspaces:`);
   * 4. the first file.
   */
  fileForNew(target: Declared): string {
    const section = SECTION[target.kind];
    let sameKind: string | undefined;
    for (const file of this.order) {
      const list = this.texts.get(file)!.get([section]);
      if (!Array.isArray(list)) continue;
      if (list.some((e) => isObject(e) && (target.kind === 'workspace' || workspaceOf(e) === target.workspace))) sameKind = file;
    }
    if (sameKind) return sameKind;
    if (target.kind !== 'workspace') {
      const home = this.find({ kind: 'workspace', workspace: target.workspace });
      if (home) return home.file;
    }
    return this.order.find((f) => this.texts.get(f)!.has([section])) ?? this.order[0]!;
  }

  /** The current text of one file. */
  text(file: string): YamlText {
    const t = this.texts.get(file);
    if (!t) throw new YamlEditError(`${file} is not one of the files being edited`);
    return t;
  }

  get files(): readonly string[] {
    return this.order;
  }

  /** The files whose text differs from what was read, in merge order. */
  changes(): FileChange[] {
    return this.order
      .filter((f) => this.texts.get(f)!.text !== this.originals.get(f))
      .map((f) => ({ file: f, before: this.originals.get(f)!, after: this.texts.get(f)!.text }));
  }

  private require(target: Declared): Declaration {
    const at = this.find(target);
    if (!at) throw new YamlEditError(`${declaredText(target)} is not declared in ${this.order.join(', ')}`);
    return at;
  }
}

function matches(target: Declared, entry: unknown): boolean {
  if (!isObject(entry)) return false;
  if (target.kind === 'workspace') return entry.slug === target.workspace;
  return entry.name === target.name && workspaceOf(entry) === target.workspace;
}

function workspaceOf(entry: Record<string, unknown>): unknown {
  return entry.workspace ?? DEFAULT_WORKSPACE;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asPath(field: string | YamlPath): YamlPath {
  return typeof field === 'string' ? [field] : field;
}

function rank(order: readonly string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}

function placeText(d: Declaration): string {
  return `${d.file} ${d.path[0]}[${d.path[1]}]`;
}
