// Find in the 20,000-message conversation (Ctrl/Cmd+F in a thread): the
// core's query (messages.find) for a common word, a rare one, a prefix and a
// word no message holds, asked in turns so a busy moment of the machine falls
// on every kind alike; and a word typed letter by letter, as the bar asks
// while the user types ("a", "ap", … "appointment").
import type { Db } from '../electron/core/cache/database';
import { findInConversation } from '../electron/core/cache/find-in-thread';
import { WORDS } from './dataset';
import { latency, type Latency } from './measure';

const KINDS = { findCommon: WORDS.common, findRare: WORDS.rare, findPrefix: WORDS.prefix, findNone: 'quokka' } as const;
const TYPED = ['appointment', 'reschedule'];

export interface FindResult {
  /** Per kind, with how many messages of the conversation it found. */
  queries: Record<string, Latency & { hits: number }>;
  /** Every query of the four kinds together: the figure the target is about. */
  all: Latency;
  /** Each prefix of the typed words, as the bar asks while they are typed. */
  typing: Latency;
}

export function findBench(db: Db, conversationId: number, rounds: number): FindResult {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(KINDS).map((k) => [k, []]));
  const hits: Record<string, number> = {};
  const typing: number[] = [];
  const prefixes = TYPED.flatMap((word) => Array.from(word, (_, i) => word.slice(0, i + 1)));
  const measure = (text: string) => {
    const t = performance.now();
    const found = findInConversation(db, conversationId, text);
    return { ms: performance.now() - t, total: found.total };
  };
  for (const text of [...Object.values(KINDS), ...prefixes]) measure(text);
  for (let round = 0; round < rounds; round++) {
    for (const [kind, text] of Object.entries(KINDS)) {
      const { ms, total } = measure(text);
      samples[kind]!.push(ms);
      hits[kind] = total;
    }
    if (round % 4 === 0) for (const text of prefixes) typing.push(measure(text).ms);
  }
  return {
    queries: Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, { ...latency(samples[kind]!), hits: hits[kind]! }])),
    all: latency(Object.values(samples).flat()),
    typing: latency(typing),
  };
}
