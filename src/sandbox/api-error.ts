// The one error type of the sandbox: thrown by the organization's rules and by request
// validation, turned by the server into the API's error body {"error": {"code", "message"}}.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string): ApiError => new ApiError(400, message);
export const notFound = (message: string): ApiError => new ApiError(404, message);
