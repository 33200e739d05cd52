import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * True when the module at `url` is the script node was started with. An entry runs its step
 * only then: imported (by @github/local-action, which calls `run()` itself, or by a test) it
 * does nothing. Both paths are resolved because `npx shiprail` starts node through a symlink.
 */
export function isMainModule(url: string): boolean {
  const script = process.argv[1]
  if (!script) return false
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(url))
  } catch {
    return false
  }
}
