// Pictures attached in the composer, from the moment they are checked until
// ClickSend has them. A prepared picture is a file in the account's outgoing
// folder; sending hands it to the outbox, which uploads it (once: the URL is
// recorded) and, when ClickSend took the message, moves it into the media
// cache under its URL so it shows offline without a download. A price asked
// before sending uploads it then, and the send reuses that URL. While
// ClickSend refuses pictures to the account, none is attached or uploaded.
import { randomUUID } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Result } from '../../../shared/contract';
import { PICTURE_INPUT_MAX_BYTES } from '../../../shared/picture-messages';
import { outboxPictureFiles } from '../cache/media';
import type { Db } from '../cache/database';
import type { ClickSendClient } from '../clicksend/client';
import type { PriceData } from '../clicksend/schemas';
import { InboxError } from '../errors/inbox-error';
import type { PictureUploads } from '../outbox/outbox';
import { makePrivateDir, savePrivateFile } from '../private-files';
import { PastLimit, readAtMost, type Body } from './capped-body';
import { refusalOf, type MediaCache } from './media-cache';
import { PictureGate } from './picture-gate';
import { preparePicture, refuseTooLarge } from './prepare';

/** An upload's body as the host has it: a request's stream (Node's IncomingMessage, a fetch Request's body). */
export type PictureBody = Body;

/** What the upload route says of the bytes it was given: the HTTP status and text either host answers. */
export const PICTURE_RECEIPTS = {
  stored: [204, ''],
  unknown: [404, 'Not found'],
  'too large': [413, 'Larger than announced'],
  incomplete: [400, 'Cut short'],
} as const;
export type PictureReceipt = keyof typeof PICTURE_RECEIPTS;

interface Arriving {
  name: string;
  /** Announced by pictures.attach: more is refused, less is an upload cut short. */
  size: number;
  bytes: Promise<Buffer> | null;
}

/** Uploads held for pictures.prepare at once (each up to PICTURE_INPUT_MAX_BYTES in memory). */
const MAX_ARRIVING = 3;

const noLongerAttached = () => new InboxError('NO_PICTURE', 'That picture is no longer attached.', 'Attach it again.');

interface Attached {
  file: string;
  /** Set once uploaded (for a price): the send reuses it. */
  mediaUrl: Promise<string> | null;
}

export class Attachments implements PictureUploads {
  private readonly attached = new Map<string, Attached>();
  private readonly arriving = new Map<string, Arriving>();

  constructor(
    private readonly db: Db,
    private readonly client: ClickSendClient,
    private readonly media: MediaCache,
    readonly outgoingDir: string,
    /** Whether ClickSend takes pictures from the account: the outbox asks it before a send and tells it of a refusal. */
    readonly gate = new PictureGate(db),
  ) {
    makePrivateDir(outgoingDir);
    void this.dropUnsent();
  }

  /** Left by a quit between attaching and sending: nothing refers to them. */
  private async dropUnsent(): Promise<void> {
    const queued = outboxPictureFiles(this.db);
    for (const name of await readdir(this.outgoingDir).catch(() => [])) if (!queued.has(name)) await rm(join(this.outgoingDir, name), { force: true }).catch(() => undefined);
  }

  /** A picture is coming (pictures.attach): refused before a byte is sent while pictures are refused or when it is larger than the app reads. */
  expect(name: string, size: number): string {
    this.gate.require();
    if (size > PICTURE_INPUT_MAX_BYTES) throw refuseTooLarge(name, size);
    // The composer attaches one at a time: an upload never prepared (a window closed mid-way) is dropped for newer ones.
    for (const oldest of this.arriving.keys()) if (this.arriving.size >= MAX_ARRIVING) this.arriving.delete(oldest);
    const attachmentId = randomUUID();
    this.arriving.set(attachmentId, { name, size, bytes: null });
    return attachmentId;
  }

  /** The host's upload route: the bytes of an expected picture, streamed, never more than were announced. */
  receive(attachmentId: string, body: PictureBody): Promise<PictureReceipt> {
    const arriving = this.arriving.get(attachmentId);
    if (!arriving || arriving.bytes) return Promise.resolve('unknown');
    arriving.bytes = readAtMost(body, arriving.size);
    return arriving.bytes.then(
      () => 'stored',
      (error: unknown) => (error instanceof PastLimit ? 'too large' : 'incomplete'),
    );
  }

  /** Checks what arrived and makes it ready to send (pictures.prepare); `pictureUrl` names it for the page's preview. */
  async prepare(attachmentId: string, pictureUrl: (id: string) => string): Promise<Result<'pictures.prepare'>> {
    const arriving = this.arriving.get(attachmentId);
    if (!arriving) throw noLongerAttached();
    this.arriving.delete(attachmentId);
    const input = await arriving.bytes?.catch(() => null);
    if (!input || input.length !== arriving.size) {
      throw new InboxError('PICTURE_INCOMPLETE', `“${arriving.name}” did not reach the app whole.`, 'Attach it again.');
    }
    const prepared = await preparePicture(arriving.name, input);
    const file = `${attachmentId}.${prepared.type}`;
    await savePrivateFile(join(this.outgoingDir, file), prepared.bytes);
    this.attached.set(attachmentId, { file, mediaUrl: null });
    const shows = refusalOf(prepared.bytes) === null;
    return {
      attachmentId,
      name: arriving.name,
      bytes: prepared.bytes.length,
      contentType: `image/${prepared.type}`,
      preview: shows ? pictureUrl(attachmentId) : null,
      note: prepared.note ?? (shows ? null : 'ClickSend converts HEIC when it is uploaded; it cannot be previewed here.'),
    };
  }

  /** The prepared file of a picture still attached: what the media route serves as its preview. */
  file(attachmentId: string): string | null {
    const attached = this.attached.get(attachmentId);
    return attached ? join(this.outgoingDir, attached.file) : null;
  }

  discard(attachmentId: string): void {
    this.arriving.delete(attachmentId);
    const attached = this.attached.get(attachmentId);
    if (!attached) return;
    this.attached.delete(attachmentId);
    void rm(join(this.outgoingDir, attached.file), { force: true }).catch(() => undefined);
  }

  /** The URL ClickSend keeps it under, uploading it now if it is not uploaded yet (a price needs one). */
  private urlFor(attachmentId: string): Promise<string> {
    const attached = this.require(attachmentId);
    attached.mediaUrl ??= this.upload(attached.file).catch((error: unknown) => {
      attached.mediaUrl = null;
      throw error;
    });
    return attached.mediaUrl;
  }

  /** For the outbox: the prepared file, and its URL if a price already uploaded it. */
  async take(attachmentId: string): Promise<{ pictureFile?: string; mediaUrl?: string }> {
    const attached = this.require(attachmentId);
    this.attached.delete(attachmentId);
    const url = await attached.mediaUrl?.catch(() => null);
    return url ? { pictureFile: attached.file, mediaUrl: url } : { pictureFile: attached.file };
  }

  /** Given back when the outbox refused it before storing (a bad number): still attached. */
  giveBack(attachmentId: string, taken: { pictureFile?: string; mediaUrl?: string }): void {
    if (taken.pictureFile) this.attached.set(attachmentId, { file: taken.pictureFile, mediaUrl: taken.mediaUrl ? Promise.resolve(taken.mediaUrl) : null });
  }

  async upload(pictureFile: string, signal?: AbortSignal): Promise<string> {
    // Read without blocking: the same event loop answers the window's requests.
    const bytes = await readFile(join(this.outgoingDir, pictureFile));
    const { _url: url } = await this.ask(() => this.client.uploadPicture(bytes, signal));
    return url;
  }

  /** ClickSend's price for a message with this picture, uploading it first if need be. */
  async price(attachmentId: string, message: { to: string; body: string; subject: string }): Promise<PriceData> {
    const mediaUrl = await this.urlFor(attachmentId);
    return this.ask(() => this.client.pricePicture(mediaUrl, [message]));
  }

  /** A picture endpoint asked through the gate: not while refused; a refusal is kept and said in words, an answer clears it. */
  private async ask<T>(request: () => Promise<T>): Promise<T> {
    this.gate.require();
    try {
      const answer = await request();
      this.gate.answered();
      return answer;
    } catch (error) {
      throw this.gate.refusedBy(error) ? PictureGate.refusal() : error;
    }
  }

  /** ClickSend took it: the prepared file goes into the media cache under its URL (read off the event loop), then leaves the outgoing folder unless another send still needs it. */
  sent(pictureFile: string | null, mediaUrl: string, answerUrl: string | null): void {
    if (!pictureFile) return void (answerUrl && this.media.alias(answerUrl, mediaUrl));
    const path = join(this.outgoingDir, pictureFile);
    // Already moved by an earlier confirmation: the read fails, and the media cache fetches it if need be.
    void this.media.keep(mediaUrl, readFile(path), {
      alias: answerUrl,
      after: async () => {
        if (!outboxPictureFiles(this.db).has(pictureFile)) await rm(path, { force: true });
      },
    });
  }

  private require(attachmentId: string): Attached {
    const attached = this.attached.get(attachmentId);
    if (!attached) throw noLongerAttached();
    return attached;
  }
}
