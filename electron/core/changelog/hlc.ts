/**
 * Hybrid logical clock text: "wall-counter-origin", zero-padded so text order is time order.
 * It orders concurrent values for display only. A received clock far in the future does not drag
 * ours forward: we only ever take the maximum of our own wall time and our own last clock.
 */
export class HybridClock {
  private lastWall = 0;
  private lastCount = 0;

  constructor(private readonly origin: string) {}

  /** Continues after our own latest clock (e.g. read from our last changeset at start-up). */
  observeOwn(hlc: string | undefined): void {
    if (!hlc) return;
    const [wall, count] = hlc.split('-').map(Number);
    if (Number.isFinite(wall) && Number.isFinite(count) && wall! >= this.lastWall) {
      this.lastCount = wall === this.lastWall ? Math.max(this.lastCount, count!) : count!;
      this.lastWall = wall!;
    }
  }

  next(nowIso: string): string {
    const wall = Math.max(Date.parse(nowIso), this.lastWall);
    this.lastCount = wall === this.lastWall ? this.lastCount + 1 : 0;
    this.lastWall = wall;
    return `${String(wall).padStart(15, '0')}-${String(this.lastCount).padStart(6, '0')}-${this.origin}`;
  }
}
