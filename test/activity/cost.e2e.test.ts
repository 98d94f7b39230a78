// What a report costs, counted by the sandbox (PRODUCT.md section 5: "activity costs at most 2
// requests, plus /keys pages for --by key"), and the mistakes that cost nothing or stop before
// GET /activity: unknown names are errors that list what exists.
import { describe, expect, it } from 'vitest';
import { activityOrg, costOf, mapLimited } from './helpers.js';
import { SEED } from './seed.js';

describe('requests per report', () => {
  it('one request, plus the one list that resolves a name, plus /keys pages where keys are needed', async () => {
    const o = await activityOrg();
    const cases: [string[], Record<string, number>][] = [
      [['activity'], { getUserActivity: 1 }],
      [['activity', '--by', 'endpoint', '--date', '2026-11-10', '--top', '1', '-o', 'markdown'], { getUserActivity: 1 }],
      [['activity', '--by', 'workspace'], { listWorkspaces: 1, getUserActivity: 1 }],
      [['activity', '--workspace', 'research', '-o', 'csv'], { listWorkspaces: 1, getUserActivity: 1 }],
      [['activity', '--member', 'alice@example.com'], { listOrganizationMembers: 1, getUserActivity: 1 }],
      // The documented exception: an e-mail and a slug are resolved by two different lists.
      [['activity', '--workspace', 'research', '--member', 'bob@example.com'], { listWorkspaces: 1, listOrganizationMembers: 1, getUserActivity: 1 }],
      // An address names a key, the API filters by hash: the key's workspace's /keys pages (one here).
      [['activity', '--key', 'key.research/notebook', '-o', 'json'], { listWorkspaces: 1, list: 1, getUserActivity: 1 }],
      [['activity', '--by', 'key'], { listWorkspaces: 1, list: 2, getUserActivity: 1 }],
      [['activity', '--by', 'key', '--workspace', 'research'], { listWorkspaces: 1, list: 1, getUserActivity: 1 }],
    ];
    for (const [args, expected] of cases) expect(await costOf(o, args), args.join(' ')).toEqual(expected);
  }, 180_000);

  it('--by key reads the same /keys pages as status, however many; status adds only GET /activity to what it read', async () => {
    const keys = Array.from({ length: 250 }, (_, i) => ({ name: `bot-${String(i).padStart(3, '0')}`, usage_monthly: i / 100 }));
    const o = await activityOrg({ ...SEED, keys: [...SEED.keys!, ...keys] });
    const byKey = await costOf(o, ['activity', '--by', 'key', '--top', '5']);
    const status = await costOf(o, ['status']);
    // 252 keys in the default workspace are 3 pages; research's 2 keys one.
    expect(byKey).toEqual({ listWorkspaces: 1, list: 4, getUserActivity: 1 });
    expect(status.list).toBe(byKey.list);
    expect(status).toEqual({
      listWorkspaces: 1,
      list: 4,
      listGuardrails: 2,
      listWorkspaceMembers: 1,
      listWorkspaceBudgets: 2,
      listKeyAssignments: 1,
      listMemberAssignments: 1,
      listOrganizationMembers: 1,
      getCredits: 1,
      getUserActivity: 1,
    });
  }, 120_000);
});

describe('mistakes', () => {
  it('unknown names are errors (exit 1, stderr only) listing what exists, nearest first, before any GET /activity', async () => {
    const o = await activityOrg();
    const cases: [string[], string, Record<string, number>][] = [
      [['--workspace', 'reserch'], 'error: --workspace reserch: no such workspace (workspaces, nearest first: research, default)\n', { listWorkspaces: 1 }],
      [['--key', 'key.research/notebok'], 'error: --key key.research/notebok: no such key (keys in workspace research, nearest first: key.research/notebook, key.research/batch)\n', { listWorkspaces: 1, list: 1 }],
      [['--key', 'key.lab/notebook'], 'error: --key key.lab/notebook: no workspace lab (workspaces, nearest first: default, research)\n', { listWorkspaces: 1 }],
      [['--member', 'alise@example.com'], 'error: --member alise@example.com: not an organization member (members, nearest first: alice@example.com, admin@example.com, bob@example.com)\n', { listOrganizationMembers: 1 }],
      [['--key', 'key.default/prod-bot', '--workspace', 'research'], 'error: --key key.default/prod-bot: the key is in workspace default, not in --workspace research; give one of them\n', { listWorkspaces: 1 }],
    ];
    for (const [args, stderr, counts] of cases) {
      o.sb.resetLog();
      const r = await o.run(['activity', ...args]);
      expect([r.code, r.stdout, r.stderr], args.join(' ')).toEqual([1, '', stderr]);
      expect(o.sb.counts(), args.join(' ')).toEqual(counts);
    }
  }, 120_000);

  it('two keys under one address: an error naming both, never a guess', async () => {
    // (The seed's activity names keys by name, which two equal names would make ambiguous.)
    const o = await activityOrg({ ...SEED, activity: [], keys: [...SEED.keys!, { name: 'prod-bot', limit: 1 }] });
    const r = await o.run(['activity', '--key', 'key.default/prod-bot']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: --key key\.default\/prod-bot: 2 keys in workspace default have this name \(hashes [0-9a-f]{12}…, [0-9a-f]{12}…\); rename one/);
    expect(o.sb.counts().getUserActivity).toBeUndefined();
  });

  it('bad options are refused before any request and without credentials; -o csv only for activity', async () => {
    const o = await activityOrg();
    const noKey = { OPENROUTER_MANAGEMENT_KEY: undefined };
    // (Each parse error of the options is checked in units.test.ts; here, that they stop the CLI early.)
    const cases: [string[], string][] = [
      [['activity', '--days', '0'], 'error: --days 0: must be a whole number from 1 to 30\n'],
      [['activity', '--date', '2026-11-18'], 'error: --date 2026-11-18: not one of the last 30 completed UTC days (2026-10-19 to 2026-11-17)\n'],
      [['activity', '--key', 'notebook'], 'error: --key notebook: not a key address; write key.<workspace>/<name>, e.g. key.default/notebook\n'],
      [['activity', '--by', 'key', '--days', '7'], expect.stringMatching(/^error: --by key ranks keys by their own usage counters .*which --days cannot narrow/) as unknown as string],
      [['status', '-o', 'csv'], 'error: -o csv is for oradmin activity only; status prints text, json or markdown\n'],
    ];
    const results = await mapLimited(cases, 3, ([args]) => o.run(args, { env: noKey }));
    for (const [i, [args, stderr]] of cases.entries()) expect([results[i]!.code, results[i]!.stdout, results[i]!.stderr], args.join(' ')).toEqual([1, '', stderr]);
    expect(o.sb.log).toHaveLength(0);
    const missing = await o.run(['activity'], { env: noKey });
    expect([missing.code, missing.stdout]).toEqual([1, '']);
    expect(missing.stderr).toContain('OPENROUTER_MANAGEMENT_KEY');
    expect(missing.stderr.trimEnd().split('\n')).toHaveLength(1);
  }, 120_000);
});
