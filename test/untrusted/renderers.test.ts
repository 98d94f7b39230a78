// Every renderer, fed a plan or a report in which *every* string is hostile (addresses, values,
// reasons, blocked messages, names, e-mails, file names): a renderer that interpolates any field
// without its medium's neutralizing function fails here, whichever field it is.
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import { renderStatusJson, renderStatusMarkdown, renderStatusText } from '../../src/status/render.js';
import type { StatusReport } from '../../src/status/report.js';
import type { Plan } from '../../src/core/types.js';
import { formatDiagnostic } from '../../src/errors.js';
import { expectClean, expectMarkdownIntact, HOSTILE } from './hostile.js';

/** Replaces every string in a value (not object keys) by `poison(original)`. */
function poisonStrings<T>(value: T, poison: (s: string, key: string) => string, key = ''): T {
  if (typeof value === 'string') return poison(value, key) as T;
  if (Array.isArray(value)) return value.map((v) => poisonStrings(v, poison, key)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poisonStrings(v, poison, k)])) as T;
  }
  return value;
}

// Fields that are enums the renderers switch on, not text from anywhere.
const ENUMS = new Set(['action', 'kind', 'flags', 'limit_reset', 'expires_at', 'generated_at', 'state']);

const PLAN: Plan = {
  format_version: 1,
  summary: { create: 1, update: 1, replace: 1, delete: 1, disable: 1, assign: 1, unassign: 1, rotate: 1, retire: 1, unmanaged: 1 },
  operations: [
    { address: 'key.default/a', kind: 'key', action: 'create', after: { limit: 1, description: 'x', models: ['m'] }, dependsOn: [], exec: {} },
    { address: 'guardrail.default/g', kind: 'guardrail', action: 'update', changes: [{ field: 'description', before: 'a', after: 'b' }], dependsOn: [], exec: {} },
    { address: 'key.default/r', kind: 'key', action: 'replace', after: { limit: 1 }, changes: [{ field: 'expires_at', before: 'a', after: 'b' }], reason: 'why', blocked: 'because', dependsOn: [], exec: {} },
    { address: 'key.default/d', kind: 'key', action: 'delete', reason: 'leftover', dependsOn: [], exec: {} },
    { address: 'key.default/s', kind: 'key', action: 'disable', dependsOn: [], exec: {} },
    { address: 'key_guardrail.default/k', kind: 'key_guardrail', action: 'assign', after: { guardrail: 'g' }, dependsOn: [], exec: {} },
    { address: 'guardrail_member.default/g/m', kind: 'guardrail_member', action: 'unassign', dependsOn: [], exec: {} },
    { address: 'key.default/o', kind: 'key', action: 'rotate', after: { limit: 1, guardrail: 'g' }, changes: [{ field: 'limit', before: 2, after: 1 }], reason: 'old', dependsOn: [], exec: {} },
    { address: 'key.default/o~predecessor', kind: 'key', action: 'retire', before: { limit: 2 }, reason: 'overlap passed', dependsOn: [], exec: {} },
  ],
  unmanaged: [{ address: 'key.default/u', kind: 'key', reason: 'created by someone who left' }],
  retiring: [{ address: 'key.default/p~predecessor', kind: 'key', successor: 'key.default/p', retire: 'delete', retires_at: '2027-01-01T00:00:00Z' }],
  safety: { ok: false, reasons: ['too many'] },
  secrets_sink: { type: 'command', command: ['./store.sh', 'arg'] },
  checksum: 'sha256:0',
};

const REPORT: StatusReport = {
  format_version: 1,
  generated_at: '2027-01-01T00:00:00Z',
  credits: { total: 10, used: 1, remaining: 9 },
  workspaces: [
    {
      slug: 'default',
      name: 'Default',
      keys: [
        { name: 'k', hash: 'h', disabled: false, limit: 1, limit_reset: 'daily', usage: 1, byok_included: false, used_fraction: 1, expires_at: null, expires_in_days: null, guardrail: 'g', flags: ['limit-reached'] },
      ],
    },
  ],
  guardrails: [{ workspace: 'default', name: 'g', keys: ['k'], members: ['m@example.com'] }],
  interrupted: [{ workspace: 'default', name: 'n', hash: 'h' }],
  unmanaged: { file: 'openrouter.admin.yaml', compared: true, objects: [{ address: 'key.default/u', kind: 'key' }] },
  counts: { 'limit-reached': 1, 'near-limit': 0, expired: 0, expiring: 0, disabled: 0, 'never-used': 0 },
  rotation: {
    keys: [
      {
        workspace: 'default',
        name: 'r',
        hash: 'h',
        last_rotated: '2026-12-01T00:00:00Z',
        every: '30d',
        next_due: '2026-12-31T00:00:00Z',
        due: true,
        predecessors: [
          { hash: 'p1', retire: 'delete', retires_at: '2026-12-03T00:00:00Z', state: 'retiring', usage: 1 },
          { hash: 'p2', retire: 'disable', retires_at: null, state: 'waiting', usage: 0 },
        ],
      },
    ],
    departed: [{ workspace: 'default', name: 'gone', hash: 'h2', creator_user_id: 'user_x', declared: false }],
  },
} as unknown as StatusReport;

describe('renderers with every string hostile', () => {
  for (const [label, hostile] of Object.entries(HOSTILE)) {
    const poison = (s: string, key: string) => (ENUMS.has(key) ? s : `${s}${hostile}`);

    it(`plan text, markdown and JSON (${label})`, () => {
      const plan = poisonStrings(PLAN, poison);
      for (const color of [false, true]) {
        // With colour, our own SGR codes are the only escapes: strip exactly those, then check.
        const text = renderText(plan, { color, file: `f${hostile}`, refusals: [`refused${hostile}`] }).replace(/\u001b\[\d+(;\d+)*m/g, '');
        expectClean(`text (colour ${color})`, text);
      }
      const md = renderMarkdown(plan, { file: `f${hostile}`, refusals: [`refused${hostile}`] });
      expectClean('markdown', md);
      expectMarkdownIntact('markdown', md, /^### oradmin plan/);
      const json = renderJson(plan);
      expectClean('json', json);
      expect(JSON.parse(json).operations[0].address).toBe(`key.default/a${hostile}`);
    });

    it(`status text, markdown and JSON (${label})`, () => {
      const report = poisonStrings(REPORT, poison);
      expectClean('status text', renderStatusText(report, { color: false }));
      const md = renderStatusMarkdown(report);
      expectClean('status markdown', md);
      expectMarkdownIntact('status markdown', md, /^#{3,4} (Organization status|Workspace|Guardrails|Interrupted|Key lifecycle|Keys of departed members)/);
      const json = renderStatusJson(report);
      expectClean('status json', json);
      expect(JSON.parse(json).workspaces[0].keys[0].name).toBe(`k${hostile}`);
    });

    it(`diagnostics (${label})`, () => {
      expectClean('diagnostic', formatDiagnostic({ severity: 'error', file: `f${hostile}`, line: 1, col: 2, message: `unknown field "${hostile}"` }));
    });
  }
});
