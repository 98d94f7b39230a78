import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/sandbox/api-error.ts
var ApiError = class extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
    this.name = "ApiError";
  }
  status;
};
var badRequest = (message) => new ApiError(400, message);
var notFound = (message) => new ApiError(404, message);

export {
  ApiError,
  badRequest,
  notFound
};
