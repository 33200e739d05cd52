import type { Context } from '../context.js'
import { describeExit, type RunResult } from '../process-runner.js'
import { lastLines } from './host-transport.js'
import { formatHistoryLine, type HistoryEntry } from './release-history.js'
import { failIfAny, forEachHost, requireOk, timed, type HostState } from './release-phases.js'
import { RECORD, SWITCH, SWITCH_AND_RECORD } from './release-scripts.js'

/** The all-or-nothing switch of the releases driver, and the history written with it. */

const SCRIPT_TIMEOUT_MS = 60_000
const REMOVE_TIMEOUT_MS = 600_000

/** History lines to append and releases to remove after them, on one host. */
export interface HistoryWrite {
  entries: HistoryEntry[]
  remove: string[]
  /** The lock's token, when this command is the host's last and may remove the lock. */
  unlock?: string
}

export interface ReleaseSwitcher {
  record(host: HostState, write: HistoryWrite): Promise<void>
  switchAll(
    hosts: HostState[],
    targetOf: (host: HostState) => string,
    ctx: Context,
    recordOf?: (host: HostState) => HistoryWrite,
    ran?: Map<HostState, RunResult>
  ): Promise<void>
}

/** SWITCH_AND_RECORD's arguments after root and release (see LINK_AND_SWITCH). */
export function switchRecordArgs(write: HistoryWrite): string[] {
  const text = write.entries.map(e => formatHistoryLine(e) + '\n').join('')
  return [write.unlock ?? '', text, ...write.remove]
}

/** For the deploy root `root`, working on `parallel` hosts at once. */
export function releaseSwitcher(root: string, parallel: number): ReleaseSwitcher {
  /** Appends history lines, then removes the releases in `remove` (never the live one). */
  async function record(host: HostState, write: HistoryWrite): Promise<void> {
    const text = write.entries.map(e => formatHistoryLine(e) + '\n').join('')
    const result = await host.transport.run(RECORD, [root, text, ...write.remove], {
      timeoutMs: REMOVE_TIMEOUT_MS
    })
    requireOk(
      host,
      write.remove.length
        ? `recording history and removing ${write.remove.join(', ')}`
        : 'recording history',
      result,
      REMOVE_TIMEOUT_MS
    )
  }

  /**
   * Switches current; with `then`, the same command records history and prunes once the switch
   * is done. A failure after the switch is a warning: the host serves the new release.
   */
  async function switchTo(
    host: HostState,
    release: string,
    ctx: Context,
    then?: HistoryWrite,
    ran?: RunResult
  ): Promise<void> {
    const what = `switching current to ${release || '(none)'}`
    if (!then) {
      const result = await host.transport.run(SWITCH, [root, release], {
        timeoutMs: SCRIPT_TIMEOUT_MS
      })
      return requireOk(host, what, result, SCRIPT_TIMEOUT_MS)
    }
    const result =
      ran ??
      (await host.transport.run(SWITCH_AND_RECORD, [root, release, ...switchRecordArgs(then)], {
        timeoutMs: REMOVE_TIMEOUT_MS
      }))
    if (!/^switched$/m.test(result.stdout)) return requireOk(host, what, result, REMOVE_TIMEOUT_MS)
    host.unlocked = /^unlocked$/m.test(result.stdout)
    if (result.exitCode !== 0) {
      ctx.logger.warning(
        `${host.transport.label}: recording history or removing ${then.remove.join(', ') || 'nothing'} ${describeExit(result, REMOVE_TIMEOUT_MS)}: ${lastLines(result.stderr)}`
      )
    }
  }

  /**
   * All or nothing: switch every host; if any switch fails, every host where a switch was
   * tried goes back to what it served before (a no-op where the switch never happened).
   * `recordOf` folds the history line and pruning into the switch command; after a failed
   * switch elsewhere, the caller's failure line marks that release bad again. `ran`: hosts whose
   * switch command already ran, folded into their upload (LINK_AND_SWITCH), with its answer.
   */
  async function switchAll(
    hosts: HostState[],
    targetOf: (host: HostState) => string,
    ctx: Context,
    recordOf?: (host: HostState) => HistoryWrite,
    ran?: Map<HostState, RunResult>
  ): Promise<void> {
    const results = await ctx.logger.group('Switch current on every host', () =>
      forEachHost(hosts, parallel, host =>
        timed(host, 'switch', async () => {
          host.switchTried = true
          const write = recordOf?.(host)
          if (write?.remove.length)
            ctx.logger.info(`${host.transport.label}: removing ${write.remove.join(', ')}`)
          await switchTo(host, targetOf(host), ctx, write, ran?.get(host))
          ctx.logger.info(`${host.transport.label}: current -> releases/${targetOf(host)}`)
        })
      )
    )
    if (results.every(r => r.ok)) return
    const back = hosts.filter(h => h.switchTried)
    const undo = await ctx.logger.group('Switch back', () =>
      forEachHost(back, parallel, async host => {
        await switchTo(host, host.live ?? '', ctx)
        ctx.logger.info(
          `${host.transport.label}: current -> ${host.live ? `releases/${host.live}` : '(none, as before)'}`
        )
      })
    )
    const stuck = back.filter((_, i) => !undo[i].ok).map(h => h.transport.label)
    failIfAny(
      hosts,
      results,
      'The switch',
      stuck.length === 0
        ? 'Every host was switched back to the release it served before.'
        : `Switching back FAILED on ${stuck.join(', ')}: check ${root}/current there.`
    )
  }

  return { record, switchAll }
}
