// `oradmin show <planfile>`: the saved plan as plan printed it, authenticated when the key is there.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { org } from '../helpers/org.js';

describe('oradmin show', () => {
  it('prints a saved plan exactly as plan did, in every format; refuses an edited one', async () => {
    const o = await org({ keys: [{ name: 'bot', limit: 1 }] });
    o.write('openrouter.admin.yaml', 'version: 1\nsecrets: { file: secrets.json }\nkeys:\n  - { name: bot, limit: 2 }\n  - { name: new-bot, limit: 3 }\n');
    const planned: Record<string, string> = {};
    for (const format of ['text', 'markdown', 'json']) {
      const r = await o.run(['plan', '-o', format, '--out', 'plan.json']);
      expect(r.code, r.stderr).toBe(0);
      planned[format] = r.stdout;
    }
    o.sb.resetLog();
    for (const format of ['text', 'markdown', 'json']) {
      const r = await o.run(['show', 'plan.json', '-o', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(planned[format]);
      expect(r.stderr).toMatch(/^plan\.json: the plan of openrouter\.admin\.yaml saved at \S+, authenticated with the management key\.\n$/);
    }
    expect(o.sb.log).toEqual([]); // offline

    // Without the key it is shown, marked as not verified.
    const unverified = await o.run(['show', 'plan.json'], { env: { OPENROUTER_MANAGEMENT_KEY: undefined } });
    expect(unverified.code).toBe(0);
    expect(unverified.stderr).toContain('not verified (set OPENROUTER_MANAGEMENT_KEY');

    // An edited planfile is refused, as apply would.
    const file = path.join(o.dir, 'plan.json');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.plan.operations = [];
    writeFileSync(file, JSON.stringify(doc));
    const edited = await o.run(['show', 'plan.json']);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toBe('');
    expect(edited.stderr).toContain("plan.json was not saved by `oradmin plan --out` with this organization's management key, or it was edited since; apply would refuse it.");
  });
});
