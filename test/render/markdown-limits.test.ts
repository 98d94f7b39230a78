// Markdown plans fit GitHub's limits (65,536 characters per comment, 1 MiB per job summary): beyond
// them the summary table, every refusal and every widening change stay, and the text says where
// the whole plan is. With 1,000 and 10,000 new keys.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';
import { planFor } from '../helpers/plan.js';

const COMMENT = 65_536;
const SUMMARY = 1024 * 1024;

function bigPlan(n: number) {
  const keys = Array.from({ length: n }, (_, i) => `  - { name: service-${String(i).padStart(5, '0')}, limit: ${i % 50}, limit_reset: monthly }`).join('\n');
  const { plan } = planFor(`version: 1\nsecrets: { file: s.json }\nkeys:\n${keys}\n`, {});
  return plan;
}

describe('markdown plans within GitHub limits', () => {
  for (const n of [1_000, 10_000]) {
    it(`${n.toLocaleString('en-US')} new keys`, () => {
      const plan = bigPlan(n);
      const refusals = ['the plan creates keys but no secrets sink is configured: add `secrets:` to the file'];
      const full = renderMarkdown(plan, { file: 'openrouter.admin.yaml', refusals });
      expect(full.length).toBeGreaterThan(COMMENT);
      for (const [limit, where] of [[COMMENT, 'the job summary of this run'], [SUMMARY, 'the oradmin-plan artifact of this run']] as const) {
        const md = renderMarkdown(plan, { file: 'openrouter.admin.yaml', refusals, maxChars: limit, wholePlanAt: where });
        if (full.length <= limit) {
          expect(md.length).toBeLessThanOrEqual(limit);
          continue;
        }
        expect(md.length).toBeLessThanOrEqual(limit);
        expect(md).toContain(`| ${n} | 0 | 0 | 0 | 0 | 0 | 0 | 0 |`);
        expect(md).toContain('no secrets sink is configured');
        expect(md).toContain(`**${n} changes widen access or spend**`);
        expect(md).toContain(`**The whole plan is ${full.length.toLocaleString('en-US')} characters, more than fits here;** it is in ${where}`);
        expect(md).toContain('`key.default/service-00000`');
        // Every widening change is named, or the rest is counted.
        const named = md.match(/^> - create `key\.default\/service-\d{5}`$/gm)?.length ?? 0;
        if (named < n) expect(md).toContain(`> - … and ${n - named} more widening changes (in the whole plan)`);
        expect(md).not.toContain('<details>'); // the long sections are what is left out
        expect(md.startsWith('<!-- oradmin-plan -->\n')).toBe(true);
      }
    }, 60_000);
  }
});
