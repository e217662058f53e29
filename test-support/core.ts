// Small helpers for tests that drive the core through the contract, or
// ClickSend (the simulator) as another client of the account would.
import type { Reply } from '../shared/contract';
import type { Inbox } from '../electron/core/inbox';
import type { Simulator } from '../simulator/server';
import { apiFor, type Loose } from './simulator-api';

/** A reply's value; a refusal fails the test with its code and words. */
export function value<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`expected success, got ${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

/** Attaches a picture as the composer does: pictures.attach, its bytes through the media route, pictures.prepare; the reply of the step that refused, else prepare's. */
export async function attachPicture(inbox: Inbox, name: string, bytes: Buffer): Promise<Reply<unknown>> {
  const attached = await inbox.dispatch('pictures.attach', { name, size: bytes.length });
  if (!attached.ok) return attached;
  const { attachmentId } = attached.value as { attachmentId: string };
  await inbox.receivePicture(attachmentId, [bytes]);
  return inbox.dispatch('pictures.prepare', { attachmentId });
}

/** Asks `probe` until `ok` holds for its answer, which it returns; fails with the last answer after `timeoutMs`. */
export async function until<T>(probe: () => T | Promise<T>, ok: (answer: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const answer = await probe();
    if (ok(answer)) return answer;
    if (Date.now() > end) throw new Error(`condition not met in ${timeoutMs} ms; last value ${JSON.stringify(answer)}`);
    await pause(20);
  }
}

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** ClickSend as another client of the account sees it (the dashboard): each call resolves with the answer's `data`. */
export function clicksendAs(sim: Simulator, account: { username: string; apiKey: string }) {
  const api = apiFor(sim, account.username, account.apiKey);
  return async (method: string, path: string, body?: unknown): Promise<Loose> => {
    const answer = await api(method, path, body);
    if (answer.status >= 400) throw new Error(`ClickSend answered ${method} ${path} with ${answer.status}: ${answer.body.response_msg}`);
    return answer.body.data;
  };
}
