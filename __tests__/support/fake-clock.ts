import type { Clock } from '../../src/core/context.js'

/** A clock that only moves when slept on or told to: timestamps and durations are exact. */
export class FakeClock implements Clock {
  constructor(public t = Date.parse('2026-11-30T12:00:00Z')) {}
  readonly sleeps: number[] = []
  now(): Date {
    return new Date(this.t)
  }
  advance(ms: number): void {
    this.t += ms
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason
    this.sleeps.push(ms)
    this.t += ms
  }
}
