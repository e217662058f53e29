// The simulator's notion of "now": real time plus an offset tests can advance.
export class Clock {
  private offset = 0;

  now(): number {
    return Math.floor(Date.now() / 1000) + this.offset;
  }

  advance(seconds: number): void {
    this.offset += seconds;
  }

  reset(): void {
    this.offset = 0;
  }
}
