import { describe, expect, it } from 'vitest';
import { OPT_IN_WORDS, OPT_OUT_WORDS, replyIntent } from './keywords';

describe('what a reply says about being texted', () => {
  it('every opt-out word alone opts out, in any case, spacing and punctuation', () => {
    for (const word of OPT_OUT_WORDS) {
      for (const typed of [word, word.toLowerCase(), ` ${word}. `, `${word}!!`, `"${word[0]}${word.slice(1).toLowerCase()}"`]) {
        expect(replyIntent(typed, false), typed).toBe('opt-out');
      }
    }
    expect(replyIntent('Opt-out', false)).toBe('opt-out');
    expect(replyIntent('OPTOUT', false)).toBe('opt-out');
    expect(replyIntent('ＳＴＯＰ', false)).toBe('opt-out');
  });

  it('START and UNSTOP opt in; YES only after an opt-out', () => {
    for (const word of OPT_IN_WORDS) expect(replyIntent(`${word.toLowerCase()}.`, true), word).toBe('opt-in');
    expect(replyIntent('start', false)).toBe('opt-in');
    expect(replyIntent('Yes', false)).toBeNull();
    expect(replyIntent('Yes!', true)).toBe('opt-in');
  });

  it('a longer reply with an opt-out word is only flagged; other replies mean nothing', () => {
    expect(replyIntent('please stop texting me', false)).toBe('possible-opt-out');
    expect(replyIntent('I want to unsubscribe, thanks', false)).toBe('possible-opt-out');
    expect(replyIntent('Can we make it 3pm instead?', false)).toBeNull();
    expect(replyIntent('Stopping by at 5', false)).toBeNull();
    expect(replyIntent('Weekend works', false)).toBeNull();
    expect(replyIntent('', false)).toBeNull();
    expect(replyIntent('👍', false)).toBeNull();
  });
});
