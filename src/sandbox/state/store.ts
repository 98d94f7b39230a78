// The organization as the rules see it: the collections, the clock, the id source, and the
// lookups every rule needs. The rule modules of this directory take a Store; SandboxState
// (sandbox-state.ts) is a Store with the helpers tests use on top, so dependencies point one way.
import { IdSource } from '../ids.js';
import type { Credits } from '../wire/responses.js';
import { dbFrom, type Db } from './db.js';
import type { KeyRecord, OrgData, OrgMemberRecord, WorkspaceRecord } from './records.js';

export interface StoreOptions {
  /** Clock for every timestamp, the "expires_at in the future" check, usage resets and activity. */
  now?: () => Date;
  /** Counter-based UUIDs and key secrets, identical on every run (golden tests). */
  deterministicIds?: boolean;
  organizationId?: string;
  credits?: Credits;
}

export class Store {
  readonly now: () => Date;
  readonly ids: IdSource;
  organizationId: string;
  credits: Credits;
  readonly db: Db;
  private defaultId: string;
  private seq: number;
  private sortedKeysCache: KeyRecord[] | null = null;
  private keysByWorkspaceCache: Map<string, KeyRecord[]> | null = null;

  /** The saved organization, or an empty one whose default workspace the caller then creates. */
  constructor(options: StoreOptions = {}, data?: OrgData) {
    this.now = options.now ?? (() => new Date());
    this.ids = new IdSource(options.deterministicIds ?? false, data?.idCounter ?? 0);
    this.db = dbFrom(data, this.timestamp());
    this.seq = data?.nextSeq ?? 1;
    this.organizationId = data?.organization_id ?? options.organizationId ?? 'org_sandbox';
    this.credits = data?.credits ?? options.credits ?? { total_credits: 0, total_usage: 0 };
    this.defaultId = data?.defaultWorkspaceId ?? '';
  }

  /** Everything, as plain data (see persist.ts). */
  toData(): OrgData {
    return structuredClone({
      organization_id: this.organizationId,
      credits: this.credits,
      orgMembers: [...this.db.orgMembers.values()],
      defaultWorkspaceId: this.defaultWorkspaceId,
      workspaces: [...this.db.workspaces.values()],
      keys: [...this.db.keys.values()],
      guardrails: [...this.db.guardrails.values()],
      budgets: [...this.db.budgets.values()],
      workspaceMembers: [...this.db.workspaceMembers.values()],
      keyAssignments: [...this.db.keyAssignments.values()],
      memberAssignments: [...this.db.memberAssignments.values()],
      activity: this.db.activity,
      nextSeq: this.seq,
      idCounter: this.ids.position,
    });
  }

  timestamp(): string {
    return this.now().toISOString();
  }

  nextSeq(): number {
    return this.seq++;
  }

  get defaultWorkspaceId(): string {
    return this.defaultId;
  }

  /** Once, by the creator of a new organization. */
  protected setDefaultWorkspace(id: string): void {
    if (this.defaultId !== '') throw new Error('the default workspace is already set');
    this.defaultId = id;
  }

  get defaultWorkspace(): WorkspaceRecord {
    return this.db.workspaces.get(this.defaultWorkspaceId) as WorkspaceRecord;
  }

  /** The management key's owner: the first org admin. Assignments and keys are made by them. */
  get ownerId(): string {
    for (const m of this.db.orgMembers.values()) if (m.role === 'org:admin') return m.id;
    throw new Error('the organization has no org:admin');
  }

  /** `{id}` of /workspaces/{id}: the UUID or the slug. */
  workspaceByRef(ref: string): WorkspaceRecord | undefined {
    const byId = this.db.workspaces.get(ref);
    if (byId) return byId;
    for (const w of this.db.workspaces.values()) if (w.slug === ref) return w;
    return undefined;
  }

  /** An organization member by user id or email. */
  memberByRef(ref: string): OrgMemberRecord | undefined {
    const byId = this.db.orgMembers.get(ref);
    if (byId) return byId;
    for (const m of this.db.orgMembers.values()) if (m.email === ref) return m;
    return undefined;
  }

  /** The workspace whose default guardrail has this id, if any (materialized or not). */
  workspaceOfDefaultGuardrail(guardrailId: string): WorkspaceRecord | undefined {
    for (const w of this.db.workspaces.values()) if (w.default_guardrail_id === guardrailId) return w;
    return undefined;
  }

  /** Every key, newest first; cached because /keys pages through thousands of keys. */
  sortedKeys(): KeyRecord[] {
    this.sortedKeysCache ??= [...this.db.keys.values()].sort(
      (a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : b.seq - a.seq),
    );
    return this.sortedKeysCache;
  }

  /**
   * The keys of one workspace, newest first; cached with sortedKeys (a key never changes
   * workspace), because each /keys page would otherwise scan every key of the organization.
   */
  workspaceKeys(workspaceId: string): readonly KeyRecord[] {
    if (!this.keysByWorkspaceCache) {
      this.keysByWorkspaceCache = new Map();
      for (const k of this.sortedKeys()) {
        const list = this.keysByWorkspaceCache.get(k.workspace_id);
        if (list) list.push(k);
        else this.keysByWorkspaceCache.set(k.workspace_id, [k]);
      }
    }
    return this.keysByWorkspaceCache.get(workspaceId) ?? [];
  }

  /** Call after adding or removing keys. */
  touchKeys(): void {
    this.sortedKeysCache = null;
    this.keysByWorkspaceCache = null;
  }
}
