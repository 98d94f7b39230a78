'use strict';
// What the bundle gives for `import { Pool } from 'undici'`: the one class src/api/client.ts uses,
// with the request API undici's own index attaches to every dispatcher — without the rest of the
// index (fetch, WebSocket, caches, mocks, proxies), which is half a megabyte that every command
// would load and compile. Paths inside undici 7 (pinned by the lockfile); a layout change fails the
// build, and every end-to-end test runs this bundle.
const Dispatcher = require('undici/lib/dispatcher/dispatcher');
const api = require('undici/lib/api');

Object.assign(Dispatcher.prototype, api);

module.exports = { Pool: require('undici/lib/dispatcher/pool') };
