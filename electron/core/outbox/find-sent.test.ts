// A lost answer is settled only by a row of ours: a row coming in that carries
// the same custom_string (a reply quoting it, say) is not the send, whatever
// the kind. Against a real local server, since the simulator never answers
// such a row.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClickSendClient } from '../clicksend/client';
import type { OutboxEntry } from '../cache/outbox';
import { findSent } from './find-sent';

const CUSTOM = 'lost-answer-1';
const row = (direction: 'in' | 'out', path: string) => ({
  direction,
  ...(path.startsWith('/v3/mms') ? { date_added: 1_700_000_000, subject: 'Shelf', _media_file_url: 'https://example.com/a.jpg' } : { date: 1_700_000_000 }),
  to: '+61422222222',
  from: '+61411111111',
  body: 'Hello',
  status: 'Sent',
  message_id: `${direction}-${path}`,
  custom_string: CUSTOM,
});

let server: http.Server;
let client: ClickSendClient;
/** What the history answers: only a row coming in, or that and ours. */
let directions: Array<'in' | 'out'> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    const data = directions.map((d) => row(d, path));
    const page = { total: data.length, per_page: 100, current_page: 1, last_page: 1, data };
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ http_code: 200, response_code: 'SUCCESS', data: page }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  client = new ClickSendClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`, username: 'u', apiKey: 'k', requestsPerSecond: 1000 });
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('findSent', () => {
  const entry = (picture: boolean): OutboxEntry => ({
    id: 1,
    customString: CUSTOM,
    to: '+61422222222',
    body: 'Hello',
    schedule: null,
    state: 'unknown',
    attempts: 1,
    queuedAt: 0,
    submittedAt: 0,
    picture: picture ? { subject: 'Shelf', pictureFile: null, mediaUrl: 'https://example.com/a.jpg' } : null,
    answerUnreadable: false,
  });

  it.each([
    ['an SMS', false],
    ['a picture message', true],
  ])('%s: a row coming in with its custom_string is not the send; a row of ours is', async (_, picture) => {
    directions = ['in'];
    expect(await findSent(client, entry(picture), 0)).toBeNull();
    directions = ['in', 'out'];
    expect(await findSent(client, entry(picture), 0)).toMatchObject({ messageId: 'out-' + (picture ? '/v3/mms/history' : '/v3/sms/history'), direction: 'out' });
  });
});
