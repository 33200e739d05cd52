import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from '../../src/cli/args.js'
import { runCliBundle } from '../support/action-runner.js'

// Issue 12, item 2: `shiprail deploy --ssh-key "$KEY"` took the key for a flag (it starts with
// `-----`) and the "unknown flag" error printed all of it.

const KEY =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\nAAAAAAAAAAEAAAAzAAAAC3NzaC1lZDI1NTE5AAAAIA\n-----END OPENSSH PRIVATE KEY-----'
const BODY = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ'

describe('parseArgs', () => {
  it('gives a value flag the next argument whatever it starts with', () => {
    const args = parseArgs(['deploy', '--ssh-key', KEY, '--version', '--1'], {})
    expect(args.inputs['ssh-key']).toBe(KEY)
    expect(args.inputs.version).toBe('--1')
  })

  it('lets a true/false flag stand alone or take true/false', () => {
    expect(parseArgs(['deploy', '--dry-run', '--json'], {})).toMatchObject({
      json: true,
      inputs: { 'dry-run': 'true' }
    })
    expect(parseArgs(['deploy', '--dry-run', 'false'], {}).inputs['dry-run']).toBe('false')
  })

  it('hands every secret to onSecret, from flags and variables, before anything can fail', () => {
    const seen: string[] = []
    expect(() =>
      parseArgs(
        ['deploy', '--ssh-key', KEY, '--notify-url', 'https://hooks.example/T/B/x', 'stray'],
        { SHIPRAIL_TOKEN: 'ghs_fromVariable123', GITHUB_TOKEN: 'ghs_fallback456' },
        v => seen.push(v)
      )
    ).toThrow()
    expect(seen).toEqual(
      expect.arrayContaining([
        KEY,
        'https://hooks.example/T/B/x',
        'ghs_fromVariable123',
        'ghs_fallback456'
      ])
    )
  })

  it.each<[string, string[]]>([
    ['a key where a flag was expected', ['deploy', KEY]],
    ['a key after a misspelt flag', ['deploy', '--sshkey', KEY]],
    ['a key glued to --', ['deploy', `--${KEY}`]],
    ['a key as the step', [KEY]],
    ['a key before the step', [`--${KEY}`, 'deploy']]
  ])('never echoes %s', (_what, argv) => {
    let message = ''
    try {
      parseArgs(argv, {})
    } catch (err) {
      message = (err as Error).message
    }
    expect(message).not.toBe('')
    expect(message).not.toContain(BODY)
    expect(message).not.toContain('PRIVATE KEY')
    expect(message.split('\n')).toHaveLength(1)
  })

  it('still names a plain misspelt flag', () => {
    expect(() => parseArgs(['deploy', '--enviroment', 'x'], {})).toThrow(
      'Unknown flag --enviroment for deploy'
    )
  })
})

describe('shiprail deploy --ssh-key "$KEY" (the bundle)', () => {
  it('deploys with the key given as the next argument', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'shiprail-keyarg-'))
    const run = await runCliBundle(
      [
        'deploy',
        '--environment',
        'staging',
        '--version',
        '1.0.0',
        '--ssh-key',
        KEY,
        '--run',
        'echo deployed'
      ],
      { cwd }
    )
    expect(run.stderr).toContain('deployed')
    expect(run.code).toBe(0)
    expect(run.stdout + run.stderr).not.toContain(BODY)
  })

  it('fails with exit 2 and without the key when the flag is misspelt', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'shiprail-keyarg-'))
    writeFileSync(join(cwd, 'x'), '')
    const run = await runCliBundle(
      [
        'deploy',
        '--environment',
        'staging',
        '--version',
        '1.0.0',
        '--sshkey',
        KEY,
        '--run',
        'true'
      ],
      { cwd }
    )
    expect(run.code).toBe(2)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stdout + run.stderr).not.toContain(BODY)
  })
})
