/**
 * The SHIPRAIL_* variables hooks and scripts receive are one list (HOOK_VARIABLES): each driver
 * sets exactly the names the list gives it, and docs/behaviour.md's table is generated from the list.
 */
import { readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { containerHookVariables } from '../../../src/core/drivers/containers-driver.js'
import {
  HOOK_VARIABLES,
  requestVariables,
  type HookScope
} from '../../../src/core/drivers/driver.js'
import { createReleasesDriver } from '../../../src/core/drivers/releases-driver.js'
import { hookVariablesTable } from '../../../scripts/generate.js'
import { testContext } from '../../support/context.js'
import { ROOT } from '../../support/action-runner.js'
import { releasesSettings, request, tempDir, writeRelease } from '../../releases/fixtures.js'

const namesFor = (...scopes: HookScope[]) =>
  HOOK_VARIABLES.filter(v => scopes.includes(v.scope))
    .map(v => v.name)
    .sort()

const pairNames = (pairs: string[]) => pairs.filter((_, i) => i % 2 === 0).sort()

describe('HOOK_VARIABLES', () => {
  it('every hook and script gets the request variables', () => {
    expect(Object.keys(requestVariables(request('1'))).sort()).toEqual(namesFor('every'))
  })

  it('containers hooks get those plus the containers ones', () => {
    expect(pairNames(containerHookVariables(request('1'), 'shop', 'shop-x'))).toEqual(
      namesFor('every', 'containers')
    )
  })

  it('releases hooks (before-switch, before-switch-once, after-switch) get those plus the releases ones', async () => {
    const work = await tempDir('hook-vars')
    try {
      const src = join(work, 'src')
      await writeRelease(src, '1')
      const dump = (file: string) =>
        `env | grep -o '^SHIPRAIL_[A-Z_]*' | sort > '${join(work, file)}'`
      await createReleasesDriver(
        releasesSettings({
          path: join(work, 'app'),
          source: src,
          beforeSwitch: dump('before'),
          beforeSwitchOnce: dump('once'),
          afterSwitch: dump('after')
        })
      ).apply(request('1'), testContext())
      for (const file of ['before', 'once', 'after']) {
        expect(readFileSync(join(work, file), 'utf8').trim().split('\n')).toEqual(
          namesFor('every', 'releases')
        )
      }
    } finally {
      await rm(work, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
    }
  })

  it("docs/behaviour.md's table is the list", () => {
    const readme = readFileSync(join(ROOT, 'docs', 'behaviour.md'), 'utf8')
    expect(readme).toContain(
      `<!-- generated:hook-variables -->\n${hookVariablesTable()}\n<!-- /generated:hook-variables -->`
    )
    for (const v of HOOK_VARIABLES) expect(hookVariablesTable()).toContain(`| \`${v.name}\` |`)
  })
})
