import { appendFile, chmod, chown, mkdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { mustRun } from './processes.js'
import type { SshHosts } from './ssh-hosts.js'

/**
 * The bench's deploy user: a plain account whose login shell is /bin/sh and which has its own
 * ~/.ssh/authorized_keys, as a deploy user on a real server has. Root's login shell here starts
 * pyenv from ~/.bashrc on every SSH command, which would measure this machine, not the tool.
 */
export const DEPLOY_USER = 'shiprail-bench'

export interface DeployUser {
  user: string
  /** A directory every host's deploy user owns, as the hosts see it. */
  path: string
}

/** Creates the user once (needs root), authorizes the bench key, gives it a dir on every host. */
export async function deployUser(ssh: SshHosts): Promise<DeployUser> {
  if (process.getuid?.() !== 0) throw new Error('creating the deploy user needs root')
  const exists = await mustRun('id', ['-u', DEPLOY_USER], { timeoutMs: 10_000 }).then(
    () => true,
    () => false
  )
  // '*' rather than useradd's default locked password ('!'): sshd without PAM refuses key
  // logins to locked accounts.
  if (!exists) {
    await mustRun('useradd', ['-m', '-s', '/bin/sh', '-p', '*', DEPLOY_USER], {
      timeoutMs: 30_000
    })
  }
  const ids = await mustRun('id', [DEPLOY_USER], { timeoutMs: 10_000 })
  const uid = Number(/uid=(\d+)/.exec(ids.stdout)![1])
  const gid = Number(/gid=(\d+)/.exec(ids.stdout)![1])
  const home = (
    await mustRun('sh', ['-c', `getent passwd ${DEPLOY_USER} | cut -d: -f6`], {
      timeoutMs: 10_000
    })
  ).stdout.trim()
  await mkdir(join(home, '.ssh'), { recursive: true, mode: 0o700 })
  // Added, not replaced: another bench run on this machine may be using its own key right now.
  const keys = join(home, '.ssh', 'authorized_keys')
  const present = await readFile(keys, 'utf8').catch(() => '')
  const line = ssh.publicKey.trim()
  if (!present.split('\n').includes(line)) {
    await appendFile(keys, `${present && !present.endsWith('\n') ? '\n' : ''}${line}\n`, {
      mode: 0o600
    })
  }
  await chown(join(home, '.ssh'), uid, gid)
  await chown(join(home, '.ssh', 'authorized_keys'), uid, gid)
  // The hosts' mount point lies in the bench's private (0700) work directory.
  await chmod(dirname(dirname(ssh.mountPoint)), 0o711)
  for (let i = 0; i < ssh.servers.length; i++) {
    const dir = join(ssh.hostDir(i), 'deploy-user')
    await mkdir(dir, { recursive: true })
    await chown(dir, uid, gid)
  }
  return { user: DEPLOY_USER, path: join(ssh.mountPoint, 'deploy-user') }
}
