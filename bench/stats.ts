/** Median and range of repeated measurements: what every table quotes. */
export interface Summary {
  median: number
  min: number
  max: number
  n: number
  samples: number[]
}

export function summarize(samples: number[]): Summary {
  if (samples.length === 0) throw new Error('summarize: no samples')
  const sorted = [...samples].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length, samples }
}

/**
 * A comparison from one run: the ratio of each pair measured side by side (repeat i of A
 * against repeat i of B), summarized. Pairing keeps a slow moment of the machine from landing
 * on one side only.
 */
export function pairedRatio(numerators: number[], denominators: number[]): Summary {
  if (numerators.length !== denominators.length) {
    throw new Error(`pairedRatio: ${numerators.length} vs ${denominators.length} samples`)
  }
  return summarize(numerators.map((n, i) => n / denominators[i]))
}
