import { describe, expect, it } from 'vitest';
import { historyProgress, timeLeft } from './history-progress';

describe('history progress in words', () => {
  it('says how much is stored and about how long is left', () => {
    expect(historyProgress({ pagesDone: 123, messagesStored: 12_300, estimatedTotal: 200_000, etaSeconds: 100 })).toBe(
      '12,300 of 200,000 messages · about 2 min left',
    );
    expect(historyProgress({ pagesDone: 1, messagesStored: 100, estimatedTotal: null, etaSeconds: null })).toBe('100 messages');
    expect(timeLeft(20)).toBe('less than a minute left');
    expect(timeLeft(3 * 3600 + 600)).toBe('about 3 h 10 min left');
  });
});
