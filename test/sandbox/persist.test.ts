// Persistence: the organization survives a restart (a demo run in steps across processes).
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PersistError, startSandbox } from '../../src/sandbox/index.js';
import { client } from './helpers.js';

function tempPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'oradmin-persist-')), 'state.json');
}

describe('persistPath', () => {
  it('saves after each write and loads at start (the seed applies only to a new file)', async () => {
    const path = tempPath();
    const first = await startSandbox({
      persistPath: path,
      seed: {
        workspaces: [{ slug: 'lab', name: 'Lab' }],
        activity: [{ days_ago: 1, model: 'openai/gpt-4o', provider_name: 'OpenAI', usage: 0.5, requests: 2 }],
      },
    });
    const created = (await client(first).post('/keys', { name: 'kept', limit: 5 })).body;
    const guardrail = (await client(first).post('/guardrails', { name: 'g' })).body.data;
    await client(first).post(`/guardrails/${guardrail.id}/assignments/keys`, { key_hashes: [created.data.hash] });
    const saved = readFileSync(path, 'utf8');
    expect(saved).toContain('"kept"');
    expect(saved).not.toContain(created.key);
    expect(saved).not.toContain(first.managementKey);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    await first.close();

    const second = await startSandbox({ persistPath: path, seed: { workspaces: [{ slug: 'other', name: 'Other' }] } });
    try {
      const api = client(second);
      expect((await api.get(`/keys/${created.data.hash}`)).body.data).toEqual(created.data);
      expect((await api.get('/workspaces')).body.data.map((w: { slug: string }) => w.slug)).toEqual(['default', 'lab']);
      expect((await api.get('/guardrails/assignments/keys')).body.total_count).toBe(1);
      expect((await api.get('/activity')).body.data.map((i: { usage: number }) => i.usage)).toEqual([0.5]);
      // New ids keep counting, and keys keep their newest-first order.
      await api.post('/keys', { name: 'later' });
      expect((await api.get('/keys')).body.data.map((k: { name: string }) => k.name)).toEqual(['later', 'kept']);
    } finally {
      await second.close();
    }
  });

  it('refuses a file that is not a sandbox state file', async () => {
    const path = tempPath();
    writeFileSync(path, '{"hello": "world"}');
    await expect(startSandbox({ persistPath: path })).rejects.toThrow(PersistError);
    writeFileSync(path, 'not json');
    await expect(startSandbox({ persistPath: path })).rejects.toThrow(/not a sandbox state file/);
  });
});
