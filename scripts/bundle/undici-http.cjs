'use strict';
// What the bundle gives undici for `require('node:http')` (scripts/bundle.mjs). The Pool's code uses
// two things from it: `maxHeaderSize`, the default limit of a response's headers, and the class
// `IncomingMessage`, to recognise Node's own response streams when it destroys a body. Loading
// node:http for them loads Node's whole HTTP client and server (eight modules). The client sends
// only strings as bodies, so no IncomingMessage ever reaches undici; the header limit is Node's
// default, 16 KiB, unless Node was started with --max-http-header-size: then the real module, which
// knows the value given.
const headerSizeFlag = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => a.startsWith('--max-http-header-size'));
module.exports = headerSizeFlag ? require('node:http') : { maxHeaderSize: 16 * 1024, IncomingMessage: class IncomingMessage {} };
