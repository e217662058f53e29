import { describe, expect, it } from 'vitest';
import { OPT_IN_WORDS, OPT_OUT_WORDS, replyIntent } from './keywords';

describe('what a reply says about being texted', () => {
  it('every opt-out word alone opts out, in any case, spacing and punctuation', () => {
    for (const word of OPT_OUT_WORDS) {
      for (const typed of [word, word.toLowerCase(), ` ${word}. `, `${word}!!`, `"${word[0]}${word.slice(1).toLowerCase()}"`]) {
        expect(replyIntent(typed, { optedOut: false }), typed).toBe('opt-out');
      }
    }
    expect(replyIntent('Opt-out', { optedOut: false })).toBe('opt-out');
    expect(replyIntent('OPTOUT', { optedOut: false })).toBe('opt-out');
    expect(replyIntent('ＳＴＯＰ', { optedOut: false })).toBe('opt-out');
  });

  it('START and UNSTOP opt in; YES only after an opt-out', () => {
    for (const word of OPT_IN_WORDS) expect(replyIntent(`${word.toLowerCase()}.`, { optedOut: true }), word).toBe('opt-in');
    expect(replyIntent('start', { optedOut: false })).toBe('opt-in');
    expect(replyIntent('Yes', { optedOut: false })).toBeNull();
    expect(replyIntent('Yes!', { optedOut: true })).toBe('opt-in');
  });

  it('a longer reply with an opt-out word is only flagged; other replies mean nothing', () => {
    expect(replyIntent('please stop texting me', { optedOut: false })).toBe('possible-opt-out');
    expect(replyIntent('I want to unsubscribe, thanks', { optedOut: false })).toBe('possible-opt-out');
    expect(replyIntent('Can we make it 3pm instead?', { optedOut: false })).toBeNull();
    expect(replyIntent('Stopping by at 5', { optedOut: false })).toBeNull();
    expect(replyIntent('Weekend works', { optedOut: false })).toBeNull();
    expect(replyIntent('', { optedOut: false })).toBeNull();
    expect(replyIntent('👍', { optedOut: false })).toBeNull();
  });
});
