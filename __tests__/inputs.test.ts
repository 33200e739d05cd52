import { InputError } from '../src/core/errors.js'
import type { RawInputs } from '../src/core/inputs.js'
import type { RunDefaults } from '../src/core/settings/common.js'
import { parseDeploySettings, parseHosts } from '../src/core/settings/deploy-settings.js'

const outside: RunDefaults = { insideActions: false }
const inside: RunDefaults = { insideActions: true, sha: 'b'.repeat(40), repository: 'o/r' }
const base: RawInputs = {
  environment: 'staging',
  version: '1.2.3',
  run: 'echo hi',
  token: 't0ken-value'
}

function parseError(raw: RawInputs, defaults = outside): InputError {
  try {
    parseDeploySettings(raw, defaults)
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    return err as InputError
  }
  throw new Error('expected an InputError')
}

describe('deploy settings', () => {
  it('applies the documented defaults', () => {
    const s = parseDeploySettings(base, outside)
    expect(s).toMatchObject({
      environment: 'staging',
      version: '1.2.3',
      ledger: 'file',
      ledgerFile: '.shiprail/ledger.json',
      dryRun: false,
      productionEnvironment: false,
      driver: { kind: 'command', run: 'echo hi', timeoutSeconds: 1800 }
    })
    expect(parseDeploySettings(base, inside)).toMatchObject({
      ledger: 'github',
      ref: 'b'.repeat(40),
      repository: 'o/r'
    })
  })

  it.each([
    ['production', true],
    ['prod', true],
    ['Production', true],
    ['staging', false],
    ['production-eu', false]
  ])('environment %s is production: %s', (environment, expected) => {
    expect(parseDeploySettings({ ...base, environment }, outside).productionEnvironment).toBe(
      expected
    )
  })

  it('tells shared files from shared directories; shared-paths is an alias ending dirs with /', () => {
    const releases = { ...base, driver: 'releases', source: 'b', path: '/srv/a' }
    const s = parseDeploySettings(
      {
        ...releases,
        'shared-files': '.env\nconfig/master.key',
        'shared-dirs': 'storage, public/uploads/',
        'shared-paths': 'log/\n.npmrc'
      },
      outside
    )
    expect(s.driver).toMatchObject({
      shared: [
        { path: '.env', kind: 'file' },
        { path: 'config/master.key', kind: 'file' },
        { path: 'storage', kind: 'dir' },
        { path: 'public/uploads', kind: 'dir' },
        { path: 'log', kind: 'dir' },
        { path: '.npmrc', kind: 'file' }
      ],
      sharedPathsInput: true
    })
    expect(parseDeploySettings(releases, outside).driver).toMatchObject({
      shared: [],
      sharedPathsInput: false
    })
    expect(
      parseError({ ...releases, 'shared-files': '.env', 'shared-dirs': 'storage\n.env/' }).message
    ).toBe(
      `Input 'shared-dirs' has ".env", already in shared-files; expected each shared path once.`
    )
  })

  it('lets production-environment override the name rule', () => {
    expect(
      parseDeploySettings(
        { ...base, environment: 'live', 'production-environment': 'true' },
        outside
      ).productionEnvironment
    ).toBe(true)
  })

  it.each(['1.2.3', 'v2.0.0-rc.1', 'a1b2c3d', '1.0+build.5', 'x'.repeat(128), 'release_2026.11'])(
    'accepts version %s',
    version => {
      expect(parseDeploySettings({ ...base, version }, outside).version).toBe(version)
    }
  )

  // Every bad value: one line that names the input, shows the value safely and the accepted form.
  it.each<[string, RawInputs, string, RegExp]>([
    ['missing version', { ...base, version: '' }, 'version', /is required/],
    ['version with ;', { ...base, version: '1.0;rm -rf /' }, 'version', /\[A-Za-z0-9\]/],
    ['version with $()', { ...base, version: '$(id)' }, 'version', /expected/],
    ['version with backticks', { ...base, version: '1`id`' }, 'version', /expected/],
    ['version with newline', { ...base, version: '1.0\nrm' }, 'version', /expected/],
    ['version too long', { ...base, version: 'x'.repeat(129) }, 'version', /expected/],
    ['version starting with -', { ...base, version: '-rf' }, 'version', /expected/],
    ['missing environment', { ...base, environment: '' }, 'environment', /is required/],
    [
      'environment with quote',
      { ...base, environment: "prod'; id" },
      'environment',
      /environment name/
    ],
    [
      'environment with newline',
      { ...base, environment: 'prod\nx' },
      'environment',
      /environment name/
    ],
    ['environment with $()', { ...base, environment: '$(id)' }, 'environment', /environment name/],
    ['bad ledger', { ...base, ledger: 'sql' }, 'ledger', /`github`, `file`, `none`/],
    ['bad dry-run', { ...base, 'dry-run': 'yes' }, 'dry-run', /`true` or `false`/],
    ['bad driver', { ...base, driver: 'k8s' }, 'driver', /`command`, `releases`/],
    ['no run script', { ...base, run: '  ' }, 'run', /is required/],
    ['bad run-timeout', { ...base, 'run-timeout': '10m' }, 'run-timeout', /whole number/],
    ['short ref', { ...base, ref: 'abc123' }, 'ref', /40-character/],
    ['branch ref', { ...base, ref: 'main' }, 'ref', /40-character/],
    ['ref with $()', { ...base, ref: '$(id)' }, 'ref', /40-character/],
    [
      'bad environment-url',
      { ...base, 'environment-url': 'javascript:alert(1)' },
      'environment-url',
      /http/
    ],
    ['bad notify-url', { ...base, 'notify-url': 'not a url' }, 'notify-url', /value hidden/],
    [
      'promote-from itself',
      { ...base, 'promote-from': 'staging' },
      'promote-from',
      /names the environment/
    ],
    [
      'promote-from without ledger',
      { ...base, 'promote-from': 'qa', ledger: 'none' },
      'promote-from',
      /needs a ledger/
    ],
    [
      'releases without path',
      { ...base, driver: 'releases', source: 'build' },
      'path',
      /is required/
    ],
    [
      'releases relative path',
      { ...base, driver: 'releases', source: 'b', path: 'srv/app' },
      'path',
      /absolute/
    ],
    [
      'releases path with ..',
      { ...base, driver: 'releases', source: 'b', path: '/srv/../etc' },
      'path',
      /without `\.\.`/
    ],
    [
      'releases without source',
      { ...base, driver: 'releases', path: '/srv/app' },
      'source',
      /is required/
    ],
    [
      'remote host without known-hosts',
      { ...base, driver: 'releases', source: 'b', path: '/srv/a', hosts: 'web1' },
      'known-hosts',
      /required for remote hosts/
    ],
    [
      'bad keep-releases',
      { ...base, driver: 'releases', source: 'b', path: '/srv/a', 'keep-releases': '0' },
      'keep-releases',
      /1 to 1000/
    ],
    [
      'bad parallel',
      { ...base, driver: 'releases', source: 'b', path: '/srv/a', parallel: '-1' },
      'parallel',
      /whole number/
    ],
    [
      'shared path . (issue 12: it names the release itself)',
      { ...base, driver: 'releases', source: 'b', path: '/srv/a', 'shared-paths': '.' },
      'shared-paths',
      /without `\.`, `\.\.` or empty parts/
    ],
    [
      'shared path a/./. (issue 12: it names the release itself)',
      { ...base, driver: 'releases', source: 'b', path: '/srv/a', 'shared-paths': 'a/./.' },
      'shared-paths',
      /without `\.`, `\.\.` or empty parts/
    ],
    [
      'shared path ./ (issue 12: it names the release itself)',
      { ...base, driver: 'releases', source: 'b', path: '/srv/a', 'shared-paths': './' },
      'shared-paths',
      /without `\.`, `\.\.` or empty parts/
    ],
    [
      'shared path a//b (issue 12: it names the release itself)',
      { ...base, driver: 'releases', source: 'b', path: '/srv/a', 'shared-paths': 'a//b' },
      'shared-paths',
      /without `\.`, `\.\.` or empty parts/
    ],
    [
      'environment a/../../etc (issue 12)',
      { ...base, environment: 'a/../../etc' },
      'environment',
      /no `\.`, `\.\.` or empty part/
    ],
    [
      'environment a/./b (issue 12)',
      { ...base, environment: 'a/./b' },
      'environment',
      /no `\.`, `\.\.` or empty part/
    ],
    [
      'environment a//b (issue 12)',
      { ...base, environment: 'a//b' },
      'environment',
      /no `\.`, `\.\.` or empty part/
    ],
    [
      'environment trailing slash (issue 12)',
      { ...base, environment: 'prod/' },
      'environment',
      /no `\.`, `\.\.` or empty part/
    ],
    [
      'environment .. (issue 12)',
      { ...base, environment: '..' },
      'environment',
      /no `\.`, `\.\.` or empty part/
    ],
    [
      'ESC in version (issue 12)',
      { ...base, version: '1.0\u001b[2J' },
      'version',
      /control character U\+00[0-9A-F]{2} at character \d+; expected text without control characters/
    ],
    [
      'NUL in run (issue 12)',
      { ...base, run: 'echo\u0000' },
      'run',
      /control character U\+00[0-9A-F]{2} at character \d+; expected text without control characters/
    ],
    [
      'C1 CSI in environment-url (issue 12)',
      { ...base, 'environment-url': 'https://x.example/\u009b' },
      'environment-url',
      /control character U\+00[0-9A-F]{2} at character \d+; expected text without control characters/
    ],
    [
      'DEL in ssh-key (issue 12)',
      { ...base, 'ssh-key': 'key\u007f' },
      'ssh-key',
      /control character U\+00[0-9A-F]{2} at character \d+; expected text without control characters/
    ],
    [
      'shared path escaping',
      { ...base, driver: 'releases', source: 'b', path: '/srv/a', 'shared-paths': '../etc' },
      'shared-paths',
      /without `\.`, `\.\.`/
    ]
  ])('%s', (_label, raw, input, form) => {
    const err = parseError(raw)
    expect(err.input).toBe(input)
    expect(err.message).toContain(`Input '${input}'`)
    expect(err.message).toMatch(form)
    expect(err.message).not.toContain('\n')
  })

  it('needs a token and a repository for the github ledger', () => {
    expect(parseError({ ...base, token: '' }, inside).input).toBe('token')
    expect(parseError({ ...base, ledger: 'github' }, outside).message).toMatch(
      /repository is unknown/
    )
    expect(parseError({ ...base, ref: '' }, { ...inside, sha: undefined }).input).toBe('ref')
  })

  it('never echoes a secret URL in its error', () => {
    const err = parseError({ ...base, 'notify-url': 'hooks.example/secret-path-123' })
    expect(err.message).not.toContain('secret-path-123')
  })
})

describe('hosts', () => {
  it.each<[string, object[]]>([
    ['local', [{ local: true }]],
    ['web1', [{ host: 'web1', local: false }]],
    ['deploy@web1:2222', [{ user: 'deploy', host: 'web1', port: 2222 }]],
    ['a, b\nc', [{ host: 'a' }, { host: 'b' }, { host: 'c' }]],
    ['root@[::1]:22', [{ user: 'root', host: '::1', port: 22 }]],
    ['10.0.0.5', [{ host: '10.0.0.5' }]]
  ])('parses %j', (text, expected) => {
    expect(parseHosts(text)).toMatchObject(expected)
  })

  it.each([
    '-oProxyCommand=id',
    'web1;id',
    'web1 $(id)',
    'us`er`@h',
    'h:99999',
    'h:port',
    "o'neil@h",
    'a,a',
    ''
  ])('rejects %j', text => {
    expect(() => parseHosts(text)).toThrow(/Input 'hosts'/)
  })
})
