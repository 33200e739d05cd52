import type { Summary } from './stats.js'

/** `850 ms`, `12.3 s`. */
export function ms(value: number): string {
  if (value < 10) return `${value.toFixed(1)} ms`
  if (value < 1000) return `${Math.round(value)} ms`
  if (value < 100_000) return `${(value / 1000).toFixed(2)} s`
  return `${(value / 1000).toFixed(0)} s`
}

/** Bytes in binary units: `512 B`, `4.0 KiB`, `191 MiB`. */
export function bytes(value: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB']
  let v = value
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return u === 0
    ? `${v} B`
    : `${v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0)} ${units[u]}`
}

/** `×0.42`, `×12.5`. */
export function ratio(value: number): string {
  return `×${value < 10 ? value.toFixed(2) : value.toFixed(1)}`
}

/** Median with min–max and the number of runs, e.g. `1.20 s (1.18–1.31 s, n=5)`. */
export function spread(s: Summary, unit: (v: number) => string = ms): string {
  if (s.n === 1) return `${unit(s.median)} (n=1)`
  const low = unit(s.min)
  const high = unit(s.max)
  const suffix = (text: string) => text.slice(text.lastIndexOf(' '))
  // `260–739 ms` rather than `260 ms–739 ms` when both ends share the unit.
  const range =
    low.includes(' ') && suffix(low) === suffix(high)
      ? `${low.slice(0, low.lastIndexOf(' '))}–${high}`
      : `${low}–${high}`
  return `${unit(s.median)} (${range}, n=${s.n})`
}

/** A ratio summary: `×0.42 (0.40–0.45)`. */
export function ratioSpread(s: Summary): string {
  if (s.n === 1) return ratio(s.median)
  const f = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1))
  return `${ratio(s.median)} (${f(s.min)}–${f(s.max)})`
}

export function integer(value: number): string {
  return Math.round(value).toLocaleString('en-US')
}

/** `0.65%`, `12%`. */
export function percent(fraction: number): string {
  const p = fraction * 100
  return `${p < 1 ? p.toFixed(2) : p < 10 ? p.toFixed(1) : p.toFixed(0)}%`
}
