/**
 * POST /api/call: one contract request over HTTP, for requests larger than a WebSocket message
 * may be (WS_MAX_PAYLOAD), so no request the contract allows is refused by a transport limit.
 * Body: {"name": …, "req": …} up to MAX_REQUEST_BYTES, as JSON or, when it carries typed arrays
 * (diffs), as the contract's binary codec (application/octet-stream). Answer: {"ok": true, "res": …}
 * or {"ok": false, "error": {code, message}} with the error's HTTP status, in the same codec.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeMessage, encodeMessage, MAX_REQUEST_BYTES } from '../../shared/contract.ts';
import type { WireError } from '../../shared/contract.ts';
import { toWireError } from '../../core/errors.ts';
import type { Backend } from '../api.ts';
import { httpStatus } from '../frame-request.ts';

function answer(res: ServerResponse, headers: Record<string, string>, status: number, body: unknown): void {
  const wire = encodeMessage(body);
  const bytes = typeof wire === 'string' ? Buffer.from(wire) : wire;
  res.writeHead(status, { ...headers, 'content-type': typeof wire === 'string' ? 'application/json' : 'application/octet-stream', 'content-length': String(bytes.length) });
  res.end(bytes);
}

const refuse = (res: ServerResponse, headers: Record<string, string>, status: number, error: WireError) => answer(res, headers, status, { ok: false, error });

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > MAX_REQUEST_BYTES) return null;
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}

export async function handleHttpCall(req: IncomingMessage, res: ServerResponse, backend: Backend, headers: Record<string, string>): Promise<void> {
  const body = await readBody(req);
  if (!body) return refuse(res, headers, 413, { code: 'BAD_REQUEST', message: `request larger than ${MAX_REQUEST_BYTES} bytes` });
  let msg: { name?: unknown; req?: unknown };
  try {
    const binary = req.headers['content-type'] === 'application/octet-stream';
    msg = decodeMessage(binary ? body : body.toString('utf8')) as { name?: unknown; req?: unknown };
  } catch (e) {
    return refuse(res, headers, 400, { code: 'BAD_REQUEST', message: `body: ${toWireError(e).message}` });
  }
  if (typeof msg !== 'object' || msg === null) return refuse(res, headers, 400, { code: 'BAD_REQUEST', message: 'body must be an object' });
  try {
    answer(res, headers, 200, { ok: true, res: await backend.dispatch(msg.name, msg.req) });
  } catch (e) {
    const w = toWireError(e);
    refuse(res, headers, httpStatus(w.code), w);
  }
}
