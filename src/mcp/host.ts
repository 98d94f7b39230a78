// What the MCP server needs from the command line, passed in rather than imported so that cli/
// depends on mcp/ and not the other way round: the commands' own reads, made exactly as the
// commands make them (PRODUCT.md section 5: a read tool costs the requests of its command).
import type { LoadedConfig } from '../config/load.js';
import type { LiveState } from '../core/live.js';
import type { Plan } from '../core/types.js';
import type { StatusReport } from '../status/report.js';

export interface Planned {
  loaded: LoadedConfig;
  live: LiveState;
  plan: Plan;
  /** What the command prints as warnings (`file:line:col: warning: …`, `warning: …`). */
  warnings: string[];
}

export interface Host {
  /** `-f`: the desired-state file, or a directory of them. */
  readonly file: string;
  now(): Date;
  /** `oradmin plan [--target …]` on the file as it is on disk: its reads, its plan, its errors. */
  plan(targets: readonly string[]): Promise<Planned>;
  /** The plan of a validated file that is not written yet, from the same reads as `plan`. */
  planFor(loaded: LoadedConfig): Promise<Planned>;
  /** The document `oradmin status -o json` prints, from the same reads. */
  status(): Promise<{ report: StatusReport; warnings: string[] }>;
}
