// The next run after an interrupted key creation: a key left under its temporary name is finished
// when the sink holds its secret, and replaced when nobody does; a leftover whose key exists is removed.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { org } from '../helpers/org.js';
import { expectKeysSecured, readSecrets } from '../helpers/secrets.js';

const DESIRED = 'version: 1\nsecrets: { file: secrets.json }\nguardrails:\n  - { name: cap }\nkeys:\n  - { name: bot, limit: 4, guardrail: cap }\n';

describe('key creation recovery', () => {
  it('finishes a pending key whose secret the file sink already holds (no new key, same secret)', async () => {
    const o = await org({ guardrails: [{ name: 'cap' }] });
    const { key, secret } = o.sb.state.addKey({ name: 'oradmin-pending:0123456789ab:bot', limit: 4 });
    writeFileSync(path.join(o.dir, 'secrets.json'), JSON.stringify({ 'default/bot': { secret, hash: key.hash, created_at: 'x' } }), { mode: 0o600 });
    o.write('openrouter.admin.yaml', DESIRED);
    const plan = await o.run(['plan']);
    expect(plan.stdout).toContain('+ key.default/bot  (resumes an interrupted creation)');
    const r = await o.run(['apply', '--auto-approve']);
    expect(r.code).toBe(0);
    expect(o.sb.counts().createKeys ?? 0).toBe(0);
    const bot = o.sb.state.findKeyByName('bot', 'default')!;
    expect(bot.hash).toBe(key.hash);
    expect(o.sb.state.keyAssignments().map((a) => a.key_hash)).toEqual([key.hash]);
    expectKeysSecured(o.sb, path.join(o.dir, 'secrets.json'), ['default/bot']);
  });

  it('replaces a pending key whose secret nobody holds', async () => {
    const o = await org({ guardrails: [{ name: 'cap' }] });
    const { key } = o.sb.state.addKey({ name: 'oradmin-pending:0123456789ab:bot', limit: 4 });
    o.write('openrouter.admin.yaml', DESIRED);
    const r = await o.run(['apply', '--auto-approve']);
    expect(r.code).toBe(0);
    expect(o.sb.state.key(key.hash)).toBeUndefined();
    expectKeysSecured(o.sb, path.join(o.dir, 'secrets.json'), ['default/bot']);
    expect(readSecrets(path.join(o.dir, 'secrets.json'))['default/bot']!.hash).not.toBe(key.hash);
  });

  it('removes a leftover pending key when the declared key already exists', async () => {
    const o = await org({ guardrails: [{ name: 'cap' }], keys: [{ name: 'bot', limit: 4 }], key_assignments: [{ key: 'bot', guardrail: 'cap' }] });
    const { key } = o.sb.state.addKey({ name: 'oradmin-pending:0123456789ab:bot', limit: 4 });
    o.write('openrouter.admin.yaml', DESIRED);
    const plan = JSON.parse((await o.run(['plan', '-o', 'json'])).stdout);
    expect(plan.operations).toEqual([
      {
        address: 'key.default/oradmin-pending:0123456789ab:bot',
        kind: 'key',
        action: 'delete',
        effect: 'neutral',
        reason: 'left over from an interrupted apply; its secret was never delivered or the key was created again',
      },
    ]);
    expect(plan.safety.ok).toBe(true);
    expect((await o.run(['apply', '--auto-approve'])).code).toBe(0);
    expect(o.sb.state.key(key.hash)).toBeUndefined();
    expect(o.sb.state.keysIn('default').map((k) => k.name)).toEqual(['bot']);
  });
});
