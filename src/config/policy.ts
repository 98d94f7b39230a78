// Governance rules from `policy:`, checked against every declared object at validate time (and so
// again by plan and apply, which load the file the same way).
import type { FileConfig, KeyDecl } from './schema.js';
import { keyExpiresInMs, keyRotation } from './lifecycle.js';
import type { Finding } from './zod-messages.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export function checkPolicy(config: FileConfig, now: Date): Finding[] {
  const out: Finding[] = [];
  const kp = config.policy?.keys;
  const defaults = config.defaults?.key ?? {};
  if (kp) {
    const pattern = kp.name_pattern !== undefined ? new RegExp(kp.name_pattern) : undefined;
    (config.keys ?? []).forEach((k: KeyDecl, i) => {
      const limit = k.limit !== undefined ? k.limit : defaults.limit;
      const at = (field: keyof KeyDecl) => (k[field] !== undefined ? ['keys', i, field] : ['keys', i, 'name']);
      const about = (field: keyof KeyDecl) => ({ path: at(field), concerns: ['keys', i, field] });
      if (kp.require_limit && (limit === undefined || limit === null)) {
        out.push({ ...about('limit'), message: `key "${k.name}" has no limit; policy.keys.require_limit requires one (add limit: <USD>)` });
      }
      if (kp.max_limit !== undefined && typeof limit === 'number' && limit > kp.max_limit) {
        out.push({
          path: k.limit !== undefined ? ['keys', i, 'limit'] : ['defaults', 'key', 'limit'],
          message: `key "${k.name}" has limit ${limit}${k.limit === undefined ? ' (from defaults.key.limit)' : ''}, above policy.keys.max_limit ${kp.max_limit}`,
        });
      }
      const expires = typeof k.expires_at === 'string' ? Date.parse(k.expires_at) : undefined;
      const expiresIn = keyExpiresInMs(k);
      if (kp.require_expiry && expires === undefined && expiresIn === undefined) {
        out.push({ ...about('expires_at'), message: `key "${k.name}" has no expires_at or expires_in; policy.keys.require_expiry requires one` });
      }
      if (kp.max_lifetime_days !== undefined && expiresIn !== undefined && expiresIn > kp.max_lifetime_days * DAY_MS) {
        out.push({
          path: ['keys', i, 'expires_in'],
          message: `key "${k.name}" has expires_in ${k.expires_in}, longer than policy.keys.max_lifetime_days (${kp.max_lifetime_days} days)`,
        });
      }
      if (!k.absent && (kp.require_rotation || kp.max_rotation_days !== undefined)) {
        const rotation = keyRotation(k, config);
        if (kp.require_rotation && !rotation && k.rotation === null) {
          out.push({ path: ['keys', i, 'rotation'], message: `key "${k.name}" turns rotation off (rotation: null); policy.keys.require_rotation requires every key to rotate` });
        } else if (kp.require_rotation && !rotation && !config.defaults?.key?.rotation && k.rotation === undefined) {
          out.push({
            path: ['keys', i, 'name'],
            concerns: ['keys', i, 'rotation'],
            message: `key "${k.name}" has no rotation; policy.keys.require_rotation requires one (rotation: { every: 30d, overlap: 2d }, here or in defaults.key)`,
          });
        }
        if (kp.max_rotation_days !== undefined && rotation && rotation.everyMs > kp.max_rotation_days * DAY_MS) {
          out.push({
            path: rotation.from.every === 'key' ? ['keys', i, 'rotation', 'every'] : ['defaults', 'key', 'rotation', 'every'],
            message:
              `key "${k.name}" rotates every ${rotation.every}${rotation.from.every === 'defaults' ? ' (from defaults.key.rotation)' : ''}, ` +
              `less often than policy.keys.max_rotation_days (${kp.max_rotation_days} days) allows`,
          });
        }
      }
      if (kp.max_lifetime_days !== undefined && expires !== undefined && expires - now.getTime() > kp.max_lifetime_days * DAY_MS) {
        const latest = new Date(now.getTime() + kp.max_lifetime_days * DAY_MS).toISOString().slice(0, 10);
        out.push({
          path: ['keys', i, 'expires_at'],
          message: `key "${k.name}" expires more than policy.keys.max_lifetime_days (${kp.max_lifetime_days}) days from now; use a date on or before ${latest}`,
        });
      }
      if (kp.require_guardrail && (k.guardrail === undefined || k.guardrail === null)) {
        out.push({ ...about('guardrail'), message: `key "${k.name}" has no guardrail; policy.keys.require_guardrail requires one` });
      }
      if (pattern && !pattern.test(k.name)) {
        out.push({ path: ['keys', i, 'name'], message: `key name "${k.name}" does not match policy.keys.name_pattern ${kp.name_pattern}` });
      }
    });
  }
  const gp = config.policy?.guardrails;
  if (gp) {
    // Missing limits are reported at the object's first line, excessive ones at the limit itself.
    const check = (g: { limit_usd?: number | null }, base: (string | number)[], nameField: string | undefined, label: string) => {
      if (gp.require_limit && (g.limit_usd === undefined || g.limit_usd === null)) {
        out.push({ path: nameField ? [...base, nameField] : base, concerns: [...base, 'limit_usd'], message: `${label} has no limit_usd; policy.guardrails.require_limit requires one` });
      }
      if (gp.max_limit_usd !== undefined && typeof g.limit_usd === 'number' && g.limit_usd > gp.max_limit_usd) {
        out.push({
          path: [...base, 'limit_usd'],
          message: `${label} has limit_usd ${g.limit_usd}, above policy.guardrails.max_limit_usd ${gp.max_limit_usd}`,
        });
      }
    };
    (config.guardrails ?? []).forEach((g, i) => check(g, ['guardrails', i], 'name', `guardrail "${g.name}"`));
    (config.workspaces ?? []).forEach((ws, i) => {
      if (ws.default_guardrail) {
        check(ws.default_guardrail, ['workspaces', i, 'default_guardrail'], undefined, `the default guardrail of workspace "${ws.slug}"`);
      }
    });
  }
  return out;
}
