import type { Context } from '../context.js'
import type { DriverSettings } from '../settings/deploy-settings.js'
import { createCommandDriver } from './command-driver.js'
import type { Driver } from './driver.js'

export async function createDriver(settings: DriverSettings, ctx: Context): Promise<Driver> {
  if (settings.kind === 'command') return createCommandDriver(settings, ctx.run.env)
  if (settings.kind === 'containers') {
    const { createContainersDriver } = await import('./containers-driver.js')
    return createContainersDriver(settings)
  }
  // Loaded on demand: the releases driver pulls in SSH and rsync handling a command deploy never needs.
  const { createReleasesDriver } = await import('./releases-driver.js')
  return createReleasesDriver(settings)
}
