'use strict';
// What the bundle gives undici for `require('node:assert')` (scripts/bundle.mjs). undici calls it as
// `assert(condition)` only, to check its own invariants; Node's assert module loads six modules of
// its own (its error class, diffing and colours) for messages undici never asks for: ~5 ms of every
// command that talks to the API. A failed check throws as Node's would, with its code.
module.exports = function assert(value, message) {
  if (value) return;
  const err = new Error(message === undefined ? 'undici: internal assertion failed' : String(message));
  err.code = 'ERR_ASSERTION';
  throw err;
};
