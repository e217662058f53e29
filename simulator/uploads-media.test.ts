import { describe, expect, it } from 'vitest';
import type { Simulator } from './server';
import { bmp1x1, ftyp, makePicture, OFFICIAL_EXAMPLE_HTML_BASE64 } from '../test-support/pictures';
import { apiFor, control, expectOfficialAnswer, useSimulator, type Api, type Loose } from '../test-support/simulator-api';

let sim: Simulator;
let api: Api;
useSimulator((s, a) => ([sim, api] = [s, a]));

const upload = (content: unknown, query = '?convert=mms', extra: Record<string, unknown> = {}) =>
  api('POST', `/uploads${query}`, { content, ...extra });
const origin = (): string => sim.url.replace(/\/v3$/, '');
const UUID = '[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}';

describe('POST /uploads?convert=mms', () => {
  it('keeps the picture and answers in the official shape with a public /_media/ URL', async () => {
    const png = await makePicture('png');
    const before = sim.now();
    const res = await upload(png.toString('base64'));
    expectOfficialAnswer(res, 'post_uploads.json', 'Your file has been uploaded.');
    const data = res.body.data;
    // ClickSend converts to JPEG for MMS; the name says so even though the bytes stay PNG here.
    expect(data.file_name).toMatch(new RegExp(`^${UUID}\\.jpg$`));
    expect(data._url).toBe(`${origin()}/_media/${data.file_name}`);
    expect(data.date_added).toBeGreaterThanOrEqual(before);
    expect(data.date_delete - data.date_added).toBe(7 * 86400);
    expect(data.user_id).toBe((await api('GET', '/account')).body.data.user_id);

    const media = await fetch(data._url); // no Authorization: public, like S3
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toBe('image/png');
    expect(media.headers.get('content-length')).toBe(String(png.length));
    expect(Buffer.from(await media.arrayBuffer()).equals(png)).toBe(true);

    expect(sim.uploads()).toEqual([{
      username: 'test-user', upload_id: data.upload_id, file_name: data.file_name, _url: data._url, convert: 'mms',
      type: 'png', content_type: 'image/png', bytes: png.length, date_added: data.date_added,
    }]);
  });

  it('names a GIF .gif and every other picture .jpg; serves each with its sniffed type', async () => {
    const cases: Array<[Buffer, string, string]> = [
      [await makePicture('gif'), 'gif', 'image/gif'],
      [await makePicture('jpeg'), 'jpg', 'image/jpeg'],
      [await makePicture('webp'), 'jpg', 'image/webp'],
      [bmp1x1(), 'jpg', 'image/bmp'],
      [ftyp('heic'), 'jpg', 'image/heic'],
      [ftyp('mif1'), 'jpg', 'image/heif'],
    ];
    for (const [bytes, ext, type] of cases) {
      const data = (await upload(bytes.toString('base64'))).body.data;
      expect(data.file_name.endsWith(`.${ext}`)).toBe(true);
      const media = await fetch(data._url);
      expect([media.status, media.headers.get('content-type')]).toEqual([200, type]);
    }
    expect(sim.uploads().map((u) => u.type)).toEqual(['gif', 'jpeg', 'webp', 'bmp', 'heic', 'heif']);
  });

  it('takes convert from the body too, and base64 wrapped over lines', async () => {
    const jpeg = (await makePicture('jpeg')).toString('base64');
    const wrapped = jpeg.replace(/(.{60})/g, '$1\r\n');
    const res = await upload(wrapped, '', { convert: 'mms' });
    expect(res.status).toBe(200);
    expect(sim.uploads()[0]).toMatchObject({ type: 'jpeg', bytes: Buffer.from(jpeg, 'base64').length });
  });

  it('refuses what is not a picture with 400 and a clear message, and keeps nothing', async () => {
    const refused = async (content: unknown, query?: string): Promise<Loose> => {
      const res = await upload(content, query);
      expect(res.status).toBe(400);
      expect(res.body.http_code).toBe(400);
      return res.body;
    };
    // ClickSend's own example upload is an HTML page
    expect(await refused(OFFICIAL_EXAMPLE_HTML_BASE64)).toEqual({
      http_code: 400, response_code: 'BAD_REQUEST', data: null,
      response_msg: 'The file could not be converted to MMS. It is not a JPEG, PNG, GIF, BMP, HEIC or WebP picture.',
    });
    expect((await refused('')).response_msg).toBe('The file could not be converted to MMS. The file is empty.');
    expect((await refused('this is not base64!')).response_msg).toBe('The file could not be converted to MMS. The content is not base64.');
    expect((await refused(Buffer.from('plain text').toString('base64'))).response_code).toBe('BAD_REQUEST');
    expect((await refused(undefined)).response_code).toBe('MISSING_REQUIRED_FIELDS');
    expect((await refused((await makePicture('png')).toString('base64'), '')).response_code).toBe('MISSING_REQUIRED_FIELDS');
    expect((await refused((await makePicture('png')).toString('base64'), '?convert=fax')).response_msg).toMatch(/only converts uploads to mms/);
    expect(sim.uploads()).toEqual([]);
    expect((await api('POST', '/uploads?convert=mms')).status).toBe(400);
  });

  it('needs the account credentials', async () => {
    const res = await apiFor(sim, 'test-user', 'wrong')('POST', '/uploads?convert=mms', { content: 'AAAA' });
    expect(res.status).toBe(401);
  });

  it('lists uploads per account over the control endpoint', async () => {
    sim.addAccount({ username: 'b', apiKey: 'bk' });
    const jpeg = (await makePicture('jpeg')).toString('base64');
    await upload(jpeg);
    await apiFor(sim, 'b', 'bk')('POST', '/uploads?convert=mms', { content: jpeg });
    expect((await control(sim, 'GET', '/uploads')).body.map((u: Loose) => u.username)).toEqual(['test-user', 'b']);
    const forB = (await control(sim, 'GET', '/uploads?username=b')).body;
    expect(forB).toEqual([expect.objectContaining({ username: 'b', type: 'jpeg', content_type: 'image/jpeg' })]);
    expect(forB[0]).not.toHaveProperty('content');
  });
});

describe('GET /_media/<file>', () => {
  const uploaded = async (): Promise<{ url: string; bytes: Buffer }> => {
    const bytes = await makePicture('jpeg');
    return { url: (await upload(bytes.toString('base64'))).body.data._url, bytes };
  };

  it('is 404 for a file never uploaded; HEAD gives the headers only', async () => {
    expect((await fetch(`${origin()}/_media/00000000-0000-4000-8000-000000000000.jpg`)).status).toBe(404);
    const { url, bytes } = await uploaded();
    const head = await fetch(url, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length'), head.headers.get('content-type')]).toEqual([200, String(bytes.length), 'image/jpeg']);
  });

  it('a 404 fault on "/_media/" makes pictures 404 (over the control endpoint), then they come back', async () => {
    const { url } = await uploaded();
    expect((await control(sim, 'POST', '/faults', { kind: '404', path: '/_media/' })).status).toBe(200);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(url)).status).toBe(200);
  });

  it('a not-an-image fault answers 200 image/jpeg with an HTML page', async () => {
    const { url, bytes } = await uploaded();
    const file = url.slice(url.lastIndexOf('/'));
    sim.addFault({ kind: 'not-an-image', path: `/_media${file}`, count: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await fetch(url);
      expect([res.status, res.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.toString('utf8')).toMatch(/^<!DOCTYPE html>/);
      expect(Number(res.headers.get('content-length'))).toBe(body.length);
    }
    expect(Buffer.from(await (await fetch(url)).arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('media faults need a path naming /_media/; API faults never hit pictures and media faults never hit the API', async () => {
    expect((await control(sim, 'POST', '/faults', { kind: '404' })).status).toBe(400);
    expect(() => sim.addFault({ kind: 'not-an-image', path: '/mms/send' })).toThrow(/path "\/_media\/"/);
    const { url } = await uploaded();
    sim.addFault({ kind: '500' }); // any API request
    sim.addFault({ kind: '500', path: '/_media/' });
    expect((await fetch(url)).status).toBe(500);
    expect((await fetch(url)).status).toBe(200);
    expect((await api('GET', '/account')).status).toBe(500);
    expect((await api('GET', '/account')).status).toBe(200);
  });

  it('slow and stall faults reach pictures too', async () => {
    const { url } = await uploaded();
    sim.addFault({ kind: 'slow', path: '/_media/', delayMs: 200 });
    const t = performance.now();
    expect((await fetch(url)).status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(190);
    sim.addFault({ kind: 'stall', path: '/_media/' });
    await expect(fetch(url, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
  });

  it('is not an API request: not logged, not rate limited, no auth', async () => {
    const { url } = await uploaded();
    sim.network.set({ rateLimitPerSecond: 2 });
    try {
      for (let i = 0; i < 5; i++) expect((await fetch(url)).status).toBe(200);
      expect(sim.requests().map((r) => r.path)).toEqual(['/uploads']);
      expect(sim.arrivals().filter((a) => a.includes('_media'))).toEqual([]);
      expect((await api('GET', '/account')).status).toBe(200);
    } finally {
      sim.network.set({ rateLimitPerSecond: null });
    }
  });
});

describe('API faults on /uploads', () => {
  it('500 and drop-after-apply hit uploads like any endpoint', async () => {
    const jpeg = (await makePicture('jpeg')).toString('base64');
    sim.addFault({ kind: '500', path: '/uploads' });
    expect((await upload(jpeg)).status).toBe(500);
    expect(sim.uploads()).toHaveLength(0);
    sim.addFault({ kind: 'drop-after-apply', path: '/uploads' });
    await expect(upload(jpeg)).rejects.toThrow();
    expect(sim.uploads()).toHaveLength(1);
    expect((await fetch(sim.uploads()[0]!._url)).status).toBe(200);
  });
});
