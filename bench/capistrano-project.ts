import { lstat, mkdir, readdir, readFile, readlink, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { lastLines, mustRun, timedRun, type TimedRun } from './processes.js'
import type { ReleaseTree } from './release-tree.js'
import type { SshHosts } from './ssh-hosts.js'

/**
 * Capistrano 3 as a user sets it up, driven by the bench: a bare git repository made from a
 * release tree (Capistrano deploys from git), and a project folder (Capfile, config/deploy.rb,
 * one stage file per host count) pointing at the bench's sshd hosts.
 *
 * Each "host" sees its own tree only under `ssh.mountPoint`; everything else (the bare
 * repository, this process's temp folders) is the same filesystem in every host's mount
 * namespace, so a `file://` URL outside the mount point reaches the same repository from
 * every host, as a git server would.
 */

const GIT_IDENTITY = ['-c', 'user.name=Shiprail bench', '-c', 'user.email=bench@localhost']
const GIT_TIMEOUT_MS = 5 * 60_000

/** A bare repository holding a release tree, the way a git server holds an app. */
export interface GitSource {
  /** `file://...`: a URL rather than a path, so every clone goes through git's transport. */
  url: string
  /** Commits the tree as it is now (after changeOneFile, say) to `main`. */
  commit(message: string): Promise<void>
}

export async function createGitSource(
  tree: ReleaseTree,
  bareDir: string,
  /**
   * `server`: repacked into one delta-compressed pack, as a git server's repository is after gc
   * (for repositories whose clones are timed). `cheap`: no compression and no delta search, so
   * committing and cloning a large tree that is cloned once, untimed, costs the run little.
   */
  packing: 'server' | 'cheap'
): Promise<GitSource> {
  const git = (args: string[]) =>
    mustRun('git', [`--git-dir=${bareDir}`, ...GIT_IDENTITY, ...args], {
      timeoutMs: GIT_TIMEOUT_MS
    })
  await mustRun('git', ['init', '--quiet', '--bare', '--initial-branch=main', bareDir], {
    timeoutMs: GIT_TIMEOUT_MS
  })
  // A commit of 10,000 new objects would start `git gc --auto` in the background, on the same
  // two cores as the measurements.
  await git(['config', 'gc.auto', '0'])
  if (packing === 'cheap') {
    // upload-pack reads these from the served repository when it builds a clone's pack.
    await git(['config', 'core.compression', '0'])
    await git(['config', 'pack.window', '0'])
  }
  // The work tree is the release folder itself, so it never holds a .git that a tool reading
  // the folder (Shiprail, rsync) would ship.
  const commit = async (message: string) => {
    await git([`--work-tree=${tree.dir}`, 'add', '--all'])
    await git([`--work-tree=${tree.dir}`, 'commit', '--quiet', '--message', message])
  }
  await commit('release')
  if (packing === 'server') await git(['repack', '-a', '-d', '--quiet'])
  return { url: `file://${bareDir}`, commit }
}

/** A Ruby single-quoted string literal (no interpolation, only \\ and \' escaped). */
function rubyString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}

export interface CapistranoProject {
  dir: string
  /** The stage whose roles list the first `hosts` servers. */
  stage(hosts: number): string
  /**
   * Runs `cap <stage> <task>` (deploy, deploy:rollback) with `repoUrl` and `deployTo` for this
   * run, and fails on a non-zero exit with the end of Capistrano's output.
   */
  run(
    hosts: number,
    task: string,
    target: { repoUrl: string; deployTo: string },
    timeoutMs: number
  ): Promise<CapRun>
}

export interface CapRun extends TimedRun {
  /** Commands Capistrano ran over SSH in this run, all hosts together (from its log file). */
  commands: number
}

/**
 * Writes the project: `lock`, application, repository and deploy path (the latter two from the
 * environment, so one project serves every run), `keep_releases` 5, and SSH options that use
 * the bench's key and known-hosts file and nothing of the user's (~/.ssh/config, agent).
 */
export async function writeCapistranoProject(
  dir: string,
  ssh: SshHosts,
  hostCounts: number[],
  /** Where Capistrano uploads its git wrapper script on each host. */
  hostTmpDir: string
): Promise<CapistranoProject> {
  await mkdir(join(dir, 'config', 'deploy'), { recursive: true })
  await writeFile(
    join(dir, 'Capfile'),
    [
      'require "capistrano/setup"',
      'require "capistrano/deploy"',
      'require "capistrano/scm/git"',
      'install_plugin Capistrano::SCM::Git',
      ''
    ].join('\n')
  )
  await writeFile(
    join(dir, 'config', 'deploy.rb'),
    [
      'lock "~> 3.17"',
      'set :application, "bench"',
      'set :repo_url, ENV.fetch("BENCH_REPO_URL")',
      'set :branch, "main"',
      'set :deploy_to, ENV.fetch("BENCH_DEPLOY_TO")',
      // Each host sees its own copy of this folder (it is under the mount point), so eight
      // hosts never write one wrapper script at once.
      `set :tmp_dir, ${rubyString(hostTmpDir)}`,
      'set :keep_releases, 5',
      'set :ssh_options, {',
      `  keys: [${rubyString(ssh.keyFile)}],`,
      '  keys_only: true,',
      '  use_agent: false,',
      '  config: false,',
      '  auth_methods: ["publickey"],',
      `  user_known_hosts_file: ${rubyString(ssh.knownHostsFile)},`,
      '  global_known_hosts_file: "/dev/null",',
      '  verify_host_key: :always',
      '}',
      ''
    ].join('\n')
  )
  const stage = (hosts: number) => `hosts${hosts}`
  for (const hosts of hostCounts) {
    const lines = ssh.servers
      .slice(0, hosts)
      .map(
        s =>
          `server ${rubyString(s.host)}, user: ${rubyString(s.label.split('@')[0])}, port: ${s.port}, roles: %w[app]`
      )
    await writeFile(join(dir, 'config', 'deploy', `${stage(hosts)}.rb`), lines.join('\n') + '\n')
  }
  return {
    dir,
    stage,
    async run(hosts, task, target, timeoutMs) {
      // airbrussh writes every command, with debug-level ones, to this file; it only grows.
      const logFile = join(dir, 'log', 'capistrano.log')
      const logBefore = await readFile(logFile, 'utf8').catch(() => '')
      const result = await timedRun('cap', [stage(hosts), task], {
        cwd: dir,
        timeoutMs,
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: process.env.HOME ?? dir,
          // airbrussh prints ✔ and the like.
          LANG: 'C.UTF-8',
          BENCH_REPO_URL: target.repoUrl,
          BENCH_DEPLOY_TO: target.deployTo
        }
      })
      if (result.code !== 0) {
        throw new Error(
          `cap ${stage(hosts)} ${task} exited with ${result.code}: ${lastLines(result.stdout + result.stderr, 8)} (full log: ${logFile})`
        )
      }
      const log = (await readFile(logFile, 'utf8')).slice(logBefore.length)
      return { ...result, commands: (log.match(/^\s*\w+ \[\w+\] Running /gm) ?? []).length }
    }
  }
}

/** Versions of Capistrano, Ruby and the Ruby SSH library it uses, for the report. */
export async function capistranoVersions(): Promise<{
  capistrano: string
  ruby: string
  netSsh: string
}> {
  const cap = await timedRun('cap', ['--version'], { timeoutMs: 30_000 }).catch(() => undefined)
  if (!cap || cap.code !== 0) {
    throw new Error(
      'Capistrano 3 is needed (`cap` not found or failing): on Debian, apt-get install capistrano'
    )
  }
  const ruby = await timedRun(
    'ruby',
    ['-e', 'puts RUBY_VERSION; require "net/ssh"; puts Net::SSH::Version::STRING'],
    { timeoutMs: 30_000 }
  )
  const [rubyVersion, netSsh] = ruby.stdout.trim().split('\n')
  return {
    capistrano: /Capistrano Version: (\S+)/.exec(cap.stdout)?.[1] ?? cap.stdout.trim(),
    ruby: rubyVersion || 'unknown',
    netSsh: netSsh || 'unknown'
  }
}

/**
 * The release host `index`'s `current` points to, as a folder this process can read. The link
 * holds the path as the host sees it (under the mount point).
 */
export async function currentRelease(
  ssh: SshHosts,
  index: number,
  deployTo: string
): Promise<{ name: string; dir: string }> {
  const hostPath = (p: string) => join(ssh.hostDir(index), relative(ssh.mountPoint, p))
  const target = await readlink(join(hostPath(deployTo), 'current'))
  return { name: target.split('/').pop() ?? target, dir: hostPath(target) }
}

/**
 * Checks that host `index` serves the tree as it is now: `current` names a release whose
 * changing file matches the local one and, when `countFiles`, holds every file.
 */
export async function verifyDeployed(
  ssh: SshHosts,
  index: number,
  deployTo: string,
  tree: ReleaseTree,
  countFiles: boolean
): Promise<string> {
  const release = await currentRelease(ssh, index, deployTo)
  const [want, got] = await Promise.all([
    readFile(join(tree.dir, tree.changingFile)),
    readFile(join(release.dir, tree.changingFile)).catch(() => undefined)
  ])
  if (!got?.equals(want)) {
    throw new Error(
      `Capistrano's current release on host ${index} (${release.name}) does not hold the tree just deployed`
    )
  }
  if (countFiles) {
    const entries = await readdir(release.dir, { recursive: true, withFileTypes: true })
    // REVISION is Capistrano's own file in every release.
    const files = entries.filter(e => e.isFile() && e.name !== 'REVISION').length
    if (files !== tree.files) {
      throw new Error(`host ${index}, release ${release.name}: ${files} files, not ${tree.files}`)
    }
  }
  return release.name
}

/**
 * Bytes under the git mirror Capistrano keeps on host `index` (`<deploy_to>/repo/objects`):
 * the growth across a deploy is what git fetched into it.
 */
export async function mirrorBytes(ssh: SshHosts, index: number, deployTo: string): Promise<number> {
  const dir = join(ssh.hostDir(index), relative(ssh.mountPoint, deployTo), 'repo', 'objects')
  let entries: string[]
  try {
    entries = await readdir(dir, { recursive: true })
  } catch {
    return 0
  }
  let total = 0
  for (const entry of entries) {
    const stat = await lstat(join(dir, entry))
    if (stat.isFile()) total += stat.size
  }
  return total
}
