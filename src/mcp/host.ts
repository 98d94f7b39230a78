// What the MCP server needs from the command line, passed in rather than imported so that cli/
// depends on mcp/ and not the other way round: the commands' own reads, made exactly as the
// commands make them (PRODUCT.md section 5: a read tool costs the requests of its command).
import type { LoadedConfig } from '../config/load.js';
import type { LiveState } from '../core/live.js';
import type { Plan } from '../core/types.js';
import type { RawActivityOptions } from '../activity/options.js';
import type { ActivityReport } from '../activity/report.js';
import type { StatusReport } from '../status/report.js';
import { loadConfig } from '../config/load.js';

export interface Planned {
  loaded: LoadedConfig;
  live: LiveState;
  plan: Plan;
  /**
   * The document `oradmin plan -o json` prints for this plan, and the markdown `-o markdown` prints,
   * made by the command's own printers: whatever the command adds to its plan output, the tools show.
   */
  document: unknown;
  markdown: string;
  /** What the command prints as warnings (`file:line:col: warning: …`, `warning: …`). */
  warnings: string[];
}

export interface Host {
  /** `-f`: the desired-state file, or a directory of them. */
  readonly file: string;
  now(): Date;
  /**
   * The plan of a validated desired state (the file on disk, or an edit not written yet) as
   * `oradmin plan [--target …]` computes it: the same reads of the organization, the same planner,
   * the same errors.
   */
  plan(loaded: LoadedConfig, targets: readonly string[]): Promise<Planned>;
  /** The document `oradmin status -o json` prints, from the same reads. */
  status(): Promise<{ report: StatusReport; warnings: string[] }>;
  /** The report `oradmin activity` builds for these options, from the same checks and reads. */
  activity(options: RawActivityOptions): Promise<ActivityReport>;
}

/** `oradmin plan` of the file on disk: loaded and validated (a ConfigError otherwise), then planned. */
export async function planFile(host: Host, targets: readonly string[] = []): Promise<Planned> {
  return host.plan(await loadConfig(host.file, host.now()), targets);
}
