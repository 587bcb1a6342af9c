/**
 * The learning part of `train:attribution`: averaged perceptron weights
 * (Collins 2002), a weight vector per feature with a running sum read
 * lazily, and a seeded Fisher–Yates shuffle for the order of examples.
 */

/** Averaged perceptron weights: `width` slots per feature. */
export class Averaged {
  readonly w = new Map<string, Float64Array>();
  private readonly sum = new Map<string, Float64Array>();
  private readonly since = new Map<string, Float64Array>();
  step = 1;

  constructor(private readonly width: number) {}

  add(feature: string, slot: number, delta: number): void {
    let w = this.w.get(feature);
    let sum = this.sum.get(feature);
    let since = this.since.get(feature);
    if (!w || !sum || !since) {
      w = new Float64Array(this.width);
      sum = new Float64Array(this.width);
      since = new Float64Array(this.width);
      this.w.set(feature, w);
      this.sum.set(feature, sum);
      this.since.set(feature, since);
    }
    sum[slot] =
      (sum[slot] ?? 0) + (this.step - (since[slot] ?? 0)) * (w[slot] ?? 0);
    since[slot] = this.step;
    w[slot] = (w[slot] ?? 0) + delta;
  }

  /** The averaged weights. */
  averaged(): Map<string, Float64Array> {
    const out = new Map<string, Float64Array>();
    for (const [f, w] of this.w) {
      const sum = this.sum.get(f) as Float64Array;
      const since = this.since.get(f) as Float64Array;
      out.set(
        f,
        w.map(
          (v, k) =>
            ((sum[k] ?? 0) + (this.step - (since[k] ?? 0)) * v) / this.step,
        ),
      );
    }
    return out;
  }
}

/** Fisher–Yates with the given generator: the same seed, the same order. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
