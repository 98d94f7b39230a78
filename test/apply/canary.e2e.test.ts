// The secrets canary: neither the management key nor any created key's secret appears in stdout,
// stderr, the planfile, the audit log or JSON output — at full verbosity, with faults injected.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { faultsForRate } from '../../src/sandbox/index.js';
import { org } from '../helpers/org.js';
import { readSecrets } from '../helpers/secrets.js';

describe('secrets canary', () => {
  it('validate, schema, plan, apply, status and export never print a secret or the management key', async () => {
    const o = await org({ keys: [{ name: 'existing', limit: 1 }] }, { rngSeed: 3, faults: { ...faultsForRate(0.15), retryAfterSeconds: 0 } });
    o.sb.dropAfterCommit('createKeys', 1);
    o.write(
      'openrouter.admin.yaml',
      `version: 1
secrets: { file: secrets.json }
guardrails:
  - { name: cap, limit_usd: 5, reset_interval: daily }
keys:
  - { name: existing, limit: 1 }
  - { name: a, guardrail: cap }
  - { name: b, disabled: true }
  - { name: c, expires_at: 2030-01-01T00:00:00Z }
`,
    );
    const outputs: string[] = [];
    const secretsToCheck: string[] = [];
    const run = async (args: string[]) => {
      const r = await o.run(args);
      outputs.push(`$ ${args.join(' ')}\n${r.stdout}\n${r.stderr}`);
      return r;
    };
    await run(['plan', '-v']);
    await run(['plan', '-v', '-o', 'json', '--out', 'plan.json']);
    await run(['plan', '-o', 'markdown']);
    for (let i = 0; i < 3; i++) {
      const r = await run(['apply', '-v', '--auto-approve', '--log-file', 'audit.jsonl', '-o', i === 0 ? 'json' : 'text']);
      if (r.code === 0) break;
    }
    o.sb.setFaults({ rate429: 0, rate500: 0, rate502: 0, rate503: 0, rateReset: 0 });
    // A failing request whose error body the API fills with what was sent.
    o.write('bad.yaml', 'version: 1\nkeys:\n  - { name: x, expires_at: 2020-01-01T00:00:00Z }\n');
    await run(['apply', '-v', '-f', 'bad.yaml', '--auto-approve', '--secrets-out', 'other.json']);
    // A secret pasted into the file is refused without being echoed, in every output format.
    const pasted = `sk-or-v1-${'c0ffee42'.repeat(8)}`;
    o.write('leaky.yaml', `version: 1\nkeys:\n  - name: x # was ${pasted}\n`);
    secretsToCheck.push(pasted);
    for (const format of ['text', 'json', 'markdown']) await run(['validate', '-f', 'leaky.yaml', '-o', format]);
    await run(['plan', '-f', 'leaky.yaml', '-o', 'json']);
    await run(['schema']);
    await run(['status', '-v']);
    await run(['status', '-o', 'json']);
    await run(['export', '-v']);

    const secrets = Object.values(readSecrets(path.join(o.dir, 'secrets.json'))).map((e) => e.secret);
    expect(secrets.length).toBe(3);
    const files = readdirSync(o.dir)
      .filter((f) => f !== 'secrets.json' && f !== 'leaky.yaml')
      .map((f) => `--- ${f}\n${readFileSync(path.join(o.dir, f), 'utf8')}`);
    const everything = [...outputs, ...files].join('\n');
    expect(everything).toContain('GET /keys'); // verbose logging really ran
    expect(everything).toContain('"result":'); // and so did the audit log
    expect(everything).toContain('this looks like an OpenRouter secret');
    for (const s of [o.sb.managementKey, ...secrets, ...secretsToCheck]) {
      expect(everything.includes(s), 'a secret leaked').toBe(false);
      expect(everything.includes(s.slice(-24)), 'a fragment of a secret leaked').toBe(false);
    }
    expect(everything).not.toMatch(/sk-or-v1-[0-9a-f]{16,}/);
  });
});
