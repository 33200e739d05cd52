import {
  findLive,
  parseInspect,
  portFrom,
  upstreamPort,
  type ContainerHost,
  type ContainerInfo
} from '../../src/core/drivers/container-host.js'
import {
  containerRelease,
  healthCheck,
  leftovers,
  pickTargets,
  pruneContainers,
  rollbackCandidates,
  runOptions
} from '../../src/core/drivers/container-plan.js'
import { recordedImages } from '../../src/core/drivers/container-image.js'
import { createContainersDriver } from '../../src/core/drivers/containers-driver.js'
import type { HistoryEntry } from '../../src/core/drivers/release-history.js'
import { containersSettings, request } from './fixtures.js'

const R = (n: number) => `20261130T10000${n}Z-v${n}`
const c = (n: number, state = 'exited', ports: number[] = []): ContainerInfo => ({
  name: `shop-${R(n)}`,
  state,
  release: R(n),
  version: `v${n}`,
  image: `sha256:${String(n).repeat(64)}`,
  ports
})
const h = (n: number, outcome: HistoryEntry['outcome'], extra: Partial<HistoryEntry> = {}) =>
  ({
    release: R(n),
    version: `v${n}`,
    ref: '',
    operation: 'deploy',
    time: '',
    outcome,
    deploymentId: '',
    ...extra
  }) as HistoryEntry

function host(
  containers: ContainerInfo[],
  history: HistoryEntry[],
  upstream?: string
): ContainerHost {
  return {
    transport: { label: 'local' } as ContainerHost['transport'],
    report: { host: 'local', phases: {} },
    root: '/x',
    containers,
    images: new Set(containers.map(x => x.image)),
    history,
    upstream,
    created: false,
    switchTried: false
  }
}

describe('container plan', () => {
  it('names releases docker accepts', () => {
    expect(containerRelease('20261130T100000Z-1.0.0+build.5')).toBe(
      '20261130T100000Z-1.0.0_build.5'
    )
  })

  it('publishes on a free loopback port behind nginx, the user value without a proxy', () => {
    const nginx = runOptions(containersSettings({ dockerArgs: ['--init'] }), R(1), 'v1')
    expect(nginx).toEqual([
      '--detach',
      '--name',
      `shop-${R(1)}`,
      '--label',
      'shiprail.service=shop',
      '--label',
      'shiprail.version=v1',
      '--label',
      `shiprail.release=${R(1)}`,
      '--init',
      '--publish',
      '127.0.0.1::8080'
    ])
    const none = runOptions(containersSettings({ proxy: 'none', publish: '80:8080' }), R(1), 'v1')
    expect(none.slice(-2)).toEqual(['--publish', '80:8080'])
  })

  it.each([
    ['80:8080', '127.0.0.1'],
    ['0.0.0.0:80:8080', '127.0.0.1'],
    ['10.1.2.3:80:8080', '10.1.2.3'],
    ['[::1]:80:8080/tcp', '::1']
  ])('polls health of publish %s on %s', (publish, addr) => {
    expect(healthCheck(containersSettings({ proxy: 'none', publish }), 80).addr).toBe(addr)
  })

  it('reads the live container from the upstream file behind nginx, the newest running one without', () => {
    const running = [c(1, 'running', [32768]), c(2, 'running', [32769]), c(3)]
    expect(findLive(host(running, [], 'server 127.0.0.1:32768;'), 'nginx')?.version).toBe('v1')
    expect(findLive(host(running, [], 'server 127.0.0.1:1;'), 'nginx')).toBeUndefined()
    expect(findLive(host(running, []), 'none')?.version).toBe('v2')
  })

  it('takes a container that never went live and is not live for a leftover of a killed deploy', () => {
    const x = host(
      [c(1, 'running', [5]), c(2, 'running', [6]), c(3)],
      [h(1, 'success'), h(3, 'failure')]
    )
    x.live = x.containers[0]
    expect(leftovers(x).map(l => l.version)).toEqual(['v2', 'v3'])
    // Went live (killed after the reload, before history): it is live, so it stays.
    x.live = x.containers[1]
    expect(leftovers(x).map(l => l.version)).toEqual(['v3'])
  })

  it('prunes beyond keep-releases but never the live one or the rollback target, with their images', () => {
    const containers = [1, 2, 3, 4].map(n => c(n))
    const history = [1, 2, 3, 4].map(n => h(n, 'success'))
    expect(pruneContainers(history, containers, R(4), 1)).toEqual({
      containers: [`shop-${R(1)}`, `shop-${R(2)}`],
      images: [c(1).image, c(2).image]
    })
    // An image another kept container uses stays.
    const shared = [c(1), { ...c(2), image: c(3).image }, c(3), c(4)]
    expect(pruneContainers(history, shared, R(4), 1).images).toEqual([c(1).image])
  })

  it('removes a container that never went live but keeps its image: a retry may deploy it again', () => {
    const containers = [1, 2, 3].map(n => c(n))
    const history = [h(1, 'success'), h(2, 'failure'), h(3, 'success')]
    const pruned = pruneContainers(history, containers, R(3), 1)
    expect(pruned.containers).toContain(`shop-${R(2)}`)
    expect(pruned.images).not.toContain(c(2).image)
  })

  it('offers a removed container as a rollback target while its image and arguments are kept', () => {
    const x = host(
      [c(2)],
      [h(1, 'success', { image: c(1).image, runArgs: ['--detach'] }), h(2, 'success')]
    )
    expect(rollbackCandidates(x)).toEqual([R(2)])
    x.images.add(c(1).image)
    expect(rollbackCandidates(x).sort()).toEqual([R(1), R(2)])
  })

  it.each([
    ['no ID recorded (an older ledger)', undefined, true],
    ['the ID the kept container runs', { image_id: c(1).image }, true],
    [
      'this host’s own ID among several',
      { image_id: null, image_ids: { local: c(1).image } },
      true
    ],
    ['another ID', { image_id: c(2).image }, false],
    ['another ID for this host', { image_id: null, image_ids: { local: c(2).image } }, false]
  ])('a rollback target must run the image ID the ledger recorded: %s', (_, recorded, ok) => {
    const history = [h(1, 'success', { image: c(1).image, runArgs: [] }), h(2, 'success')]
    // The kept container, or (once removed) the image its history line names.
    for (const containers of [[c(1), c(2, 'running')], [c(2, 'running')]]) {
      const x = host(containers, history)
      x.images.add(c(1).image)
      const picked = pickTargets([x], 'shop', 'v1', recorded)
      expect(picked.ok).toBe(ok)
      if (!picked.ok)
        expect(picked.problems).toEqual([
          `local: ${R(1)} runs ${c(1).image}, not ${c(2).image}, the image ID the ledger recorded for v1`
        ])
      else expect(x.next?.name).toBe(`shop-${R(1)}`)
    }
  })

  it('records one image ID when every host runs the same, else each host’s', () => {
    const on = (label: string, n: number) => ({
      ...host([], []),
      transport: { label } as ContainerHost['transport'],
      imageId: c(n).image
    })
    expect(recordedImages([on('a', 1), on('b', 1)])).toEqual({ image_id: c(1).image })
    expect(recordedImages([on('a', 1), on('b', 2)])).toEqual({
      image_id: null,
      image_ids: { a: c(1).image, b: c(2).image }
    })
  })

  it('a dry run says the image goes onto the hosts before the record and the lock', () => {
    const plan = createContainersDriver(containersSettings({ image: 'shop:2' })).plan(request('2'))
    expect(plan.slice(1, 3)).toEqual([
      'pull shop:2 on every host where it is not present, before the deployment is recorded (its payload names the image ID)',
      'lock /nonexistent/.shiprail/lock on every host (wait up to 0 s)'
    ])
    expect(
      createContainersDriver(containersSettings({})).plan(request('1', 'rollback'))[1]
    ).toMatch(/^lock /)
  })

  it('parses what the host reports in one round trip', () => {
    const x = host([], [])
    parseInspect(
      x,
      [
        `/shop-${R(1)}|running|${R(1)}|v1|sha256:${'a'.repeat(64)}|32768 `,
        '--images--',
        `sha256:${'a'.repeat(64)}`,
        '--upstream--',
        'present',
        'server 127.0.0.1:32768;',
        '',
        '--history--',
        JSON.stringify(h(1, 'success')),
        ''
      ].join('\n')
    )
    expect(x.containers).toEqual([
      { ...c(1, 'running', [32768]), image: `sha256:${'a'.repeat(64)}` }
    ])
    expect(x.upstream).toBe('server 127.0.0.1:32768;')
    expect(upstreamPort(x.upstream)).toBe(32768)
    expect(x.history.map(e => e.version)).toEqual(['v1'])
    expect(portFrom('127.0.0.1:32770\n')).toBe(32770)
  })
})
