// Everything a resource kind needs to turn (desired, live) into comparable objects: indexes over
// the live state, and resolution of references (member e-mails, model slugs) that records an error
// at the reference's file position instead of guessing. Pure: no I/O, the time is given.
import type { Diagnostic } from '../errors.js';
import type { FileConfig, GuardrailDecl, WorkspaceDecl } from '../config/schema.js';
import type { Locate } from '../config/merge.js';
import type { PathSegment, SourcePosition } from '../config/source.js';
import type { LiveGuardrail, LiveKey, LiveOrgMember, LiveState, LiveWorkspace } from './live.js';

export { DEFAULT_WORKSPACE } from '../config/schema.js';
import { DEFAULT_WORKSPACE } from '../config/schema.js';
import { closest } from '../config/suggest.js';

export interface PlanOptions {
  /** `apply --allow-replace`: every key may be replaced. */
  allowReplace?: boolean;
  /** `--target`: narrow the plan to these addresses (globs allowed) and what they depend on. */
  targets?: readonly string[];
  /** `--secrets-out`: the file sink apply would use instead of the file's `secrets:`. */
  secretsOut?: string;
  /** The apply run this plan is made for: its own pending keys are never another run's. */
  runId?: string;
  /**
   * How long a pending key of a run without the lease (`--lock=false`) is presumed in flight
   * (default DEFAULT_LEASE_TTL_MS, the lease's own validity).
   */
  pendingGraceMs?: number;
  /**
   * `oradmin rotate`: the plan holds only key-lifecycle work (rotate, retire). `due`: what is due by
   * time, of the keys matching `addresses` when given; otherwise the keys matching `addresses` are
   * rotated now, whatever their age. `now`: their predecessors are retired at once (a leaked secret).
   */
  lifecycle?: { due: boolean; addresses: readonly string[]; now: boolean };
}

export interface PlanInput {
  config: FileConfig;
  locate: Locate;
  live: LiveState;
  now: Date;
  options?: PlanOptions;
}

export class PlanContext {
  readonly config: FileConfig;
  readonly live: LiveState;
  readonly now: Date;
  readonly options: PlanOptions;
  readonly errors: Diagnostic[] = [];
  /** Problems with what the command line asked for (e.g. `rotate` of a key that does not exist): exit 1. */
  readonly requestErrors: string[] = [];
  private readonly locate: Locate;
  private readonly wsBySlug = new Map<string, LiveWorkspace>();
  private readonly wsById = new Map<string, LiveWorkspace>();
  private readonly declared = new Map<string, WorkspaceDecl>();
  private readonly membersByEmail = new Map<string, LiveOrgMember>();
  private readonly membersById = new Map<string, LiveOrgMember>();
  private readonly guardrailsById = new Map<string, LiveGuardrail>();
  private readonly keysByHash = new Map<string, LiveKey>();
  /**
   * Workspace id → name → keys. Nested rather than keyed by "<id>/<name>": a 10k-key plan looks
   * keys up some 30,000 times, and each composed key string is a new string to build and hash.
   */
  private readonly keysByName = new Map<string, Map<string, LiveKey[]>>();
  private readonly wsByDefaultGuardrail = new Map<string, LiveWorkspace>();
  /** Workspace slug → names of the keys declared there (not `absent`). */
  private readonly declaredKeys = new Map<string, Set<string>>();
  private readonly declaredGuardrails = new Map<string, GuardrailDecl>();
  private models: Map<string, string> | undefined;
  /** Canonical slug → how to show it: the file's own spelling, else the catalog's slug. */
  private readonly modelSpelling = new Map<string, string>();

  constructor(input: PlanInput) {
    this.config = input.config;
    this.live = input.live;
    this.now = input.now;
    this.options = input.options ?? {};
    this.locate = input.locate;
    for (const ws of input.live.workspaces) {
      this.wsBySlug.set(ws.slug, ws);
      this.wsById.set(ws.id, ws);
      this.wsByDefaultGuardrail.set(ws.default_guardrail_id, ws);
    }
    // Declarations with `absent: true` only delete their object: nothing of theirs is managed.
    for (const ws of input.config.workspaces ?? []) if (!ws.absent) this.declared.set(ws.slug, ws);
    for (const k of input.config.keys ?? []) {
      if (k.absent) continue;
      const slug = k.workspace ?? DEFAULT_WORKSPACE;
      const names = this.declaredKeys.get(slug);
      if (names) names.add(k.name);
      else this.declaredKeys.set(slug, new Set([k.name]));
    }
    for (const g of input.config.guardrails ?? []) if (!g.absent) this.declaredGuardrails.set(`${g.workspace ?? DEFAULT_WORKSPACE}/${g.name}`, g);
    for (const m of input.live.orgMembers) {
      this.membersByEmail.set(m.email.toLowerCase(), m);
      this.membersById.set(m.id, m);
    }
    for (const g of input.live.guardrails) this.guardrailsById.set(g.id, g);
    for (const k of input.live.keys) {
      this.keysByHash.set(k.hash, k);
      let byName = this.keysByName.get(k.workspace_id);
      if (!byName) this.keysByName.set(k.workspace_id, (byName = new Map()));
      const list = byName.get(k.name);
      if (list) list.push(k);
      else byName.set(k.name, [k]);
    }
    if (input.live.models) {
      this.models = new Map();
      for (const m of input.live.models) {
        this.models.set(m.id, m.canonical_slug);
        this.models.set(m.canonical_slug, m.canonical_slug);
      }
      // Plans show models as the file writes them and compare canonical forms (the API stores
      // canonical slugs; OpenRouter's Terraform provider does the same, its issue #347).
      const lists = [...(input.config.guardrails ?? []), ...(input.config.workspaces ?? []).flatMap((w) => (w.default_guardrail ? [w.default_guardrail] : []))];
      for (const g of lists) {
        for (const ref of [...(g.allowed_models ?? []), ...(g.ignored_models ?? [])]) {
          const canonical = this.models.get(ref);
          if (canonical !== undefined && !this.modelSpelling.has(canonical)) this.modelSpelling.set(canonical, ref);
        }
      }
      for (const m of input.live.models) if (!this.modelSpelling.has(m.canonical_slug)) this.modelSpelling.set(m.canonical_slug, m.id);
    }
  }

  error(path: readonly PathSegment[], message: string): void {
    this.errors.push({ severity: 'error', ...this.locate(path), message });
  }

  position(path: readonly PathSegment[]): SourcePosition {
    return this.locate(path);
  }

  where(path: readonly PathSegment[]): string {
    const p = this.locate(path);
    return `${p.file}:${p.line}:${p.col}`;
  }

  workspaceBySlug(slug: string): LiveWorkspace | undefined {
    return this.wsBySlug.get(slug);
  }

  workspaceById(id: string | null | undefined): LiveWorkspace | undefined {
    return id ? this.wsById.get(id) : undefined;
  }

  /** The slug of a workspace id as addresses use it; an id we did not read stays visible as such. */
  slugOf(workspaceId: string | null | undefined): string {
    if (!workspaceId) return DEFAULT_WORKSPACE;
    return this.wsById.get(workspaceId)?.slug ?? `unknown-workspace-${workspaceId}`;
  }

  declaredWorkspace(slug: string): WorkspaceDecl | undefined {
    return this.declared.get(slug);
  }

  isDefaultGuardrail(id: string): boolean {
    return this.wsByDefaultGuardrail.has(id);
  }

  /** The workspace whose default guardrail has this id. */
  workspaceOfDefaultGuardrail(id: string): LiveWorkspace | undefined {
    return this.wsByDefaultGuardrail.get(id);
  }

  isKeyDeclared(slug: string, name: string): boolean {
    return this.declaredKeys.get(slug)?.has(name) ?? false;
  }

  declaredGuardrail(slug: string, name: string): GuardrailDecl | undefined {
    return this.declaredGuardrails.get(`${slug}/${name}`);
  }

  guardrailById(id: string): LiveGuardrail | undefined {
    return this.guardrailsById.get(id);
  }

  keyByHash(hash: string): LiveKey | undefined {
    return this.keysByHash.get(hash);
  }

  /** The live key with this name in this workspace, when there is exactly one. */
  liveKey(slug: string, name: string): LiveKey | undefined {
    const ws = this.wsBySlug.get(slug);
    const found = ws ? this.keysByName.get(ws.id)?.get(name) : undefined;
    return found?.length === 1 ? found[0] : undefined;
  }

  /** A member named by e-mail (case-insensitive) or user id; unknown → error at the reference. */
  resolveMember(ref: string, path: readonly PathSegment[]): LiveOrgMember | undefined {
    const m = this.membersByEmail.get(ref.toLowerCase()) ?? this.membersById.get(ref);
    if (!m) {
      const guess = closest(ref, [...this.membersByEmail.keys()]);
      this.error(
        path,
        `"${ref}" is not a member of the organization` +
          (guess
            ? `; did you mean "${this.membersByEmail.get(guess)!.email}"?`
            : ` (members are invited in the OpenRouter dashboard; ${this.live.orgMembers.length} known — check the spelling)`),
      );
    }
    return m;
  }

  /** Whether this user id is (still) a member of the organization. */
  isOrgMember(userId: string): boolean {
    return this.membersById.has(userId);
  }

  /** Addresses name members by e-mail; a user id we cannot map stays an id. */
  memberLabel(userId: string): string {
    return this.membersById.get(userId)?.email ?? userId;
  }

  /** A canonical model slug as a reader knows it: the file's spelling, else the catalog's slug. */
  displayModel(canonical: string): string {
    return this.modelSpelling.get(canonical) ?? canonical;
  }

  /**
   * Model lists accept a slug or a canonical slug; the API stores canonical slugs. Without a
   * catalog (no model list declared anywhere) values are compared as written.
   */
  canonicalModels(list: readonly string[] | null | undefined, path: readonly PathSegment[]): readonly string[] | null | undefined {
    if (!list || !this.models) return list;
    return list.map((ref, i) => {
      const canonical = this.models!.get(ref);
      if (canonical === undefined) {
        this.error([...path, i], `unknown model "${ref}" (not in the OpenRouter model catalog); use a model slug such as "openai/gpt-4o"`);
        return ref;
      }
      return canonical;
    });
  }
}
