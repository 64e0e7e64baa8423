// One error type for the whole API. Handlers throw ApiError; the app factory's onError
// turns it (and database errors) into RFC 9457 application/problem+json with a stable code.
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 503,
    readonly code: string,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

export const badRequest = (code: string, detail: string, extra?: Record<string, unknown>) =>
  new ApiError(400, code, detail, extra);
export const unauthorized = (code = 'unauthenticated', detail = 'Connectez-vous pour continuer.') =>
  new ApiError(401, code, detail);
export const forbidden = (code: string, detail: string) => new ApiError(403, code, detail);
export const notFound = (code: string, detail: string) => new ApiError(404, code, detail);
export const conflict = (code: string, detail: string, extra?: Record<string, unknown>) =>
  new ApiError(409, code, detail, extra);
export const unprocessable = (code: string, detail: string, extra?: Record<string, unknown>) =>
  new ApiError(422, code, detail, extra);

export const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  requestId?: string;
  [key: string]: unknown;
}

export function problemBody(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): Problem {
  const problem: Problem = {
    type: `https://soliterr.org/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
  };
  // Extra members add to the problem; they never replace one of RFC 9457's own (a
  // membership's `status` once overwrote the HTTP status there).
  for (const [key, value] of Object.entries(extra)) if (!(key in problem)) problem[key] = value;
  return problem;
}

export function problemResponse(
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(problemBody(status, code, detail, extra)), {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
  });
}
