import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/untrusted.ts
var TERMINAL_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
var NAMED = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
function terminalText(s) {
  return s.replace(TERMINAL_UNSAFE, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code < 32 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
var JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function jsonText(json) {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function hasUnsafeText(s) {
  TERMINAL_UNSAFE.lastIndex = 0;
  const found = TERMINAL_UNSAFE.test(s);
  TERMINAL_UNSAFE.lastIndex = 0;
  return found;
}
var MD_INLINE = /[\\`*_[\]<>&|~!]/g;
function mdText(s) {
  return terminalText(s).replace(MD_INLINE, "\\$&").replace(/:\/\//g, ":\\/\\/").replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`);
}
function mdCode(s) {
  const text = terminalText(s);
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(text) || text === "" ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}
function mdCellText(s) {
  return mdText(s);
}
function mdCellCode(s) {
  return mdCode(s).replace(/\|/g, "\\|");
}
function htmlText(s) {
  return terminalText(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export {
  terminalText,
  jsonText,
  hasUnsafeText,
  mdText,
  mdCode,
  mdCellText,
  mdCellCode,
  htmlText
};
