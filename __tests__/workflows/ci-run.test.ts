import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './workflow-files.js'

// Issue 12, item 10: `.ci/run` ended Debian's nginx and prometheus with `pkill -x`, which
// kills every process of that name on the machine. It now keeps Debian from starting them.

const script = readFileSync(join(ROOT, '.ci/run'), 'utf8')
const code = script
  .split('\n')
  .filter(line => !line.trim().startsWith('#'))
  .join('\n')

describe('.ci/run', () => {
  it('never stops a process by name', () => {
    expect(code).not.toMatch(/\b(pkill|killall|pgrep)\b/)
  })

  it('denies service starts with policy-rc.d (exit 101) before installing packages', () => {
    const policy = code.indexOf('printf \'#!/bin/sh\\nexit 101\\n\' | as_root tee "$policy"')
    const install = code.indexOf('apt-get install')
    expect(code).toContain('policy=/usr/sbin/policy-rc.d')
    expect(policy).toBeGreaterThan(-1)
    expect(policy).toBeLessThan(install)
  })

  it('puts the previous policy back after the install, also when it fails', () => {
    expect(code).toMatch(/trap restore_policy EXIT[\s\S]*apt-get install[\s\S]*restore_policy/)
  })
})
