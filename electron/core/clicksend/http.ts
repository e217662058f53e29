// One HTTP exchange for the ClickSend client, on undici's request API (the
// HTTP client inside Node, as a package): a page of history costs about half
// the CPU it cost through fetch, whose WHATWG streams cost more than the
// request itself on a fast link (bench/client.ts). Connections are kept
// alive; compressed answers are asked for and unpacked (a page of 100 rows
// is ~50 kB of JSON, ~8 kB gzipped over a real network). The time-out's timer
// and the listener on the caller's signal go as soon as the exchange is over
// (the soak found signals that outlived their requests).
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { Agent, request } from 'undici';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** Why no answer came: the time-out, the caller, or the network (with its code, e.g. ECONNREFUSED). */
export class HttpFailure extends Error {
  constructor(
    readonly reason: 'timeout' | 'aborted' | 'network',
    readonly code: string,
  ) {
    super(`${reason}: ${code}`);
    this.name = 'HttpFailure';
  }
}

export interface HttpRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  timeoutMs: number;
}

// Enough connections for the first sync's pages in flight and a poll beside them.
const dispatcher = new Agent({ connections: 24, keepAliveTimeout: 30_000, keepAliveMaxTimeout: 120_000 });

const decoders: Record<string, (b: Buffer) => Promise<Buffer>> = {
  gzip: promisify(zlib.gunzip),
  deflate: promisify(zlib.inflate),
  br: promisify(zlib.brotliDecompress),
};

export async function httpExchange(url: URL, options: HttpRequest): Promise<HttpAnswer> {
  if (options.signal?.aborted) throw new HttpFailure('aborted', 'cancelled');
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await request(url, {
      method: options.method as 'GET',
      headers: { ...options.headers, 'accept-encoding': 'gzip, deflate, br' },
      body: options.body,
      signal: controller.signal,
      dispatcher,
      // Our own timer bounds the whole exchange; undici's would count from each byte.
      headersTimeout: 0,
      bodyTimeout: 0,
    });
    let body: Buffer = Buffer.from(await response.body.arrayBuffer());
    const decode = decoders[String(response.headers['content-encoding'] ?? '').toLowerCase()];
    if (decode) body = await decode(body).catch(() => Buffer.alloc(0));
    return { status: response.statusCode, headers: response.headers, text: body.toString('utf8') };
  } catch (error) {
    if (error instanceof HttpFailure) throw error;
    if (options.signal?.aborted) throw new HttpFailure('aborted', 'cancelled');
    if (timedOut) throw new HttpFailure('timeout', `no answer in ${options.timeoutMs} ms`);
    throw new HttpFailure('network', networkCode(error));
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** ECONNREFUSED and its kind where the socket said so; undici's own code otherwise (a connection dropped mid-answer). */
function networkCode(error: unknown): string {
  const e = error as { code?: string; cause?: { code?: string }; message?: string };
  const code = e.cause?.code ?? e.code;
  if (code === 'UND_ERR_SOCKET') return 'ECONNRESET';
  return code ?? e.message ?? 'request failed';
}
