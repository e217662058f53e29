import { describe, expect, it } from 'vitest';
import { latestRequest } from './latest-request';

describe('latestRequest', () => {
  it('keeps only the latest request current, with the requests that joined it', () => {
    const requests = latestRequest();
    const first = requests.start();
    const joinedFirst = requests.join();
    expect([first(), joinedFirst()]).toEqual([true, true]);
    const second = requests.start();
    expect([first(), joinedFirst(), second()]).toEqual([false, false, true]);
  });

  it('drops every request on its way', () => {
    const requests = latestRequest();
    const one = requests.start();
    const joined = requests.join();
    requests.dropAll();
    expect([one(), joined()]).toEqual([false, false]);
    expect(requests.start()()).toBe(true);
  });
});
