import type { Context } from '../context.js'

export interface PhaseTiming {
  name: string
  ms: number
}

/** Runs one phase of a step in its own log group and records how long it took. */
export async function timed<T>(
  ctx: Context,
  phases: PhaseTiming[],
  name: string,
  fn: () => Promise<T>
): Promise<T> {
  const start = ctx.clock.now().getTime()
  try {
    return await ctx.logger.group(name, fn)
  } finally {
    phases.push({ name, ms: ctx.clock.now().getTime() - start })
  }
}
