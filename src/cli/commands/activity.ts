// `oradmin activity`: read what the report needs, build it (src/activity/, pure), print it.
// Read-only. What a report costs (PRODUCT.md section 5: at most 2 requests, plus /keys pages):
//   GET /activity                                     always, once
//   GET /workspaces                                   --workspace, --by workspace, --key, --by key
//   GET /organization/members                         --member
//   GET /keys pages of the key's workspace            --key (the address names a key, the API filters by hash)
//   GET /keys pages of every workspace in scope       --by key (the counters are on the key objects)
// so one name filter costs 2; --member together with one of the /workspaces cases costs 3, because
// e-mails and workspace slugs are resolved by different lists.
import { Option, type Command } from 'commander';
import type { ApiClient } from '../../api/client.js';
import type { LiveKey } from '../../core/live.js';
import type { ActivityRequest, RawActivityOptions } from '../../activity/options.js';
import { DIMENSIONS, type ActivityReport } from '../../activity/report.js';
import { globalOptions, type GlobalOptions, type Io } from '../context.js';

/** -o of this command: the global formats and csv (main.ts refuses csv for every other command). */
type ActivityFormat = 'text' | 'json' | 'markdown' | 'csv';

export function registerActivity(program: Command, io: Io): void {
  program
    .command('activity')
    .description('read-only spend and usage report of the last 30 completed UTC days: totals, ranked rows, a daily chart')
    .addOption(new Option('--by <dimension>', 'what the rows are').choices([...DIMENSIONS]).default('model'))
    .option('--days <n>', 'only the last n completed UTC days (1-30; default 30)')
    .option('--date <YYYY-MM-DD>', 'only this UTC day, one of the last 30 completed ones')
    .option('--workspace <slug>', "only this workspace's activity (and with --by key, its keys)")
    .option('--key <address>', "only this key's activity, e.g. key.default/prod-bot")
    .option('--member <email>', "only this organization member's activity")
    .option('--top <n>', 'only the n rows that spent most (the rest summed in one line; totals stay whole)')
    // Lines within 80 columns: help is read in terminals and CI logs.
    .addHelpText(
      'after',
      [
        '',
        'Rows are ranked by spend (USD of OpenRouter credits), with BYOK spend,',
        'requests and tokens beside them. --by key ranks keys by their own usage',
        'counters (today, this week from Monday, this month; UTC) from the /keys',
        'pages; the totals and the daily chart stay the activity of the period.',
        '-o json is one versioned document, -o markdown adds a mermaid chart for',
        'GitHub, -o csv gives the rows for a spreadsheet.',
        '',
        'Cost: one request, plus the list that resolves --workspace or --by',
        'workspace, or --member; --key also reads its workspace\'s /keys pages,',
        '--by key those of every workspace in scope.',
      ].join('\n'),
    )
    .action(async (cmd: RawActivityOptions) => {
      const format = program.opts<{ output: ActivityFormat }>().output;
      await runActivity(globalOptions(program, io), format, io, cmd, new Date());
    });
}

export async function runActivity(opts: GlobalOptions, format: ActivityFormat, io: Io, raw: RawActivityOptions, now: Date): Promise<void> {
  io.stdout.write(await rendered(await activityReport(opts, io, raw, now), format));
}

/** The report `oradmin activity` prints, from the same checks and reads (the MCP activity tool). */
export async function activityReport(opts: GlobalOptions, io: Io, raw: RawActivityOptions, now: Date): Promise<ActivityReport> {
  const { parseActivityOptions } = await import('../../activity/options.js');
  const { parseKeyAddress } = await import('../../activity/resolve.js');
  // Mistakes in the options cost no request and need no credentials.
  const request = parseActivityOptions(raw, now);
  const keyAddress = request.filters.key === null ? null : parseKeyAddress(request.filters.key);
  return withClient(opts, io, (client) => readAndBuild(client, request, keyAddress, now));
}

async function withClient<T>(opts: GlobalOptions, io: Io, read: (client: ApiClient) => Promise<T>): Promise<T> {
  const { makeClient } = await import('../pipeline.js');
  const client = makeClient(opts, io);
  try {
    return await read(client);
  } finally {
    await client.close();
  }
}

async function rendered(report: ActivityReport, format: ActivityFormat): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../../activity/json.js')).renderActivityJson(report);
    case 'markdown':
      return (await import('../../activity/render-markdown.js')).renderActivityMarkdown(report);
    case 'csv':
      return (await import('../../activity/render-csv.js')).renderActivityCsv(report);
    case 'text':
      return (await import('../../activity/render-text.js')).renderActivityText(report);
  }
}

async function readAndBuild(
  client: ApiClient,
  request: ActivityRequest,
  keyAddress: { slug: string; name: string } | null,
  now: Date,
): Promise<ActivityReport> {
  const [{ readAllKeys, readCountedList }, { ActivityResponse, ListOrganizationMembersResponse, ListWorkspacesResponse }, resolve, { buildActivityReport }] =
    await Promise.all([import('../../api/paginate.js'), import('../../api/schemas.js'), import('../../activity/resolve.js'), import('../../activity/report.js')]);
  const { by, filters } = request;

  const needWorkspaces = by === 'workspace' || by === 'key' || filters.workspace !== null || keyAddress !== null;
  // The two lists that resolve names are independent: read at once.
  const [workspaces, members] = await Promise.all([
    needWorkspaces ? readCountedList(client, { operation: 'listWorkspaces', path: '/workspaces', schema: ListWorkspacesResponse, idOf: (w) => w.id }) : undefined,
    filters.member !== null
      ? readCountedList(client, { operation: 'listOrganizationMembers', path: '/organization/members', schema: ListOrganizationMembersResponse, idOf: (m) => m.id })
      : undefined,
  ]);
  const workspace = filters.workspace !== null ? resolve.resolveWorkspace(filters.workspace, workspaces!) : undefined;
  const member = filters.member !== null ? resolve.resolveMember(filters.member, members!) : undefined;
  const keyWorkspace = keyAddress ? resolve.resolveWorkspace(keyAddress.slug, workspaces!, `--key ${filters.key}`) : undefined;
  if (workspace && keyWorkspace && workspace.id !== keyWorkspace.id) {
    const { OradminError } = await import('../../errors.js');
    throw new OradminError(`--key ${filters.key}: the key is in workspace ${keyWorkspace.slug}, not in --workspace ${workspace.slug}; give one of them`);
  }
  const keysOf = (ws: { id: string; slug: string }) => readAllKeys(client, { workspaceId: ws.id, address: `workspace.${ws.slug}` });
  const key = keyAddress && keyWorkspace ? resolve.resolveKey(keyAddress, await keysOf(keyWorkspace)) : undefined;

  const activity = client.request({
    operation: 'getUserActivity',
    method: 'GET',
    path: '/activity',
    query: {
      date: filters.date ?? undefined,
      api_key_hash: key?.hash,
      user_id: member?.id,
      // Not the key's workspace for --key: activity from before workspaces is attributed to the
      // default workspace (reference, getUserActivity), and would be lost.
      workspace_id: workspace?.id,
      group_by: by === 'workspace' ? 'workspace' : undefined,
    },
    responseSchema: ActivityResponse,
  });
  activity.catch(() => undefined); // awaited below, after the keys it overlaps with
  let scopedKeys: { key: LiveKey; slug: string }[] | undefined;
  if (by === 'key') {
    if (key && keyWorkspace) scopedKeys = [{ key, slug: keyWorkspace.slug }];
    else {
      const scope = workspace ? [workspace] : workspaces!;
      const lists = await Promise.all(scope.map(async (ws) => (await keysOf(ws)).map((k) => ({ key: k, slug: ws.slug }))));
      scopedKeys = lists.flat().filter(({ key: k }) => member === undefined || k.creator_user_id === member.id);
    }
  }
  const items = (await activity).data;
  return buildActivityReport({
    items,
    by,
    period: request.period,
    filters,
    ...(workspaces ? { workspaces } : {}),
    ...(scopedKeys ? { keys: scopedKeys } : {}),
    now,
  });
}
