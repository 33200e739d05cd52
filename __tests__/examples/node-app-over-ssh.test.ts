import { request as httpGet } from 'node:http'
import { spawnSync } from 'node:child_process'
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseDocument } from 'yaml'
import { ROOT, runCliBundle } from '../support/action-runner.js'
import { startGitHubStandIn, type GitHubStandIn } from '../support/github-standin.js'
import { startHostSandbox, type HostSandbox } from '../support/host-sandbox.js'
import { startNginxProxy, type NginxProxy } from '../support/nginx-proxy.js'
import { freePort, generateClientKey, type ClientKey } from '../support/sshd.js'
import { runWorkflow, type WorkflowRun } from '../support/workflow-runner.js'

/*
 * examples/node-app-over-ssh as a newcomer runs it: three hosts set up as docs/hosts.md says
 * (a `deploy` user with the deploy key, /srv/app with shared/.env, app.service, the sudoers
 * line), `shiprail doctor` against them, then the example's caller workflow run as GitHub runs
 * it (support/workflow-runner.ts): pipeline.yml → ci.yml builds and packs the app → deploy.yml
 * verifies the artifact and runs the committed dist bundles (deploy, smoke-test, status-check,
 * rollback) to staging, then to both production hosts, then the verification. The ledger is
 * GitHub's Deployments API (the stand-in that validates every request). The watch windows are
 * shortened so a run takes seconds; nothing else of the example changes.
 *
 * No systemd runs here: each host's /usr/bin/systemctl is a stand-in that does what systemd
 * does with app.service on `restart` (SIGTERM the running process and wait for it to exit, then
 * start ExecStart again as User, in WorkingDirectory, with EnvironmentFile), reading the unit
 * file the example ships. The app processes it starts are stopped in afterAll.
 */
const EXAMPLE = join(ROOT, 'examples/node-app-over-ssh')
const CALLER = '.github/workflows/deploy.yml'
const REPO = 'octo-org/octo-app'
const TOKEN = 'ghs_exampleStandInToken123456'

const SYSTEMCTL_STANDIN = String.raw`#!/bin/bash
# systemctl stand-in: restart and stop of a unit in /etc/systemd/system, as systemd does them.
set -euo pipefail
action=$1 unit=$2
file=/etc/systemd/system/$unit
key() { sed -n "s/^$1=//p" "$file" | tail -n 1; }
pidfile=/run/standin-$unit.pid
stop() {
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  rm -f "$pidfile"
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}
echo "$(id -un) $*" >> /var/log/systemctl-standin.log
case $action in
  stop) stop ;;
  restart)
    stop
    cd "$(key WorkingDirectory)"
    set -a
    . "$(key EnvironmentFile)"
    set +a
    read -ra command <<< "$(key ExecStart)"
    setsid setpriv --reuid "$(key User)" --regid "$(key Group)" --init-groups -- \
      "${'$'}{command[@]}" >> "/var/log/$unit.log" 2>&1 < /dev/null &
    echo $! > "$pidfile"
    ;;
  *) echo "systemctl stand-in: $action is not done here" >&2; exit 1 ;;
esac
`

/** docs/hosts.md sections 3, 5, 6 and 7 for this app, as one script (as root on the host). */
const HOST_SETUP = `
set -euo pipefail
useradd --create-home --shell /bin/bash deploy
usermod -p '*' deploy
install -d -m 700 -o deploy -g deploy /home/deploy/.ssh
printf '%s\\n' "$PUBKEY" > /home/deploy/.ssh/authorized_keys
chown deploy:deploy /home/deploy/.ssh/authorized_keys
chmod 600 /home/deploy/.ssh/authorized_keys
install -d -m 755 -o deploy -g deploy /srv/app /srv/app/shared
install -m 600 -o deploy -g deploy /dev/null /srv/app/shared/.env
printf 'PORT=%s\\n' "$PORT" >> /srv/app/shared/.env
mkdir -p /etc/systemd/system
printf '%s' "$UNIT" > /etc/systemd/system/app.service
systemd-analyze verify /etc/systemd/system/app.service
echo 'deploy ALL=(root) NOPASSWD: /usr/bin/systemctl restart app.service' > /etc/sudoers.d/app-deploy
chmod 440 /etc/sudoers.d/app-deploy
visudo -cf /etc/sudoers.d/app-deploy >/dev/null`

/** Requests sent one after another to `url` until stopped: how many, and how many failed. */
interface Load {
  target: string
  requests: number
  failed: number
  reasons: Record<string, number>
  /** ms from the first failed request to the end of the last one. */
  failedWindowMs: number
}

function startLoad(target: string, url: string): { stop(): Promise<Load> } {
  const load: Load = { target, requests: 0, failed: 0, reasons: {}, failedWindowMs: 0 }
  let first = 0
  let running = true
  // A new connection per request, as nginx opens one to its upstream for each request.
  const once = () =>
    new Promise<void>(resolve => {
      const started = Date.now()
      const fail = (reason: string) => {
        load.failed++
        load.reasons[reason] = (load.reasons[reason] ?? 0) + 1
        first ||= started
        load.failedWindowMs = Date.now() - first
        resolve()
      }
      const req = httpGet(`${url}/`, { agent: false, timeout: 2000 }, res => {
        res.resume()
        res.on('end', () => (res.statusCode === 200 ? resolve() : fail(`${res.statusCode}`)))
      })
      req.on('timeout', () => req.destroy(new Error('timeout')))
      req.on('error', (err: NodeJS.ErrnoException) => fail(err.code ?? err.message))
      req.end()
    })
  const done = (async () => {
    while (running) {
      load.requests++
      await once()
      await new Promise(r => setTimeout(r, 20))
    }
  })()
  return {
    async stop() {
      running = false
      await done
      return load
    }
  }
}

const describeLoad = (m: Load) =>
  `  ${m.target}: ${m.failed} of ${m.requests} requests failed, within ${m.failedWindowMs} ms (${JSON.stringify(m.reasons)})`

interface Host {
  name: string
  sandbox: HostSandbox
  port: number
  url: string
}

let api: GitHubStandIn
let key: ClientKey
let hosts: Host[] = []
let proxy: NginxProxy
let scratch: string
let knownHosts: string
let runs = 0

let proxyNeverDown: NginxProxy
const staging = () => hosts[0]
const production = () => hosts.slice(1)

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'shiprail-example-'))
  api = await startGitHubStandIn({ token: TOKEN })
  key = await generateClientKey()
  const setup = `cat > /usr/bin/systemctl <<'EOF'\n${SYSTEMCTL_STANDIN}EOF\nchmod 755 /usr/bin/systemctl`
  hosts = await Promise.all(
    ['staging', 'web1', 'web2'].map(async name => {
      const sandbox = await startHostSandbox({ alsoOverlaid: ['/usr/bin'], setup })
      const port = await freePort()
      return { name, sandbox, port, url: `http://127.0.0.1:${port}` }
    })
  )
  for (const h of hosts) {
    const r = await h.sandbox.asRoot(HOST_SETUP, {
      PUBKEY: key.publicKey.trim(),
      PORT: String(h.port),
      UNIT: readFileSync(join(EXAMPLE, 'app.service'), 'utf8')
    })
    if (r.exitCode !== 0) throw new Error(`${h.name} setup failed: ${r.stderr}`)
    // systemd-analyze exits 0 on unknown keys and typos; it must have nothing to say.
    if (r.stdout + r.stderr) throw new Error(`${h.name} setup: ${r.stdout}${r.stderr}`)
  }
  knownHosts = hosts.map(h => h.sandbox.knownHostsLine).join('\n') + '\n'
  // The production URL: nginx over both production hosts, as a load balancer would be; and a
  // second one that never marks a host down (max_fails=0), to measure what that changes.
  proxy = await loadBalancer('')
  proxyNeverDown = await loadBalancer(' max_fails=0')
}, 120_000)

async function loadBalancer(parameters: string): Promise<NginxProxy> {
  const lb = await startNginxProxy()
  writeFileSync(
    lb.upstreamFile,
    production()
      .map(h => `server 127.0.0.1:${h.port}${parameters};\n`)
      .join('')
  )
  const reload = spawnSync('sh', ['-c', lb.reload], { encoding: 'utf8' })
  if (reload.status !== 0) throw new Error(`nginx reload failed: ${reload.stderr}`)
  return lb
}

afterAll(async () => {
  for (const h of hosts) await h.sandbox.asRoot('systemctl stop app.service')
  await Promise.all(hosts.map(h => h.sandbox.stop()))
  await proxy?.stop()
  await proxyNeverDown?.stop()
  await api?.close()
  await rm(scratch, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
})

const hostList = (list: Host[]) => list.map(h => `deploy@127.0.0.1:${h.sandbox.port}`).join('\n')

/**
 * The example checked out at a tag (ci.yml takes the version from it), with the caller's
 * watch windows shortened; `change` edits the app first (a developer's bug).
 */
function checkout(version: string, change?: (dir: string) => void): string {
  const dir = join(scratch, `checkout-${version}`)
  cpSync(EXAMPLE, dir, { recursive: true })
  change?.(dir)
  const caller = parseDocument(readFileSync(join(dir, CALLER), 'utf8'))
  for (const [name, value] of Object.entries({
    'smoke-timeout': 10,
    // deploy.yml watches in rounds of 10 s (status-interval), and a window is at least one.
    'status-duration': 10,
    'verify-duration': 2,
    'verify-interval': 1
  })) {
    caller.setIn(['jobs', 'ship', 'with', name], value)
  }
  writeFileSync(join(dir, CALLER), caller.toString())
  return dir
}

function runOptions(workspace: string, runId: number, version: string) {
  return {
    workspace,
    artifacts: join(scratch, `artifacts-${runId}`),
    github: {
      repository: REPO,
      run_id: String(runId),
      sha: String(runId).padStart(40, 'a'),
      token: TOKEN,
      server_url: 'https://github.com',
      ref_type: 'tag',
      ref_name: `v${version}`
    },
    vars: {
      STAGING_HOSTS: hostList([staging()]),
      PRODUCTION_HOSTS: hostList(production()),
      STAGING_URL: staging().url,
      PRODUCTION_URL: proxy.url
    },
    secrets: { SSH_KEY: key.privateKey, KNOWN_HOSTS: knownHosts },
    env: { GITHUB_API_URL: api.url }
  }
}

async function ship(version: string, change?: (dir: string) => void): Promise<WorkflowRun> {
  const workspace = checkout(version, change)
  const runId = 7000 + ++runs
  api.seedRun(REPO, runId, 'in_progress')
  const run = await runWorkflow(join(workspace, CALLER), runOptions(workspace, runId, version))
  api.seedRun(REPO, runId, 'completed')
  api.expectNoViolations()
  return run
}

function expectResult(run: WorkflowRun, result: WorkflowRun['result']): void {
  if (run.result !== result)
    throw new Error(`the run ended in ${run.result}:\n${run.log.join('\n')}`)
}

async function served(url: string): Promise<string> {
  const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) })
  return ((await res.json()) as { version: string }).version
}

/** What the ledger says of an environment, oldest first: `version:state>state…`. */
function ledger(environment: string): string[] {
  return api
    .deployments(REPO)
    .filter(d => d.environment === environment)
    .reverse()
    .map(
      d => `${(d.payload as { version: string }).version}:${d.statuses.map(s => s.state).join('>')}`
    )
}

describe('examples/node-app-over-ssh, the newcomer path', () => {
  test('doctor: every host is ready before the first deploy', async () => {
    const doctor = await runCliBundle(
      [
        'doctor',
        '--driver',
        'releases',
        '--hosts',
        hostList(hosts),
        '--path',
        '/srv/app',
        '--json'
      ],
      { cwd: scratch, env: { SHIPRAIL_SSH_KEY: key.privateKey, SHIPRAIL_KNOWN_HOSTS: knownHosts } }
    )
    expect(doctor.code).toBe(0)
    const report = JSON.parse(doctor.stdout) as { ok: boolean; hosts: unknown[] }
    expect(report.ok).toBe(true)
    expect(report.hosts).toHaveLength(3)
  })

  test('first deploy: 1.0.0 through staging to both production hosts, smoke-tested, watched, verified', async () => {
    const run = await ship('1.0.0')
    expectResult(run, 'success')
    expect(run.jobs.ship.outputs['production-version']).toBe('1.0.0')
    for (const h of hosts) expect(await served(h.url)).toBe('1.0.0')
    expect(await served(proxy.url)).toBe('1.0.0')
    // Deployed, then the smoke test's and the status check's verdicts recorded on the
    // deployment they checked (production: and a separate verification's, where it has one).
    expect(ledger('staging')).toEqual(['1.0.0:in_progress>success>success>success'])
    expect(ledger('production')).toEqual([
      expect.stringMatching(/^1\.0\.0:in_progress>success>success>success(>success)?$/)
    ])
    for (const h of hosts) {
      const onHost = await h.sandbox.asRoot(
        'cat /var/log/systemctl-standin.log; readlink /srv/app/current/.env'
      )
      expect(onHost.stdout).toBe('root restart app.service\n/srv/app/shared/.env\n')
    }
  }, 300_000)

  test('second deploy: 1.1.0 goes live on both hosts; what the restart costs, measured under load', async () => {
    const loads = [
      ...production().map(h => startLoad(`${h.name} directly`, h.url)),
      startLoad('nginx over both hosts, defaults', proxy.url),
      startLoad('nginx over both hosts, max_fails=0', proxyNeverDown.url)
    ]
    const run = await ship('1.1.0')
    const measured = await Promise.all(loads.map(l => l.stop()))
    expectResult(run, 'success')
    for (const h of hosts) expect(await served(h.url)).toBe('1.1.0')
    console.log(`restart cost during the 1.1.0 deploy:\n${measured.map(describeLoad).join('\n')}`)
    for (const m of measured) expect(m.requests).toBeGreaterThan(100)
    // Straight to a host: connections refused while app.service restarts, nothing else, and
    // for a moment (a few seconds at most, on this busy machine).
    for (const m of measured.slice(0, 2)) {
      expect(Object.keys(m.reasons)).toEqual(['ECONNREFUSED'])
      expect(m.failedWindowMs).toBeLessThan(5000)
    }
  }, 300_000)

  test('failed deploy: 1.2.0 fails its smoke test in staging and is rolled back automatically; production never sees it', async () => {
    const run = await ship('1.2.0', dir => {
      const server = join(dir, 'server.js')
      // A bug: the health endpoint reports itself degraded.
      writeFileSync(
        server,
        readFileSync(server, 'utf8').replace("status: 'ok'", "status: 'degraded'")
      )
    })
    expectResult(run, 'failure')
    expect(run.log).toEqual(
      expect.arrayContaining([
        '  ✗ Smoke-test 1.2.0',
        '  ✓ Roll back staging',
        '  ✓ Smoke-test the rolled-back version',
        '.github/workflows/pipeline.yml production: skipped'
      ])
    )
    expect(run.log.join('\n')).toContain(
      '1.2.0 failed its checks in staging and was rolled back to 1.1.0; its smoke test passed.'
    )
    expect(await served(staging().url)).toBe('1.1.0')
    for (const h of production()) expect(await served(h.url)).toBe('1.1.0')
    const [back, bad] = api.deployments(REPO).filter(d => d.environment === 'staging')
    expect(bad.payload).toMatchObject({ version: '1.2.0', operation: 'deploy' })
    expect(bad.statuses.map(s => s.state)).toContain('failure')
    expect(back.payload).toMatchObject({ version: '1.1.0', operation: 'rollback' })
    expect(back.statuses.at(-1)?.state).toBe('success')
    expect(ledger('production').at(-1)).toMatch(/^1\.1\.0:in_progress>success/)
  }, 300_000)

  test('one host at a time behind nginx with max_fails=0: not one failed request, measured', async () => {
    // deploy.yml called directly (pipeline.yml does not pass `parallel`), with the build of
    // 1.3.0 as `source`: restart.sh restarts a host and waits until it answers, and only then
    // the next host restarts, while nginx sends the refused requests to the other one.
    const workspace = checkout('1.3.0')
    const build = join(workspace, 'build')
    for (const file of ['server.js', 'restart.sh', 'package.json'])
      cpSync(join(workspace, file), join(build, file))
    writeFileSync(join(build, 'VERSION'), '1.3.0\n')
    const loads = [
      startLoad('nginx over both hosts, defaults', proxy.url),
      startLoad('nginx over both hosts, max_fails=0', proxyNeverDown.url)
    ]
    const runId = 7000 + ++runs
    api.seedRun(REPO, runId, 'in_progress')
    const run = await runWorkflow(
      '.github/workflows/deploy.yml',
      runOptions(workspace, runId, '1.3.0'),
      {
        environment: 'production',
        version: '1.3.0',
        'environment-url': proxyNeverDown.url,
        driver: 'releases',
        source: build,
        hosts: hostList(production()),
        path: '/srv/app',
        'shared-files': '.env',
        'after-switch': './restart.sh',
        parallel: 1,
        'smoke-checks': 'checks.yml',
        'status-duration': 0
      }
    )
    const measured = await Promise.all(loads.map(l => l.stop()))
    api.seedRun(REPO, runId, 'completed')
    expectResult(run, 'success')
    for (const h of production()) expect(await served(h.url)).toBe('1.3.0')
    console.log(
      `restart cost during the 1.3.0 deploy, one host at a time:\n${measured.map(describeLoad).join('\n')}`
    )
    const [defaults, neverDown] = measured
    expect(neverDown.requests).toBeGreaterThan(50)
    expect(neverDown.failed).toBe(0)
    expect(defaults.requests).toBeGreaterThan(50)
  }, 300_000)
})
