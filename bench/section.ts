import type { SshHosts } from './ssh-hosts.js'

/**
 * One section of `npm run bench`: a file in bench/sections/ whose default export is a Section.
 * The runner finds the files itself, so adding a section is adding one file.
 */
export interface Section {
  /** Short id, also the `--only` name and the key in results.json. */
  id: string
  /** Heading in BENCHMARKS.md. */
  title: string
  /** Sections run and are reported in ascending order (gaps leave room for new ones). */
  order: number
  run(ctx: SectionContext): Promise<SectionReport>
}

/** What a section hands back; the runner adds timing and writes the report. */
export interface SectionReport {
  /** What was measured and what it means for a user, with the measured numbers in it. */
  paragraph: string
  tables: Table[]
  /** Lines under the tables (environment caveats, how a number was derived). */
  notes?: string[]
  /** Raw samples and settings, kept in results.json for later comparison. */
  data: unknown
}

export interface Table {
  caption?: string
  /** How many leading columns hold text (left-aligned); the rest are numbers. Default 1. */
  textColumns?: number
  columns: string[]
  rows: string[][]
}

/** A finished section as results.json holds it. */
export interface SectionResult extends Partial<SectionReport> {
  id: string
  title: string
  durationMs: number
  /**
   * 1-minute load average when the section started and ended: a busy machine (other builds,
   * tests) shows here and explains wide ranges.
   */
  load: { start: number; end: number }
  /** Set when the section failed; the other sections still run. */
  error?: string
}

export interface SectionContext {
  /** `--quick`: fewer repeats and smaller sizes, for trying the bench out. */
  quick: boolean
  /** How many times to repeat a measurement: `full` or `quick`, unless `--repeats N` says. */
  repeats(full: number, quick: number): number
  /** The repository root. */
  root: string
  /** The bundles to measure: a copy of dist/ taken at the start (see dist-snapshot.ts). */
  dist: string
  /** A fresh directory for this section, removed after it. */
  tmp: string
  /** Prints one progress line (prefixed with the elapsed time and section id). */
  progress(message: string): void
  /**
   * `count` sshd "hosts" sharing one deploy path through mount namespaces, started on first use
   * and kept for the whole run, so every section (and a later comparison) uses the same servers.
   */
  sshHosts(count: number): Promise<SshHosts>
  /** Sections that already ran in this run, by id: a comparison reads its peer's numbers here. */
  earlier: ReadonlyMap<string, SectionResult>
}

/** Picks the quick or the full value. */
export function size<T>(ctx: SectionContext, full: T, quick: T): T {
  return ctx.quick ? quick : full
}
