// Shared by the simulator's tests: a tiny authenticated JSON client.
import type { Simulator } from './server';

// Test responses are arbitrary JSON that the assertions pick apart.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: { http_code: number; response_code: string; response_msg: string; data: Loose };
}

export type Api = (method: string, path: string, body?: unknown) => Promise<ApiResponse>;

export function apiFor(sim: Simulator, username = 'test-user', apiKey = 'test-key'): Api {
  const auth = `Basic ${Buffer.from(`${username}:${apiKey}`).toString('base64')}`;
  return async (method, path, body) => {
    const res = await fetch(sim.url + path, {
      method,
      headers: { Authorization: auth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as ApiResponse['body'] };
  };
}

export async function control(sim: Simulator, method: string, path: string, body?: unknown): Promise<{ status: number; body: Loose }> {
  const res = await fetch(sim.controlUrl + path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Loose };
}

/** Polls until check() is truthy or the timeout passes. */
export async function until<T>(check: () => T | Promise<T>, timeoutMs = 3000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
