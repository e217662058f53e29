// A body read whole, but never past a limit: a picture downloaded from a
// link and a picture streamed in by the upload route are both held in memory,
// so neither may grow without bound. Leaving the loop early cancels a web
// stream and destroys a Node one, so the rest is never read.

/** A body as it comes: a fetch Response's or Request's stream, Node's IncomingMessage, or chunks in hand. */
export type Body = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export class PastLimit extends Error {}

/** Every byte of `body`; throws PastLimit as soon as it passes `limit`. */
export async function readAtMost(body: Body, limit: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of body) {
    length += chunk.length;
    if (length > limit) throw new PastLimit();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, length);
}
