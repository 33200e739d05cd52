import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseDeploySettings } from '../../src/core/settings/deploy-settings.js'
import { IMAGE_PATTERN, dockerArgProblem } from '../../src/core/settings/containers-settings.js'
import { runCliBundle } from '../support/action-runner.js'
import { buildTestImage, startDockerEngine, type DockerEngine } from '../support/docker.js'
import { containersOf } from './fixtures.js'

const defaults = { insideActions: false }
const base = {
  environment: 'staging',
  version: '1.0.0',
  driver: 'containers',
  service: 'shop',
  image: 'shop:1',
  ledger: 'none'
}

describe('containers inputs', () => {
  it('reads the SPEC names with their defaults', () => {
    const s = parseDeploySettings(base, defaults)
    expect(s.driver).toMatchObject({
      kind: 'containers',
      image: 'shop:1',
      service: 'shop',
      path: '~/.shiprail/shop',
      proxy: 'none',
      healthTimeoutSeconds: 60,
      drainSeconds: 10,
      keepReleases: 5,
      proxyReload: 'nginx -s reload',
      hosts: [{ label: 'local', local: true }]
    })
  })

  it('refuses before-switch-once, which this driver would skip: its before-switch runs once', () => {
    expect(() =>
      parseDeploySettings({ ...base, 'before-switch-once': 'bin/migrate' }, defaults)
    ).toThrow(
      "Input 'before-switch-once' is for `driver: releases`; with `driver: containers`, `before-switch` already runs once, on the first host"
    )
  })

  it.each([
    ['shop:1.2.3', true],
    ['registry.example.com:5000/team/shop:v2', true],
    [`shop@sha256:${'a'.repeat(64)}`, true],
    ['localhost:5000/shop', true],
    ['shop 1', false],
    ['-shop', false],
    ['--help', false],
    ['shop;id', false],
    ['$(id)', false],
    ['Shop', false],
    ['shop:1\n', false]
  ])('image %j accepted: %s', (image, ok) => {
    expect(IMAGE_PATTERN.test(image)).toBe(ok)
  })

  it.each([
    ['--env-file=/etc/shop.env', undefined],
    ['--volume=/srv/data:/data', undefined],
    ['--network=shop', undefined],
    ['-it', undefined],
    ['-eFOO=bar', undefined],
    ['--init', undefined],
    ['--name', /--name/],
    ['--name=x', /--name/],
    ['--publish=80:80', /--publish/],
    ['-p', /-p/],
    ['-p8080:80', /-p/],
    ['--detach', /--detach/],
    ['--detach=false', /--detach/],
    ['-d', /-d/],
    ['-itd', /-d/],
    ['--rm', /--rm/],
    ['--rm=false', /--rm/],
    ['shop:2', /not an option/],
    ['--', /not an option/]
  ])('docker-args line %j', (arg, problem) => {
    const found = dockerArgProblem(arg)
    if (problem === undefined) expect(found).toBeUndefined()
    else expect(found).toMatch(problem)
  })
})

describe('hostile containers inputs through the CLI: one line, exit 2, nothing started', () => {
  let engine: DockerEngine
  beforeAll(async () => {
    engine = await startDockerEngine()
    await buildTestImage(engine, 'shop:1', '1')
  }, 120_000)
  afterAll(async () => {
    await engine?.stop()
  })

  it.each<[string, Record<string, string>, RegExp]>([
    [
      'a hostile service',
      { service: 'shop;touch /tmp/x' },
      /^error: Input 'service' is "shop;touch/
    ],
    ['a service with a slash', { service: '../etc' }, /^error: Input 'service' is "..\/etc"/],
    [
      'an image with a space',
      { image: 'shop:1 --privileged' },
      /^error: Input 'image' is "shop:1 --privileged"/
    ],
    [
      'an image that is an option',
      { image: '--privileged' },
      /^error: Input 'image' is "--privileged"/
    ],
    [
      'docker-args with --name',
      { 'docker-args': '--name=evil' },
      /^error: Input 'docker-args' has "--name=evil"/
    ],
    ['docker-args with -p', { 'docker-args': '-p\n80:80' }, /^error: Input 'docker-args' has "-p"/],
    [
      'docker-args with --detach',
      { 'docker-args': '--detach' },
      /^error: Input 'docker-args' has "--detach"/
    ],
    [
      'docker-args with --rm',
      { 'docker-args': '--init\n--rm' },
      /^error: Input 'docker-args' has "--rm"/
    ],
    [
      'docker-args with --publish',
      { 'docker-args': '--publish=1:1' },
      /^error: Input 'docker-args' has "--publish=1:1"/
    ],
    [
      'proxy nginx without upstream-file',
      { proxy: 'nginx', 'container-port': '8080' },
      /^error: Input 'upstream-file' is required with `proxy: nginx`/
    ]
  ])('%s', async (_name, inputs, message) => {
    const cwd = mkdtempSync(join(tmpdir(), 'shiprail-ctr-cli-'))
    const args = Object.entries({ ...base, ...inputs }).map(([k, v]) => `--${k}=${v}`)
    const run = await runCliBundle(['deploy', ...args, '--path', join(cwd, 'state')], {
      cwd,
      env: { DOCKER_HOST: engine.host }
    })
    expect(run.code).toBe(2)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(message)
    expect(containersOf(engine, 'shop')).toEqual([])
    expect(engine.docker(['ps', '-aq'])).toBe('')
  })
})
