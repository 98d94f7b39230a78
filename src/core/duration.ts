// The duration parser lives below every layer (src/duration.ts), so that config/ can use it too.
export * from '../duration.js';
