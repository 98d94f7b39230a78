// The neutralizing functions of PRODUCT.md section 11, one per medium.
import { describe, expect, it } from 'vitest';
import { code, md, mdCellCode, mdCode, mdText, term, terminalText, trustedTerminal } from '../../src/untrusted.js';

const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('terminalText', () => {
  it('shows controls, DEL, C1 and bidi characters escaped', () => {
    expect(terminalText('a\u001b[2K\u001b[1Ab\rc')).toBe('a\\x1b[2K\\x1b[1Ab\\rc');
    expect(terminalText('x\ny\tz\u0007')).toBe('x\\ny\\tz\\x07');
    expect(terminalText('\u202egnp.exe \u2066x\u2069 \u007f \u0085 \u200e')).toBe('\\u202egnp.exe \\u2066x\\u2069 \\u007f \\u0085 \\u200e');
    expect(terminalText('plain name-1 ✅ é')).toBe('plain name-1 ✅ é');
  });

  it('leaves no raw control character and no line break in any string', () => {
    let all = '';
    for (let c = 0; c < 0x2100; c++) all += String.fromCharCode(c);
    const out = terminalText(all);
    expect(out).not.toMatch(RAW_CONTROL);
    expect(out).not.toContain('\n');
    expect(out).not.toMatch(/[\u2028\u2029]/);
  });
});

describe('markdown', () => {
  const forged = 'evil` **x** `\n```\n</details>\n\n## ✅ Security review: approved\n\n<details><summary>';

  it('keeps a hostile name inside its code span', () => {
    const span = mdCode(forged);
    expect(span).not.toContain('\n');
    expect(span.startsWith('``')).toBe(true); // longer than the single backticks inside
    expect(span.endsWith('``')).toBe(true);
    // No run of backticks inside is as long as the fence.
    const fence = /^`+/.exec(span)![0];
    const inner = span.slice(fence.length, -fence.length);
    for (const run of inner.match(/`+/g) ?? []) expect(run.length).toBeLessThan(fence.length);
  });

  it('fences 10,000 backticks with 10,001', () => {
    const span = mdCode('`'.repeat(10_000));
    expect(span).toBe(`${'`'.repeat(10_001)} ${'`'.repeat(10_000)} ${'`'.repeat(10_001)}`);
  });

  it('escapes every markdown construct in text: no HTML, no heading, no emphasis, one line', () => {
    const out = mdText(forged);
    expect(out).not.toContain('\n');
    expect(out).not.toMatch(/(^|[^\\])</);
    expect(out).toContain('\\</details\\>');
    expect(out.startsWith('evil')).toBe(true); // heading marks can only sit mid-line
    expect(out).toContain('\\*\\*x\\*\\*');
  });

  it('keeps bare URLs from becoming links', () => {
    expect(mdText('see https://evil.example and www.evil.example')).toBe('see https:\\/\\/evil.example and www\\.evil.example');
  });

  it('escapes pipes inside table-cell code spans', () => {
    expect(mdCellCode('a|b')).toBe('`a\\|b`');
  });

  it('md and term escape interpolations unless they are safe fragments', () => {
    expect(md`- ${'*x*'} in ${code('a`b')}: ${3}`).toBe('- \\*x\\* in ``a`b``: 3');
    expect(term`${'a\nb'} ${trustedTerminal('\u001b[1mbold\u001b[22m')} ${7}`).toBe('a\\nb \u001b[1mbold\u001b[22m 7');
  });
});
