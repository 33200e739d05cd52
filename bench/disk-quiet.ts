import { readFile } from 'node:fs/promises'

/**
 * Discards completed on every block device so far (field 15 of /proc/diskstats, Linux 4.18+);
 * undefined where the kernel does not count them.
 */
async function discardsDone(): Promise<number | undefined> {
  const text = await readFile('/proc/diskstats', 'utf8').catch(() => '')
  let total: number | undefined
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/)
    if (fields.length >= 15) total = (total ?? 0) + Number(fields[14])
  }
  return total
}

/**
 * Waits until no discard has completed for `quietMs` (at most `maxMs`). On a filesystem mounted
 * with `discard` (this machine's ext4 is), deleting a 10,000-file tree makes the disk trim for
 * seconds after `sync` returns, and a 49 MiB push during that took ×3–5 its usual time: whichever
 * tool went first after a deletion paid for it. Returns the milliseconds waited.
 */
export async function discardsSettled(quietMs = 1_000, maxMs = 120_000): Promise<number> {
  const start = Date.now()
  let last = await discardsDone()
  if (last === undefined) return 0
  let quietSince = Date.now()
  while (Date.now() - quietSince < quietMs && Date.now() - start < maxMs) {
    await new Promise(resolve => setTimeout(resolve, 100))
    const now = await discardsDone()
    if (now !== last) {
      last = now
      quietSince = Date.now()
    }
  }
  return Date.now() - start
}
