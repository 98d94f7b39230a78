'use strict';
// What the bundle gives undici's dispatcher/client.js for its HTTP/2 client (scripts/bundle.mjs):
// src/api/client.ts never enables HTTP/2, so a connection is HTTP/1.1 and this is never called.
module.exports = function connectH2() {
  throw new Error('oradmin bundles undici without HTTP/2: a connection negotiated h2, which the client never offers');
};
