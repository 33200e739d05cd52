/**
 * How numbers read in logs, summaries and ledger descriptions. One place, so a duration or a
 * count reads the same in the engine's log, the job summary and the terminal.
 */

/** "1 round", "3 rounds". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** "412 ms", "7.2 s", "30 s", "2 min 5 s". */
export function spokenDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`
}

/** A rate from 0 to 1 as "97.5%"; "—" when there is none. */
export function percent(rate: number | null): string {
  if (rate === null) return '—'
  const p = rate * 100
  return `${Number.isInteger(p) ? p : Number(p.toFixed(1))}%`
}

/** A latency as "41 ms"; "—" when there is none. */
export function roundedMs(value: number | null): string {
  return value === null ? '—' : `${Math.round(value)} ms`
}
