// A slower reply to an older request must not replace a newer one's: each
// request takes a turn, and only the latest turn's reply is applied.
export interface LatestRequest {
  /** A new request: the check says whether it is still the latest when its reply comes. */
  start(): () => boolean;
  /** Part of the latest request (another page of what is shown): dropped with it. */
  join(): () => boolean;
  /** Every reply on its way is dropped (what it was for is gone). */
  dropAll(): void;
}

export function latestRequest(): LatestRequest {
  let turn = 0;
  const isTurn = (mine: number) => () => mine === turn;
  return {
    start: () => isTurn(++turn),
    join: () => isTurn(turn),
    dropAll: () => void turn++,
  };
}
