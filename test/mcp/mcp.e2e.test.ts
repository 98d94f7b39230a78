// `oradmin mcp` end to end: the built CLI as an MCP server, driven by the SDK's own Client over
// stdio against the sandbox. One session calls every tool on a commented example file and checks
// what users and reviewers rely on: reads cost what their commands cost, edits change only the
// bytes of the edited node, invalid edits write nothing and say where, the returned plan is
// `oradmin plan -o json` of the edited file, no secret appears, and the organization only ever
// sees GET requests.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lineOf, teamOrg, type TeamOrg } from './fixture.js';
import { data, mcpSession, text, type Session } from './session.js';

const READ_TOOLS = ['status', 'activity', 'plan', 'validate', 'explain', 'list_objects'];
const PROPOSE_TOOLS = [
  'propose_key',
  'propose_key_removal',
  'propose_guardrail',
  'propose_guardrail_removal',
  'propose_guardrail_binding',
  'propose_guardrail_unbinding',
  'propose_workspace',
];

async function cliPlan(o: TeamOrg, file = o.file): Promise<unknown> {
  const r = await o.run(['plan', '-o', 'json', '-f', file]);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

/** The requests per operation a step makes, read from the sandbox's log (never reset: the whole session is checked at the end). */
async function requestsOf(o: TeamOrg, step: () => Promise<unknown>): Promise<Record<string, number>> {
  const from = o.sb.log.length;
  await step();
  const counts: Record<string, number> = {};
  for (const e of o.sb.log.slice(from)) counts[e.operationId ?? `${e.method} ${e.path}`] = (counts[e.operationId ?? `${e.method} ${e.path}`] ?? 0) + 1;
  return counts;
}

async function propose(s: Session, name: string, args: Record<string, unknown>): Promise<Record<string, any>> {
  const r = await s.call(name, args);
  expect(r.isError, text(r)).toBeFalsy();
  expect(data(r).written).toBe(true);
  return data(r);
}

describe('oradmin mcp', () => {
  it('serves every tool over a whole session; the organization sees only GET requests', async () => {
    const o = await teamOrg();
    const s = await mcpSession(['-f', o.file], o.env, o.dir);

    // --- the tools an assistant finds -----------------------------------------------------
    const { tools } = await s.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...READ_TOOLS, ...PROPOSE_TOOLS].sort());
    for (const t of tools) {
      expect(t.description!.length, t.name).toBeGreaterThan(150);
      expect(t.description, `${t.name} shows an example`).toMatch(/e\.g\.|Example/);
      expect(t.inputSchema.additionalProperties, `${t.name} rejects unknown arguments`).toBe(false);
      expect(t.annotations?.readOnlyHint).toBe(READ_TOOLS.includes(t.name));
      expect(t.annotations?.destructiveHint).toBe(false);
    }

    // --- read tools: their command's document, at their command's cost -----------------------
    const validated = await s.call('validate');
    expect(data(validated)).toMatchObject({ valid: true, errors: [], file: o.file });

    let planResult!: Awaited<ReturnType<Session['call']>>;
    const planRequests = await requestsOf(o, async () => (planResult = await s.call('plan')));
    expect(planResult.isError).toBeFalsy();
    let cliPlanned: unknown;
    expect(await requestsOf(o, async () => (cliPlanned = await cliPlan(o)))).toEqual(planRequests);
    expect(data(planResult).plan).toEqual(cliPlanned);
    expect(data(planResult).markdown).toMatch(/^<!-- oradmin-plan -->/);
    expect(text(planResult)).toContain('<!-- oradmin-plan -->');

    let statusResult!: Awaited<ReturnType<Session['call']>>;
    const statusRequests = await requestsOf(o, async () => (statusResult = await s.call('status')));
    let cliStatus!: Awaited<ReturnType<TeamOrg['run']>>;
    expect(await requestsOf(o, async () => (cliStatus = await o.run(['status', '-o', 'json', '-f', o.file])))).toEqual(statusRequests);
    // The forecasts' rates follow the clock between the two reads; everything else is equal, and
    // both forecast the same keys and budgets.
    const { generated_at: _a, forecasts: toolForecasts, ...fromTool } = data(statusResult).status;
    const { generated_at: _b, forecasts: cliForecasts, ...fromCli } = JSON.parse(cliStatus.stdout);
    expect(fromTool).toEqual(fromCli);
    const forecastNames = (f: { keys: { name: string }[]; budgets: unknown[] }) => [f.keys.map((k) => k.name), f.budgets.length];
    expect(forecastNames(toolForecasts)).toEqual(forecastNames(cliForecasts));
    expect(data(statusResult).markdown).toContain('Credits');

    // activity: the command's document for the same options, at the command's cost; its option
    // mistakes are the command's, found before any request.
    let activityResult!: Awaited<ReturnType<Session['call']>>;
    const activityArgs = { by: 'workspace', days: 7 };
    const activityRequests = await requestsOf(o, async () => (activityResult = await s.call('activity', activityArgs)));
    expect(activityResult.isError, text(activityResult)).toBeFalsy();
    let cliActivity!: Awaited<ReturnType<TeamOrg['run']>>;
    expect(await requestsOf(o, async () => (cliActivity = await o.run(['activity', '--by', 'workspace', '--days', '7', '-o', 'json'])))).toEqual(activityRequests);
    expect(activityRequests).toEqual({ listWorkspaces: 1, getUserActivity: 1 });
    const { generated_at: _c, ...activityFromTool } = data(activityResult).activity;
    const { generated_at: _d, ...activityFromCli } = JSON.parse(cliActivity.stdout);
    expect(activityFromTool).toEqual(activityFromCli);
    expect(JSON.stringify(activityFromTool)).toContain('16.5');
    expect(data(activityResult).markdown).toContain('research');
    const wrongDay = await requestsOf(o, async () => {
      const r = await s.call('activity', { date: '2001-01-01' });
      expect(r.isError).toBe(true);
      expect(text(r)).toMatch(/--date 2001-01-01: not one of the last 30 completed UTC days/);
    });
    expect(wrongDay).toEqual({});

    let explained!: Awaited<ReturnType<Session['call']>>;
    expect(await requestsOf(o, async () => (explained = await s.call('explain', { address: 'key.default/checkout-service' })))).toEqual(planRequests);
    const before = readFileSync(o.file, 'utf8');
    const checkout = data(explained);
    expect(checkout.declared).toMatchObject({ file: o.file, line: lineOf(before, '  - name: checkout-service'), value: { limit: 150, guardrail: 'prod-cap' } });
    expect(checkout.live).toMatchObject({ name: 'checkout-service', limit: 100, usage: { monthly: 90 } });
    expect(checkout.live.label).toBeUndefined();
    expect(checkout.guardrail).toEqual({ declared: 'prod-cap', live: 'prod-cap' });
    expect(checkout.usage).toMatchObject({ usage: 90, limit: 100, flags: ['near-limit'] });
    // objectContaining: the plan's operations grow fields (this test pins the ones explain must carry).
    expect(checkout.pending).toEqual([expect.objectContaining({ address: 'key.default/checkout-service', kind: 'key', action: 'update', changes: [{ field: 'limit', before: 100, after: 150 }] })]);

    const support = data(await s.call('explain', { address: 'workspace_budget.support/monthly' }));
    expect(support).toMatchObject({ asked: 'workspace_budget.support/monthly', address: 'workspace.support', live: null });
    expect(support.pending.map((p: { address: string }) => p.address)).toContain('workspace_budget.support/monthly');
    const guardrail = data(await s.call('explain', { address: 'guardrail.default/prod-cap' }));
    expect(guardrail).toMatchObject({ keys: { live: ['checkout-service'] }, members: { declared: ['dana@example.com'], live: ['dana@example.com'] } });
    const typo = await s.call('explain', { address: 'guardrail.default/prod-capp' });
    expect(typo.isError).toBe(true);
    expect(text(typo)).toContain('did you mean "prod-cap"?');

    let listed!: Awaited<ReturnType<Session['call']>>;
    expect(await requestsOf(o, async () => (listed = await s.call('list_objects', { kind: 'key', workspace: 'default' })))).toEqual(planRequests);
    const rows = data(listed).rows as Record<string, any>[];
    expect(rows.map((r) => r.address)).toEqual(['key.default/checkout-service', 'key.default/scratch', 'key.default/search-service']);
    expect(rows[1]).toMatchObject({ declared_at: null, live: true, unmanaged: true, usage: 4.5 });
    expect(rows[0]!.declared_at).toBe(`${o.file}:${lineOf(before, '  - name: checkout-service')}:5`);
    expect(data(await s.call('list_objects', { kind: 'key', flag: 'near-limit' })).rows.map((r: { name: string }) => r.name)).toEqual(['checkout-service', 'scratch']);
    expect(data(await s.call('list_objects', { kind: 'workspace', state: 'missing' })).rows.map((r: { name: string }) => r.name)).toEqual(['support']);
    const members = data(await s.call('list_objects', { kind: 'member', workspace: 'research' })).rows;
    expect(members.map((m: { email: string }) => m.email)).toEqual(['alice@example.com', 'bob@example.com']);

    // --- a proposal changes the bytes of its node and nothing else -------------------------
    const limitLine = '    limit: 150\n';
    const at = before.indexOf(limitLine, before.indexOf('  - name: checkout-service'));
    const changed = await propose(s, 'propose_key', { name: 'checkout-service', limit: 175 });
    const afterLimit = readFileSync(o.file, 'utf8');
    expect(afterLimit).toBe(`${before.slice(0, at)}    limit: 175\n${before.slice(at + limitLine.length)}`);
    expect(changed.files).toEqual([o.file]);
    expect(changed.diff).toMatch(new RegExp(`^--- ${o.file}\\n\\+\\+\\+ ${o.file}\\n@@ -\\d+,7 \\+\\d+,7 @@\\n`));
    expect(changed.diff).toContain('\n-    limit: 150\n+    limit: 175\n');
    expect(changed.plan).toEqual(await cliPlan(o));
    expect(changed.plan.operations).toContainEqual(expect.objectContaining({ address: 'key.default/checkout-service', action: 'update', changes: [{ field: 'limit', before: 100, after: 175 }] }));

    // --- an invalid proposal writes nothing and says where ----------------------------------
    const unknownGuardrail = await s.call('propose_key', { name: 'checkout-service', guardrail: 'no-such-cap' });
    expect(unknownGuardrail.isError).toBe(true);
    expect(readFileSync(o.file, 'utf8')).toBe(afterLimit);
    const [err] = data(unknownGuardrail).errors;
    const guardrailLine = lineOf(afterLimit, '    guardrail: prod-cap', '  - name: checkout-service');
    expect(err).toMatchObject({ file: o.file, line: guardrailLine });
    expect(err.col).toBeGreaterThan(0);
    expect(err.message).toMatch(/no-such-cap.*prod-cap/);
    expect(text(unknownGuardrail)).toContain(`${o.file}:${guardrailLine}:${err.col}: `);
    expect(data(unknownGuardrail).proposed_diff).toContain('+    guardrail: no-such-cap');

    const badExpiry = await s.call('propose_key', { name: 'checkout-service', expires_at: 'next tuesday' });
    expect(badExpiry.isError).toBe(true);
    expect(data(badExpiry).errors[0]).toMatchObject({ line: lineOf(afterLimit, '    limit: 175') + 1, message: expect.stringContaining('keys[0].expires_at') });
    expect(readFileSync(o.file, 'utf8')).toBe(afterLimit);

    // The organization's own checks (member e-mails) are the plan's: failing them writes nothing either.
    const stranger = await s.call('propose_workspace', { slug: 'research', add_members: ['nobody@example.com'] });
    expect(stranger.isError).toBe(true);
    expect(text(stranger)).toContain('"nobody@example.com" is not a member of the organization');
    expect(readFileSync(o.file, 'utf8')).toBe(afterLimit);

    // --- every other proposal ---------------------------------------------------------------
    const declared = await propose(s, 'propose_key', { name: 'reporting', workspace: 'research', limit: 20, guardrail: 'frontier-only' });
    expect(readFileSync(o.file, 'utf8')).toBe(`${afterLimit}  - name: reporting\n    workspace: research\n    limit: 20\n    guardrail: frontier-only\n`);
    expect(declared.notes[0]).toContain(`in ${o.file}`);
    expect(declared.plan.operations).toContainEqual(expect.objectContaining({ address: 'key.research/reporting', action: 'create' }));

    const capped = await propose(s, 'propose_guardrail', { name: 'prod-cap', limit_usd: 250, remove: ['allowed_providers'] });
    expect(capped.diff).toContain('-    limit_usd: 200\n+    limit_usd: 250\n');
    expect(capped.diff).toContain('-    allowed_providers: [openai, anthropic]\n');
    await propose(s, 'propose_guardrail_binding', { guardrail: 'prod-cap', members: ['erik@example.com'] });
    await propose(s, 'propose_guardrail_unbinding', { guardrail: 'ci-cheap-models', workspace: 'platform', keys: ['github-actions'] });
    await propose(s, 'propose_guardrail_removal', { name: 'ci-cheap-models', workspace: 'platform' });
    await propose(s, 'propose_workspace', { slug: 'research', budgets: { monthly: 1200, daily: 40 }, add_members: ['erik@example.com'] });
    await propose(s, 'propose_key_removal', { name: 'old-support-bot', workspace: 'support' });
    const unchanged = await s.call('propose_key', { name: 'reporting', workspace: 'research', limit: 20 });
    expect(data(unchanged)).toMatchObject({ written: false, changed: false });

    const final = parse(readFileSync(o.file, 'utf8'));
    expect(final.guardrails.map((g: { name: string }) => g.name)).toEqual(['prod-cap', 'frontier-only', 'pii-safe']);
    expect(final.guardrails[0]).toMatchObject({ limit_usd: 250, members: ['dana@example.com', 'erik@example.com'] });
    expect(final.guardrails[0].allowed_providers).toBeUndefined();
    expect(final.workspaces[2]).toMatchObject({ budgets: { lifetime: 20000, monthly: 1200, daily: 40 }, members: ['alice@example.com', 'bob@example.com', 'erik@example.com'] });
    expect(final.keys.find((k: { name: string }) => k.name === 'github-actions').guardrail).toBeUndefined();
    expect(final.keys.map((k: { name: string }) => k.name)).not.toContain('old-support-bot');
    // The comments of the example are all still there, byte for byte.
    for (const comment of before.split('\n').filter((l) => l.includes('#'))) expect(readFileSync(o.file, 'utf8')).toContain(comment);
    expect(data(await s.call('validate')).valid).toBe(true);

    // --- what never happened ----------------------------------------------------------------
    expect(o.sb.log.length).toBeGreaterThan(100);
    expect(o.sb.log.filter((e) => e.method !== 'GET')).toEqual([]);
    const transcript = s.transcript();
    expect(transcript).not.toContain(o.sb.managementKey);
    expect(transcript).not.toMatch(/sk-or-/);
    for (const k of o.sb.state.toData().keys) expect(transcript).not.toContain(k.label);
  });
});
