// The {http_code, response_code, response_msg, data} envelope every API answer uses.

export interface ApiResult {
  status: number;
  code: string;
  msg: string;
  data: unknown;
  headers?: Record<string, string>;
}

export interface Envelope {
  http_code: number;
  response_code: string;
  response_msg: string;
  data: unknown;
}

export function ok(data: unknown, msg: string): ApiResult {
  return { status: 200, code: 'SUCCESS', msg, data };
}

/** Thrown by handlers to answer with an error envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    msg: string,
    readonly data: unknown = null,
  ) {
    super(msg);
  }
}

export const notFound = (msg = 'Resource not found.'): ApiError => new ApiError(404, 'NOT_FOUND', msg);
export const badRequest = (msg: string, code = 'BAD_REQUEST', data: unknown = null): ApiError =>
  new ApiError(400, code, msg, data);
export const missingFields = (msg = 'Some required fields are missing.'): ApiError =>
  new ApiError(400, 'MISSING_REQUIRED_FIELDS', msg);

export function toEnvelope(r: ApiResult): Envelope {
  return { http_code: r.status, response_code: r.code, response_msg: r.msg, data: r.data };
}

export function errorResult(e: ApiError): ApiResult {
  return { status: e.status, code: e.code, msg: e.message, data: e.data };
}
