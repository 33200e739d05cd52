import { getMaxListeners } from 'node:events'
import { Redactor } from '../../src/core/context.js'
import { createStepContext, STEP_LISTENERS } from '../../src/runtime/step-context.js'
import { readRunEnvironment } from '../../src/runtime/run-environment.js'
import { MemoryLogger } from '../support/context.js'

/*
 * Each process a step runs listens to the step's cancellation signal while it runs: one per
 * host and command at once. Node warns of a leak past 10 listeners, which a deploy to 8 hosts
 * (lock, link, rsync, ... on each) passed; the step's signal allows STEP_LISTENERS.
 */
test("the step's cancellation signal takes a listener per running process without a leak warning", async () => {
  const controller = new AbortController()
  const ctx = await createStepContext({
    settings: {
      environment: 'staging',
      token: '',
      ledger: 'none',
      ledgerFile: '',
      dryRun: false,
      repository: ''
    },
    run: readRunEnvironment({}, process.cwd()),
    env: {},
    raw: {},
    logger: new MemoryLogger(),
    secrets: new Redactor(),
    signal: controller.signal
  })
  expect(getMaxListeners(ctx.signal)).toBe(STEP_LISTENERS)
  const warnings: string[] = []
  const onWarning = (w: Error) => warnings.push(w.name)
  process.on('warning', onWarning)
  const listeners = Array.from({ length: 80 }, () => () => undefined)
  for (const l of listeners) ctx.signal.addEventListener('abort', l)
  await new Promise(r => setImmediate(r))
  process.off('warning', onWarning)
  for (const l of listeners) ctx.signal.removeEventListener('abort', l)
  expect(warnings).not.toContain('MaxListenersExceededWarning')
})
