// Every list read completely across pages, against the sandbox over real HTTP: /keys (fixed pages
// of 100, no total: speculative windows) and the limit/total_count lists.
import { describe, expect, it } from 'vitest';
import type { Requester } from '../../src/api/client.js';
import { ApiError } from '../../src/api/errors.js';
import { readAllKeys, readCountedList } from '../../src/api/paginate.js';
import { ListGuardrailsResponse, ListOrganizationMembersResponse } from '../../src/api/schemas.js';
import { clientFor, guardrails, keys, members, sandbox } from './helpers.js';

describe('readAllKeys', () => {
  it('reads 250+ keys of one workspace, disabled ones included, in parallel windows', async () => {
    const sb = await sandbox({
      seed: { workspaces: [{ slug: 'big', name: 'Big' }], keys: keys(257, 'big', { disabledEvery: 10 }) },
    });
    const { client, lines } = clientFor(sb);
    const ws = sb.state.workspace('big')!;
    const read = await readAllKeys(client, { workspaceId: ws.id });
    expect(read).toHaveLength(257);
    expect(new Set(read.map((k) => k.hash)).size).toBe(257);
    expect(read.filter((k) => k.disabled)).toHaveLength(26);
    expect(read.every((k) => k.workspace_id === ws.id)).toBe(true);
    // Page 0, then offsets 100 and 200 together; every request asks for disabled keys and names the workspace.
    expect(lines.map((l) => l.replace(/ \d+ms$/, ''))).toEqual(
      expect.arrayContaining([0, 100, 200].map((o) => `GET /keys?offset=${o}&workspace_id=${ws.id}&include_disabled=true 200`)),
    );
    expect(sb.counts()).toEqual({ list: 3 });
  });

  it('reads disabled keys in several workspaces, each workspace by its own id', async () => {
    const sb = await sandbox({
      seed: {
        workspaces: [{ slug: 'a', name: 'A' }, { slug: 'b', name: 'B' }],
        keys: [...keys(5, 'a', { disabledEvery: 2 }), ...keys(3, 'b', { disabledEvery: 1 }), ...keys(2, 'default', { disabledEvery: 1 })],
      },
    });
    const { client } = clientFor(sb);
    for (const [slug, total, disabled] of [['a', 5, 3], ['b', 3, 3], ['default', 2, 2]] as const) {
      const read = await readAllKeys(client, { workspaceId: sb.state.workspace(slug)!.id });
      expect(read.map((k) => k.name).sort()).toEqual(sb.state.keysIn(slug).map((k) => k.name).sort());
      expect(read).toHaveLength(total);
      expect(read.filter((k) => k.disabled)).toHaveLength(disabled);
    }
  });

  it('grows the window up to its cap, and stops at the first short page', async () => {
    const sb = await sandbox({ seed: { workspaces: [{ slug: 'huge', name: 'Huge' }], keys: keys(1_234, 'huge') } });
    const { client, lines } = clientFor(sb);
    const read = await readAllKeys(client, { workspaceId: sb.state.workspace('huge')!.id, maxWindow: 4 });
    expect(read).toHaveLength(1_234);
    // 13 pages (the first short one is offset 1200); at most the window less one asked for past it.
    expect(sb.counts().list).toBeGreaterThanOrEqual(13);
    expect(client.stats().requests).toBeLessThanOrEqual(13 + 3);
    expect(client.stats().peakInFlight).toBeLessThanOrEqual(4);
    expect(lines.length).toBeGreaterThanOrEqual(13);
  });

  it('asks for the expected pages at once, and no page past the end, when it knows how many keys to expect', async () => {
    const sb = await sandbox({ seed: { workspaces: [{ slug: 'huge', name: 'Huge' }], keys: keys(1_234, 'huge') } });
    const { client } = clientFor(sb);
    const read = await readAllKeys(client, { workspaceId: sb.state.workspace('huge')!.id, expected: () => 1_234 });
    expect(read).toHaveLength(1_234);
    expect(client.stats().requests).toBe(13);
    expect(client.stats().peakInFlight).toBe(8);
  });

  it('asks for the expected pages without waiting for the first one, when the hint is there from the start', async () => {
    // Latency of a second: the check at a quarter second sits well before the first answer.
    const sb = await sandbox({ seed: { workspaces: [{ slug: 'huge', name: 'Huge' }], keys: keys(1_234, 'huge') }, latencyMs: 1_000 });
    const { client } = clientFor(sb);
    const reading = readAllKeys(client, { workspaceId: sb.state.workspace('huge')!.id, expected: () => 1_234 });
    await new Promise((r) => setTimeout(r, 250));
    expect(sb.counts().list ?? 0).toBe(0); // nothing answered yet
    expect(client.stats().requests).toBe(8); // page 0 and the next seven, as many as the gate lets through
    expect(await reading).toHaveLength(1_234);
    expect(client.stats().requests).toBe(13);
  });

  it('reads a workspace with far fewer keys than expected: what was asked for past its end is abandoned', async () => {
    const sb = await sandbox({ seed: { workspaces: [{ slug: 'w', name: 'W' }], keys: keys(30, 'w') }, latencyMs: 300 });
    const { client } = clientFor(sb);
    const started = performance.now();
    const read = await readAllKeys(client, { workspaceId: sb.state.workspace('w')!.id, expected: () => 1_234 });
    expect(read.map((k) => k.name).sort()).toEqual(sb.state.keysIn('w').map((k) => k.name).sort());
    // Pages 0-12 were allowed at once (8 went out); the first, short, answer ended the read: one
    // round trip, not a second one for the pages still queued.
    expect(client.stats().requests).toBeGreaterThanOrEqual(8);
    expect(performance.now() - started).toBeLessThan(2 * 300);
  });

  // Pages asked for ahead come back in any order; until the short page that ends the list is back,
  // a page past it may answer first. Answers are made to fail or repeat below through the real client:
  // a page sent with a workspace id the organization does not have fails with the API's 400, and
  // page 0 is held back a moment so that the others answer before it.
  const NO_SUCH_WORKSPACE = '00000000-0000-4000-8000-000000000000';
  const heldBack = (client: Requester, change: (offset: number, spec: Parameters<Requester['request']>[0]) => Parameters<Requester['request']>[0]): Requester => ({
    request: async (spec) => {
      const offset = Number(spec.query?.offset ?? 0);
      if (offset === 0) await new Promise((r) => setTimeout(r, 300));
      return client.request(change(offset, spec));
    },
  });

  it('drops the failure of a page asked for ahead that turns out to be past the end', async () => {
    const sb = await sandbox({ seed: { workspaces: [{ slug: 'w', name: 'W' }], keys: keys(30, 'w') } });
    const { client } = clientFor(sb);
    const failingAhead = heldBack(client, (offset, spec) => (offset >= 100 ? { ...spec, query: { ...spec.query, workspace_id: NO_SUCH_WORKSPACE } } : spec));
    const read = await readAllKeys(failingAhead, { workspaceId: sb.state.workspace('w')!.id, expected: () => 1_234 });
    expect(read).toHaveLength(30);
  });

  it('fails with a page asked for ahead that turns out to be within the list', async () => {
    const sb = await sandbox({ seed: { workspaces: [{ slug: 'w', name: 'W' }], keys: keys(250, 'w') } });
    const { client } = clientFor(sb);
    const failingWithin = heldBack(client, (offset, spec) => (offset === 100 ? { ...spec, query: { ...spec.query, workspace_id: NO_SUCH_WORKSPACE } } : spec));
    const err = await readAllKeys(failingWithin, { workspaceId: sb.state.workspace('w')!.id, expected: () => 250 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(400);
  });

  it('reads a list shorter than a page from a server that ignores the offset, whichever copy answers first', async () => {
    const sb = await sandbox({ seed: { workspaces: [{ slug: 'w', name: 'W' }], keys: keys(30, 'w') } });
    const { client } = clientFor(sb);
    const ignoring = heldBack(client, (_offset, spec) => ({ ...spec, query: { ...spec.query, offset: 0 } }));
    const read = await readAllKeys(ignoring, { workspaceId: sb.state.workspace('w')!.id, expected: () => 150 });
    expect(read).toHaveLength(30);
  });

  it('asks for the pages a late hint allows as soon as it arrives, not when the next page comes back', async () => {
    // The hint of a large file comes from a worker thread, often just after the first page. Latency
    // of a second, so that each check sits a quarter second or more from the events around it.
    const sb = await sandbox({ seed: { workspaces: [{ slug: 'huge', name: 'Huge' }], keys: keys(1_234, 'huge') }, latencyMs: 1_000 });
    const { client } = clientFor(sb);
    let hint: number | undefined;
    const hintArrives = new Promise<void>((resolve) =>
      setTimeout(() => {
        hint = 1_234;
        resolve();
      }, 1_300),
    );
    const reading = readAllKeys(client, { workspaceId: sb.state.workspace('huge')!.id, expected: () => hint, hintArrives });
    // Page 0 is back at ~1 s, pages 1 and 2 (the first batch, no hint yet) at ~2 s; the hint at 1.3 s.
    await new Promise((r) => setTimeout(r, 1_750));
    expect(client.stats().requests).toBe(9); // page 0, pages 1-2, and six more up to the eight in flight
    expect(await reading).toHaveLength(1_234);
    expect(client.stats().requests).toBe(13);
  });

  it('keeps the gate full while pages come back: no round waits for a whole window', async () => {
    const sb = await sandbox({ seed: { workspaces: [{ slug: 'huge', name: 'Huge' }], keys: keys(3_050, 'huge') }, latencyMs: 20 });
    const { client } = clientFor(sb);
    const read = await readAllKeys(client, { workspaceId: sb.state.workspace('huge')!.id });
    expect(read).toHaveLength(3_050);
    // 31 pages; the window grows by one per full page up to 16, so the gate's 8 slots fill.
    expect(client.stats().peakInFlight).toBe(8);
    expect(client.stats().requests).toBeLessThanOrEqual(31 + 15);
  });

  it('de-duplicates when the list changes while it is read (offset paging repeats an item)', async () => {
    const sb = await sandbox({ seed: { workspaces: [{ slug: 'w', name: 'W' }], keys: keys(150, 'w') } });
    let added = false;
    const { client } = clientFor(sb, {
      // After the first page, a new key arrives at the front (newest first): page 2 repeats an item.
      onLine: () => {
        if (!added) {
          added = true;
          sb.state.addKey({ name: 'newcomer', workspace: 'w' });
        }
      },
    });
    const read = await readAllKeys(client, { workspaceId: sb.state.workspace('w')!.id });
    const hashes = read.map((k) => k.hash);
    expect(new Set(hashes).size).toBe(hashes.length);
    // Every key that existed throughout is there.
    expect(hashes).toHaveLength(150);
  });

  it('fails when the offset does not advance (e.g. a proxy that drops the query string)', async () => {
    const sb = await sandbox({ seed: { workspaces: [{ slug: 'w', name: 'W' }], keys: keys(120, 'w') } });
    const { client } = clientFor(sb);
    const stuck: Requester = { request: (spec) => client.request({ ...spec, query: { ...spec.query, offset: 0 } }) };
    const err = await readAllKeys(stuck, { workspaceId: sb.state.workspace('w')!.id }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toMatch(/^GET \/keys \(list\) failed: offset 100 returned the same page as offset 0/);
  });
});

describe('readCountedList', () => {
  it('reads lists longer than 100: first page, then the rest at once', async () => {
    const sb = await sandbox({ seed: { organization_members: members(234) } });
    const { client, lines } = clientFor(sb);
    const read = await readCountedList(client, {
      operation: 'listOrganizationMembers',
      path: '/organization/members',
      schema: ListOrganizationMembersResponse,
      idOf: (m) => m.id,
    });
    expect(read.map((m) => m.id)).toEqual(sb.state.orgMembers().map((m) => m.id));
    expect(read).toHaveLength(234);
    expect(sb.counts()).toEqual({ listOrganizationMembers: 3 });
    expect(lines.map((l) => l.split(' ')[1])).toEqual(
      expect.arrayContaining(['/organization/members?offset=0&limit=100', '/organization/members?offset=100&limit=100', '/organization/members?offset=200&limit=100']),
    );
  });

  it('passes extra query parameters (workspace_id) on every page', async () => {
    const sb = await sandbox({ seed: { workspaces: [{ slug: 'g', name: 'G' }], guardrails: [...guardrails(101, 'g'), ...guardrails(2, 'default')] } });
    const { client } = clientFor(sb);
    const ws = sb.state.workspace('g')!;
    const read = await readCountedList(client, {
      operation: 'listGuardrails',
      path: '/guardrails',
      query: { workspace_id: ws.id },
      schema: ListGuardrailsResponse,
      idOf: (g) => g.id,
    });
    expect(read).toHaveLength(101);
    expect(read.every((g) => g.workspace_id === ws.id)).toBe(true);
  });

  it('an empty list is one request', async () => {
    const sb = await sandbox();
    const { client } = clientFor(sb);
    const read = await readCountedList(client, {
      operation: 'listGuardrails',
      path: '/guardrails',
      schema: ListGuardrailsResponse,
      idOf: (g) => g.id,
    });
    expect(read).toEqual([]);
    expect(sb.counts()).toEqual({ listGuardrails: 1 });
  });

  it('fails when the offset does not advance', async () => {
    const sb = await sandbox({ seed: { organization_members: members(150) } });
    const { client } = clientFor(sb);
    const stuck: Requester = { request: (spec) => client.request({ ...spec, query: { ...spec.query, offset: 0 } }) };
    await expect(
      readCountedList(stuck, {
        operation: 'listOrganizationMembers',
        path: '/organization/members',
        schema: ListOrganizationMembersResponse,
        idOf: (m) => m.id,
      }),
    ).rejects.toThrow(/offset 100 returned the same page as offset 0/);
  });
});
