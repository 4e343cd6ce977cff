import type { IncomingHttpHeaders } from 'node:http';

/**
 * A whole HTTP answer already read into memory, with the `Response` interface.
 *
 * Intuition: a crowd run reads thousands of small JSON answers whole. Building a WHATWG
 * `Response` for each (a byte stream, a `Headers` object, the body mixin's stream read) costs
 * about as much client CPU as the request itself; this keeps the bytes and parses them on
 * `json()` / `text()`, and builds the standard objects (`headers`, `body`, `blob()`, ...) only
 * when something asks for them.
 * Behaviour:
 * 1. `ok`, `status`, `statusText`, `url`, `redirected` (always false) as `fetch` reports them.
 * 2. `text()`, `json()`, `arrayBuffer()`, `bytes()` read the bytes once (UTF-8); a second read
 *    rejects with a TypeError, as `fetch`'s body does.
 * 3. `headers` is a `Headers` built on first use; `body`, `blob()`, `formData()` and `clone()`
 *    delegate to a standard `Response` of the same bytes.
 *
 * @example
 * const res = new BufferedResponse(Buffer.from('{"a":1}'), 200, 'OK', { 'content-type': 'application/json' }, url);
 * await res.json(); // { a: 1 }
 */
export class BufferedResponse implements Response {
  readonly type = 'basic' as const;
  readonly redirected = false;
  private used = false;
  private headerObject: Headers | undefined;
  private standard: Response | undefined;

  /**
   * @param data the whole body
   * @param status the HTTP status
   * @param statusText the reason phrase
   * @param rawHeaders the response headers as Node's HTTP client gives them
   * @param url the URL asked
   */
  constructor(
    private readonly data: Buffer,
    readonly status: number,
    readonly statusText: string,
    private readonly rawHeaders: IncomingHttpHeaders,
    readonly url: string,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status <= 299;
  }

  get bodyUsed(): boolean {
    return this.used || (this.standard?.bodyUsed ?? false);
  }

  get headers(): Headers {
    this.headerObject ??= toHeaders(this.rawHeaders);
    return this.headerObject;
  }

  get body(): Response['body'] {
    return this.asStandard().body;
  }

  async text(): Promise<string> {
    return this.take().toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.take().toString('utf8'));
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.take();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(this.take());
  }

  blob(): Promise<Blob> {
    return this.asStandard().blob();
  }

  formData(): Promise<FormData> {
    return this.asStandard().formData();
  }

  clone(): Response {
    if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
    return new BufferedResponse(this.data, this.status, this.statusText, this.rawHeaders, this.url);
  }

  /** The bytes, once: a body is read at most one time. */
  private take(): Buffer {
    if (this.bodyUsed) throw new TypeError('Body is unusable: Body has already been read');
    this.used = true;
    return this.data;
  }

  /** A standard Response of the same answer, for the rarely used parts of the interface. */
  private asStandard(): Response {
    if (this.standard) return this.standard;
    if (this.used) throw new TypeError('Body is unusable: Body has already been read');
    const nullBody = this.status === 204 || this.status === 205 || this.status === 304;
    this.standard = new Response(nullBody ? null : new Uint8Array(this.data), {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
    });
    return this.standard;
  }
}

function toHeaders(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}
