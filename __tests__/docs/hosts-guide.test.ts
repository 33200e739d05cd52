import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { inputsFor } from '../../src/core/inputs.js'
import { runProcess, type RunResult } from '../../src/core/process-runner.js'
import { ROOT, runCliBundle } from '../support/action-runner.js'
import { startHostSandbox, type HostSandbox } from '../support/host-sandbox.js'

/*
 * docs/hosts.md, run as written against a real sshd host (a copy-on-write sandbox of this
 * machine, see host-sandbox.ts), in the guide's order. Its fenced blocks say where they run:
 * `bash runner` (your machine: here a scratch directory that is also $HOME), `bash host` (the
 * host, as root), `bash deploy` (the host, as the deploy user), `bash systemd` (needs a running
 * systemd, which this machine lacks: each line is checked to be a systemctl command on a unit
 * the guide set up). The only changes: the example host, port, URL and public key become the
 * test's, `npx shiprail` the committed bundle, and apt-get only simulates (APT::Get::Simulate)
 * so the guide's package list is resolved without changing this machine.
 */
const GUIDE = readFileSync(join(ROOT, 'docs/hosts.md'), 'utf8')
const MARKERS = ['runner', 'host', 'deploy', 'systemd'] as const
type Marker = (typeof MARKERS)[number]
const PUBKEY_PLACEHOLDER =
  'ssh-ed25519 AAAA...paste-shiprail_deploy_key.pub-here... shiprail deploy'

interface Block {
  lang: string
  marker: string
  body: string
}

function blocks(markdown: string): Block[] {
  return [...markdown.matchAll(/^```(\S*)[ \t]*(\S*)\n([\s\S]*?)^```$/gm)].map(m => ({
    lang: m[1],
    marker: m[2],
    body: m[3]
  }))
}

const shellBlocks = () => blocks(GUIDE).filter(b => ['bash', 'sh', 'shell'].includes(b.lang))

/*
 * The guide installs nodejs: the sandbox supplies this machine's node where the unit looks.
 * No systemd runs here, so /usr/bin/systemctl is a stand-in that records who asked for what:
 * the deploy's after-switch goes through sudo and the sudoers line exactly as on a real host.
 */
const SYSTEMD_STANDIN = `
[ -x /usr/bin/node ] || ln -s "$(command -v node)" /usr/bin/node
rm -f /usr/bin/systemctl
printf '#!/bin/sh\necho "$(id -un) $*" >> /var/log/systemctl-standin.log\n' > /usr/bin/systemctl
chmod 755 /usr/bin/systemctl`

let guideDone = false
let host: HostSandbox
let scratch: string
let web: Server
let webUrl: string

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'shiprail-guide-'))
  host = await startHostSandbox({ alsoOverlaid: ['/usr/bin'], setup: SYSTEMD_STANDIN })
  web = createServer((_req, res) => res.end('shop'))
  await new Promise<void>(r => web.listen(0, '127.0.0.1', r))
  webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}/`
}, 60_000)

afterAll(async () => {
  await host?.stop()
  if (web) await new Promise(r => web.close(r))
  await rm(scratch, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
})

function localise(text: string, publicKey: string): string {
  return text
    .replaceAll('app1.example.com:22', `127.0.0.1:${host.port}`)
    .replace(/-p 22\b/g, `-p ${host.port}`)
    .replaceAll('app1.example.com', '127.0.0.1')
    .replaceAll('https://shop.example.com/', webUrl)
    .replaceAll('npx shiprail', `node ${join(ROOT, 'dist/cli/index.js')}`)
    .replaceAll(PUBKEY_PLACEHOLDER, publicKey)
}

const sshAsDeploy = (script: string) =>
  runProcess('ssh', {
    env: process.env,
    args: [
      '-i',
      join(scratch, 'shiprail_deploy_key'),
      '-o',
      'IdentitiesOnly=yes',
      '-o',
      `UserKnownHostsFile=${join(scratch, 'known_hosts')}`,
      '-o',
      'BatchMode=yes',
      '-p',
      String(host.port),
      'deploy@127.0.0.1',
      'bash -s'
    ],
    input: `set -euo pipefail\n${script}`,
    timeoutMs: 60_000,
    capture: true
  })

function checkSystemdBlock(body: string, unitsSetUp: string[]): void {
  for (const line of body.split('\n').filter(l => l.trim())) {
    const m = /^systemctl (daemon-reload|enable|restart|reload|start)(?: ([\w@.-]+))?$/.exec(line)
    expect(m).not.toBeNull()
    if (m && m[1] !== 'daemon-reload') expect(unitsSetUp).toContain(m[2])
  }
}

describe('docs/hosts.md', () => {
  test('every shell block says where it runs', () => {
    const shells = shellBlocks()
    expect(shells.length).toBeGreaterThan(8)
    for (const b of shells) expect(MARKERS).toContain(b.marker as Marker)
  })

  test('every command in it works on a fresh host, in order, and doctor passes at the end', async () => {
    const aptConfig = join(scratch, 'apt-simulate.conf')
    await writeFile(aptConfig, 'APT::Get::Simulate "true";\n')
    const out: Record<Marker, string[]> = { runner: [], host: [], deploy: [], systemd: [] }
    let publicKey = PUBKEY_PLACEHOLDER
    for (const block of shellBlocks()) {
      const marker = block.marker as Marker
      const script = localise(block.body, publicKey)
      let result: RunResult | undefined
      if (marker === 'runner') {
        result = await runProcess('bash', {
          args: ['--noprofile', '--norc', '-euo', 'pipefail', '-c', script],
          cwd: scratch,
          env: { PATH: process.env.PATH, HOME: scratch },
          timeoutMs: 120_000,
          capture: true
        })
        if (block.body.includes('ssh-keygen -q -t ed25519'))
          publicKey = readFileSync(join(scratch, 'shiprail_deploy_key.pub'), 'utf8').trim()
      } else if (marker === 'host') {
        result = await host.asRoot(`set -euo pipefail\n${script}`, { APT_CONFIG: aptConfig })
        // The sandbox's sshd runs without PAM, and then refuses accounts with a locked
        // password ('!', useradd's default); Debian's sshd (UsePAM yes) does not.
        if (block.body.includes('useradd')) await host.asRoot(`usermod -p '*' deploy`)
      } else if (marker === 'deploy') {
        result = await sshAsDeploy(script)
      } else {
        checkSystemdBlock(block.body, ['shop.service', 'nginx.service'])
        continue
      }
      if (result.exitCode !== 0) {
        throw new Error(
          `block failed (${marker}, exit ${result.exitCode}):\n${script}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`
        )
      }
      out[marker].push(result.stdout + result.stderr)
      // systemd-analyze exits 0 on unknown keys and typos; it must have nothing to say.
      if (block.body.includes('systemd-analyze verify'))
        expect(result.stdout + result.stderr).toBe('')
    }

    // The fingerprint from ssh-keyscan and the one read on the host are the same key.
    const fingerprints = (texts: string[]) =>
      texts.flatMap(t => [...t.matchAll(/SHA256:[A-Za-z0-9+/]{43}/g)].map(m => m[0]))
    expect(fingerprints(out.runner)).toHaveLength(1)
    expect(fingerprints(out.host)).toEqual(fingerprints(out.runner))

    // The sudoers line allows exactly restart and reload of the unit.
    expect(out.deploy.join('')).toContain('/usr/bin/systemctl restart shop.service')
    expect((await sshAsDeploy('sudo -n -l systemctl reload shop.service')).exitCode).toBe(0)
    for (const denied of [
      'systemctl stop shop.service',
      'systemctl restart nginx.service',
      'bash'
    ]) {
      expect((await sshAsDeploy(`sudo -n -l ${denied}`)).exitCode).not.toBe(0)
    }

    // What the guide left on the host: the secrets file private to the deploy user.
    const env = await host.asRoot('stat -c "%U %a" /srv/shop/shared/.env /srv/shop')
    expect(env.stdout).toBe('deploy 600\ndeploy 755\n')

    // The last block is doctor, and it passed (exit 0 above) with every check.
    const doctor = out.runner.at(-1)!
    expect(doctor).toMatch(/✅ Ready: every check passed on 2 targets/)
    expect(doctor).toMatch(/ssh-auth\s+ok/)
    guideDone = true
  })

  test("then the guide's deploy step, through the CLI, deploys, links .env and restarts the unit", async () => {
    expect(guideDone).toBe(true)
    const [step] = parse(blocks(GUIDE).find(b => b.lang === 'yaml')!.body) as [
      { with: Record<string, string> }
    ]
    await mkdir(join(scratch, 'build'))
    await writeFile(join(scratch, 'build', 'server.js'), 'console.log("shop")\n')
    const knownHosts = readFileSync(join(scratch, 'known_hosts'), 'utf8')
    const expressions: Record<string, string> = {
      '${{ needs.ci.outputs.version }}': '1.0.0',
      '${{ secrets.KNOWN_HOSTS }}': knownHosts
    }
    const flags = Object.entries(step.with)
      // The key goes through the environment, as the CLI documents for secrets.
      .filter(([name]) => name !== 'ssh-key')
      .flatMap(([name, value]) => [`--${name}`, expressions[value] ?? localise(value, '')])
    const run = await runCliBundle(['deploy', ...flags], {
      cwd: scratch,
      env: { SHIPRAIL_SSH_KEY: readFileSync(join(scratch, 'shiprail_deploy_key'), 'utf8') }
    })
    expect(run.stderr).not.toMatch(/error/)
    expect(run.code).toBe(0)
    const onHost = await host.asRoot(
      'cat /var/log/systemctl-standin.log; readlink /srv/shop/current/.env; grep -c PORT /srv/shop/current/.env'
    )
    expect(onHost.stdout).toBe('root restart shop.service\n/srv/shop/shared/.env\n1\n')
    const doctor = await runCliBundle(
      ['doctor', '--hosts', `deploy@127.0.0.1:${host.port}`, '--path', '/srv/shop', '--json'],
      {
        cwd: scratch,
        env: {
          SHIPRAIL_SSH_KEY: readFileSync(join(scratch, 'shiprail_deploy_key'), 'utf8'),
          SHIPRAIL_KNOWN_HOSTS: knownHosts
        }
      }
    )
    expect(doctor.code).toBe(0)
    const live = JSON.parse(doctor.stdout).hosts[0].checks.find(
      (c: { name: string }) => c.name === 'live'
    )
    expect(live.detail).toMatch(/^1\.0\.0 \(release /)
  })

  test("the deploy step's inputs exist, and its after-switch is what sudoers allows", () => {
    const yaml = blocks(GUIDE).filter(b => b.lang === 'yaml')
    expect(yaml).toHaveLength(1)
    const [step] = parse(yaml[0].body) as [{ uses: string; with: Record<string, string> }]
    expect(step.uses).toBe('shiprail/shiprail/deploy@v1')
    const known = inputsFor('deploy').map(i => i.name)
    for (const name of Object.keys(step.with)) expect(known).toContain(name)
    expect(step.with['after-switch']).toBe('sudo -n systemctl restart shop.service')
    expect(GUIDE).toContain('NOPASSWD: /usr/bin/systemctl restart shop.service')
    expect(step.with['shared-files']).toBe('.env')
    expect(step.with.path).toBe('/srv/shop')
  })
})
