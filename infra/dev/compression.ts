// Response compression for the one-port server of `npm start` (site and API): br, else
// gzip, streamed through node:zlib. Static files are already precompressed by
// adapter-node (sirv answers with Content-Encoding, left alone here). In production on
// OpenFaaS the ingress compresses; this is for `npm start` and a single-process
// deployment without a compressing proxy (docs/decisions/018-compression-in-the-one-port-server.md).
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { constants, createBrotliCompress, createGzip, type BrotliCompress, type Gzip } from 'node:zlib';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;
export type Encoding = 'br' | 'gzip';

/** Smaller bodies gain nothing worth the CPU. */
export const MIN_BYTES = 1024;
const TEXT = /^(text\/(?!event-stream)|application\/([\w.-]+\+)?(json|xml)|application\/(javascript|ecmascript|xml)|image\/svg\+xml)/i;
/** Our ETag suffix: a compressed body must not carry the identity body's strong tag. */
const SUFFIXED = /"([^"]*)\+(br|gzip)"/g;

/** br if accepted at least as much as gzip, else gzip, else none (RFC 9110 §12.5.3). */
export function negotiate(header: string | undefined): Encoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    if (name) q.set(name, Number.isNaN(value) ? 0 : value);
  }
  const of = (name: string) => q.get(name) ?? q.get('*') ?? 0;
  if (of('br') > 0 && of('br') >= of('gzip')) return 'br';
  return of('gzip') > 0 ? 'gzip' : null;
}

/** `"abc"` → `"abc+br"` (and `W/"abc"` → `W/"abc+br"`). */
export const suffixEtag = (etag: string, encoding: Encoding) => etag.replace(/"$/, `+${encoding}"`);

/** The handlers compare their own tags: they get back the tag they sent. */
function unsuffixPreconditions(req: IncomingMessage): void {
  for (const name of ['if-none-match', 'if-match']) {
    const value = req.headers[name];
    if (typeof value === 'string') req.headers[name] = value.replace(SUFFIXED, '"$1"');
  }
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i].toLowerCase();
    if (name === 'if-none-match' || name === 'if-match') req.rawHeaders[i + 1] = req.rawHeaders[i + 1].replace(SUFFIXED, '"$1"');
  }
}

function addVary(res: ServerResponse): void {
  const vary = String(res.getHeader('vary') ?? '');
  if (!/(^|,)\s*(\*|accept-encoding)\s*(,|$)/i.test(vary)) res.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}

function setHeaders(res: ServerResponse, headers: unknown): void {
  if (!headers) return;
  if (Array.isArray(headers)) {
    // [[name, value], …] or the flat raw form [name, value, name, value, …]
    const pairs = Array.isArray(headers[0]) ? (headers as [string, string][]) : headers.flatMap((v, i) => (i % 2 ? [] : [[v, headers[i + 1]]]));
    for (const [name, value] of pairs) res.appendHeader(name, value);
  } else for (const [name, value] of Object.entries(headers as OutgoingHttpHeaders)) if (value !== undefined) res.setHeader(name, value);
}

/** Wraps a Node handler so its text answers are compressed when the client accepts it. */
export function withCompression(handler: NodeHandler): NodeHandler {
  return (req, res, next) => {
    const ifNoneMatch = req.headers['if-none-match'];
    unsuffixPreconditions(req);
    const encoding = req.method === 'HEAD' ? null : negotiate(req.headers['accept-encoding']);
    const writeHead = res.writeHead.bind(res) as (status: number, reason?: string) => ServerResponse;
    const write = res.write.bind(res) as (chunk: unknown, cb?: () => void) => boolean;
    const end = res.end.bind(res) as (chunk?: unknown, cb?: () => void) => ServerResponse;
    const flushHeaders = res.flushHeaders.bind(res);
    let head: { status: number; reason?: string } | null = null;
    let decided = false;
    let zlib: BrotliCompress | Gzip | null = null;
    let pending: Buffer[] = [];
    let pendingBytes = 0;

    /** Sends the head, compressing when worth it; `ended`: the whole body is in `pending`. */
    const decide = (ended: boolean) => {
      decided = true;
      const status = head?.status ?? res.statusCode;
      const type = String(res.getHeader('content-type') ?? '');
      const compressible = !res.getHeader('content-encoding') && TEXT.test(type);
      if (compressible || status === 304) addVary(res);
      const length = Number(res.getHeader('content-length') ?? (ended ? pendingBytes : NaN));
      const etag = res.getHeader('etag');
      if (status === 304 && encoding && typeof etag === 'string' && typeof ifNoneMatch === 'string' && ifNoneMatch.includes(suffixEtag(etag, encoding).replace(/^W\//, ''))) {
        res.setHeader('etag', suffixEtag(etag, encoding)); // the client validated the compressed body
      }
      const worth = encoding && compressible && status >= 200 && status !== 204 && status !== 304 && !(length < MIN_BYTES) && !/no-transform/i.test(String(res.getHeader('cache-control') ?? ''));
      if (worth) {
        res.removeHeader('content-length');
        res.removeHeader('accept-ranges');
        res.setHeader('content-encoding', encoding);
        if (typeof etag === 'string') res.setHeader('etag', suffixEtag(etag, encoding));
        zlib = encoding === 'br'
          ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: Number.isFinite(length) ? length : 0 } })
          : createGzip({ level: 6 });
        zlib.on('data', (chunk: Buffer) => { if (!write(chunk)) zlib!.pause(); });
        zlib.on('end', () => end());
        zlib.on('drain', () => res.emit('drain'));
        res.on('drain', () => zlib!.resume());
      }
      // Always explicit: Node's implicit head would call the writeHead held below.
      writeHead(head?.status ?? res.statusCode, head?.reason);
      const buffered = pending;
      pending = [];
      for (const chunk of buffered) (zlib ? zlib.write(chunk) : write(chunk));
    };

    res.writeHead = ((status: number, reason?: unknown, headers?: unknown) => {
      if (typeof reason !== 'string') [headers, reason] = [reason, undefined];
      if (res.headersSent) return res;
      setHeaders(res, headers);
      if (decided) return writeHead(status, reason as string | undefined);
      head = { status, reason: reason as string | undefined };
      res.statusCode = status;
      return res;
    }) as typeof res.writeHead;
    res.flushHeaders = () => {
      if (!decided) decide(false);
      flushHeaders();
    };
    res.write = ((chunk: unknown, encodingOrCb?: unknown, cb?: unknown) => {
      const done = (typeof encodingOrCb === 'function' ? encodingOrCb : cb) as (() => void) | undefined;
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, typeof encodingOrCb === 'string' ? (encodingOrCb as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array);
      if (!decided) {
        pending.push(buffer);
        pendingBytes += buffer.length;
        // Without a Content-Length, wait for enough bytes to know it is worth it.
        if (res.getHeader('content-length') === undefined && pendingBytes < MIN_BYTES) return done?.(), true;
        decide(false);
        return done?.(), true;
      }
      if (!zlib) return write(buffer, done);
      const ok = zlib.write(buffer, done);
      zlib.flush(); // streamed pages keep streaming
      return ok;
    }) as typeof res.write;
    res.end = ((chunk?: unknown, encodingOrCb?: unknown, cb?: unknown) => {
      const done = [chunk, encodingOrCb, cb].find((a) => typeof a === 'function') as (() => void) | undefined;
      if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk, typeof encodingOrCb === 'string' ? (encodingOrCb as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array);
        pending.push(buffer);
        pendingBytes += buffer.length;
      }
      if (!decided) decide(true);
      else for (const buffered of pending.splice(0)) (zlib ? zlib.write(buffered) : write(buffered));
      if (zlib) {
        if (done) res.once('finish', done);
        zlib.end();
        return res;
      }
      return end(done);
    }) as typeof res.end;
    handler(req, res, next);
  };
}
