import type { GatewayClock } from "./ports";

// A token bucket per key (tenant address, or remote IP before authentication), on the injected
// clock. Buckets idle longer than a refill are dropped so the map cannot grow without bound.
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly clock: GatewayClock,
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly maxKeys = 10_000,
  ) {}

  take(key: string): boolean {
    const now = this.clock.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.sweep(now);
      bucket = { tokens: this.burst, at: now };
      this.buckets.set(key, bucket);
    }
    // A clock that steps back (NTP, tests) refills nothing rather than draining the bucket.
    const elapsed = Math.max(0, now - bucket.at);
    bucket.tokens = Math.min(this.burst, bucket.tokens + (elapsed / 1000) * this.perSecond);
    bucket.at = Math.max(bucket.at, now);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  private sweep(now: number): void {
    const full = (this.burst / this.perSecond) * 1000;
    for (const [key, b] of this.buckets) if (now - b.at >= full) this.buckets.delete(key);
    // Still full of active keys: forget the oldest rather than grow.
    if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
  }
}
