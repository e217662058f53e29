// Shared by the simulator's tests: one simulator per file, a tiny authenticated
// JSON client, and checks against ClickSend's own examples and its SDK's answers.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { startSimulator, type Simulator } from '../simulator/server';

// Test responses are arbitrary JSON that the assertions pick apart.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: { http_code: number; response_code: string; response_msg: string; data: Loose };
}

export type Api = (method: string, path: string, body?: unknown) => Promise<ApiResponse>;

/** The account every simulator starts with. */
export const TEST_USER = 'test-user';
export const TEST_KEY = 'test-key';

export function apiFor(sim: Simulator, username = TEST_USER, apiKey = TEST_KEY): Api {
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

/** One simulator for the test file, reset before each test; `ready` receives it and a client for test-user. */
export function useSimulator(ready: (sim: Simulator, api: Api) => void): void {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator();
    ready(sim, apiFor(sim));
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.reset());
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

/**
 * ClickSend's own example answers (from its OpenAPI document), as copied into the
 * repository for the client's schema tests; the simulator's answers must carry their keys.
 */
const OFFICIAL_EXAMPLES = resolve(import.meta.dirname, '../electron/core/clicksend/official-examples');

export function officialExample(file: string): Loose {
  return JSON.parse(readFileSync(join(OFFICIAL_EXAMPLES, file), 'utf8'));
}

/** Every key of the official object is in the simulator's (extra keys allowed). */
export function expectOfficialKeys(actual: object, official: object): void {
  expect(Object.keys(actual)).toEqual(expect.arrayContaining(Object.keys(official)));
}

/**
 * A 200 SUCCESS answer saying `message`, with every key of the official example's
 * envelope and exactly the keys of its data. Returns the example for further checks.
 */
export function expectOfficialAnswer(res: ApiResponse, exampleFile: string, message: string): Loose {
  expect(res.status).toBe(200);
  const official = officialExample(exampleFile).response_200_example;
  expectOfficialKeys(res.body, official);
  expect(res.body).toMatchObject({ http_code: 200, response_code: 'SUCCESS', response_msg: message });
  expect(Object.keys(res.body.data).sort()).toEqual(Object.keys(official.data).sort());
  return official;
}

export type SdkCall = PromiseLike<{ response: { statusCode?: number }; body: unknown }>;

/** Unwraps a call of the official SDK: a 200 and a parsed SUCCESS envelope, which it returns. */
export async function sdkBody(p: SdkCall): Promise<Loose> {
  const { response, body } = await p;
  expect(response.statusCode).toBe(200);
  expect(typeof body).toBe('object');
  expect(body).toMatchObject({ http_code: 200, response_code: 'SUCCESS' });
  return body;
}

export const auth = (username = TEST_USER, apiKey = TEST_KEY): Record<string, string> => ({
  Authorization: `Basic ${Buffer.from(`${username}:${apiKey}`).toString('base64')}`,
});
