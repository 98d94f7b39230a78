// Model ids, provider names, key names and e-mails come from the organization and the API: in an
// activity report and in the forecasts they stay data in every format (PRODUCT.md section 11).
import { describe, expect, it } from 'vitest';
import { expectClean, expectMarkdownIntact, HOSTILE } from '../untrusted/hostile.js';
import { activityOrg, mapLimited } from './helpers.js';

const NAMES = Object.values(HOSTILE);

describe('hostile names in activity reports and forecasts', () => {
  it('every dimension, every format, and status with forecasts', async () => {
    const o = await activityOrg({
      organization_members: [
        { id: 'user_admin', email: 'admin@example.com', role: 'org:admin' },
        { id: 'user_evil', email: 'evil\n::error::x@example.com', role: 'org:member' },
      ],
      credits: { total_credits: 100, total_usage: 1 },
      // Limits nearly reached, so that the forecasts name the keys.
      keys: NAMES.map((name) => ({ name, limit: 10, limit_reset: 'monthly' as const, usage_monthly: 9 })),
      activity: NAMES.flatMap((name, i) => [
        { days_ago: 1 + i, key: name, model: `${name}/model`, model_permaslug: 'x/y', provider_name: name, usage: 1 + i, requests: 1 },
        { days_ago: 2 + i, key: name, model: 'openai/gpt-4o', provider_name: `=cmd|' /C calc'!A0${name}`, usage: 0.5, requests: 1 },
      ]),
    });
    // Every renderer is poisoned field by field in renderers.test.ts; here, the names as the API and
    // the CLI carry them into each format.
    const runs: string[][] = [
      ...['text', 'markdown', 'json', 'csv'].map((format) => ['activity', '--by', 'model', '-o', format]),
      ...['text', 'markdown', 'json'].map((format) => ['activity', '--by', 'key', '-o', format]),
      // Provider names here start like a spreadsheet formula.
      ['activity', '--by', 'provider', '-o', 'csv'],
      ...['text', 'markdown'].map((format) => ['status', '-o', format]),
    ];
    const results = await mapLimited(runs, 3, (args) => o.run(args));
    for (const [i, args] of runs.entries()) {
      const r = results[i]!;
      const label = args.join(' ');
      expect(r.code, `${label}: ${r.stderr}`).toBe(0);
      // CSV's CRLF line ends are its structure (RFC 4180), not a name's control character.
      expectClean(label, `${args.includes('csv') ? r.stdout.replace(/\r\n/g, '\n') : r.stdout}\n${r.stderr}`);
      if (args.includes('markdown')) expectMarkdownIntact(label, r.stdout, /^#{3,4} (OpenRouter spend by|Daily spend$|Organization status|Workspace|Guardrails|Interrupted)/);
      if (args.includes('csv')) {
        // Every text cell is quoted, and none starts a formula once the spreadsheet unquotes it.
        for (const line of r.stdout.split('\r\n').slice(1, -1)) expect(line, label).not.toMatch(/(^|,)"?[=+\-@]/);
      }
      if (args.includes('json') && args[0] === 'activity') {
        const doc = JSON.parse(r.stdout);
        // JSON keeps the names exactly; only its escaping makes them harmless to print.
        if (args[2] === 'model') expect(doc.rows.map((row: { model: string }) => row.model)).toContain(`${HOSTILE.workflow}/model`);
        if (args[2] === 'key') expect(doc.rows.map((row: { name: string }) => row.name).sort()).toEqual([...NAMES].sort());
      }
    }
    // The forecasts did name the hostile keys (escaped), so the check above saw them.
    expect(results.at(-2)!.stdout).toContain('key default/evil\\n::add-mask::Plan');

    const unknown = await o.run(['activity', '--member', 'nobody@example.com']);
    expect(unknown.code).toBe(1);
    expectClean('activity --member (error listing hostile e-mails)', unknown.stderr);
    expect(unknown.stderr).toContain('evil\\n::error::x@example.com');
  }, 240_000);
});
