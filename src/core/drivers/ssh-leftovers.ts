import { lstat, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { runProcess } from '../process-runner.js'
import { CONTROL_SOCKET_PREFIX, SSH_DIR_PREFIX } from './host-transport.js'

/**
 * What a killed deploy leaves behind: its key directory under RUNNER_TEMP and SSH masters that
 * keep their connection open for ControlPersist seconds. The action's post run calls this. A
 * master is stopped through its own control socket (`ssh -O exit -S <socket>`), so only a
 * master Shiprail started is ever touched, never a process found by name. Returns the
 * directories removed. Never throws: a post run must not hide the main run's result.
 */
export async function removeSshLeftovers(
  tempDir: string,
  env: Record<string, string | undefined>
): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(tempDir)
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names.filter(n => n.startsWith(SSH_DIR_PREFIX))) {
    const dir = join(tempDir, name)
    const entries = await readdir(dir).catch(() => [] as string[])
    for (const entry of entries) {
      if (!entry.startsWith(CONTROL_SOCKET_PREFIX)) continue
      const socket = join(dir, entry)
      const info = await lstat(socket).catch(() => undefined)
      if (!info?.isSocket()) continue
      // The destination is required by ssh's syntax; with -S and -O it is not resolved or dialled.
      await runProcess('ssh', {
        args: ['-o', 'BatchMode=yes', '-S', socket, '-O', 'exit', 'shiprail-leftover'],
        env,
        timeoutMs: 10_000,
        capture: true
      }).catch(() => undefined)
    }
    await rm(dir, { recursive: true, force: true }).catch(() => undefined)
    removed.push(dir)
  }
  return removed
}
