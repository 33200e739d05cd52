import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { generateClientKey, startSshd, type SshdServer } from '../__tests__/support/sshd.js'

/**
 * Several real sshd "hosts" on 127.0.0.1 (Debian's OpenSSH, see __tests__/support/sshd.ts).
 * Each runs in its own mount namespace with its own directory mounted on `mountPoint`, so one
 * deploy path names a different tree on every host, as on real machines; this process reads
 * host i's tree under `hostDir(i)`.
 */
export interface SshHosts {
  servers: SshdServer[]
  /** The path every host sees as its own (deploy paths go under it). */
  mountPoint: string
  /** Where host i's tree lives from this process's point of view. */
  hostDir(index: number): string
  /** The private key every server accepts, and it written to a 0600 file. */
  privateKey: string
  publicKey: string
  keyFile: string
  /** Known-hosts lines of all servers, and them in a file. */
  knownHosts: string
  knownHostsFile: string
  /**
   * The `ssh ...` command line plain rsync gets with `-e` for server i: same key and host key
   * checking as Shiprail, a fresh connection per rsync as a plain rsync makes.
   */
  rsyncShell(index: number): string
  stop(): Promise<void>
}

export async function startSshHosts(dir: string, count: number): Promise<SshHosts> {
  const mountPoint = join(dir, 'mnt')
  const hostDir = (i: number) => join(dir, `host-${i}`)
  await mkdir(mountPoint, { recursive: true })
  const key = await generateClientKey()
  const servers: SshdServer[] = []
  try {
    // One at a time: each start runs ssh-keygen and waits for the banner; in parallel they
    // only fight over the two cores.
    for (let i = 0; i < count; i++) {
      await mkdir(hostDir(i), { recursive: true })
      servers.push(
        await startSshd({
          clientKey: key,
          root: { at: mountPoint, from: hostDir(i) },
          homeAuthorizedKeys: true
        })
      )
    }
  } catch (err) {
    await Promise.all(servers.map(s => s.stop()))
    throw err
  }
  const keyFile = join(dir, 'id_ed25519')
  const knownHostsFile = join(dir, 'known_hosts')
  const knownHosts = servers.map(s => s.knownHostsLine).join('\n') + '\n'
  await writeFile(keyFile, key.privateKey, { mode: 0o600 })
  await writeFile(knownHostsFile, knownHosts)
  return {
    servers,
    mountPoint,
    hostDir,
    privateKey: key.privateKey,
    publicKey: key.publicKey,
    keyFile,
    knownHosts,
    knownHostsFile,
    rsyncShell(index) {
      return [
        'ssh',
        '-i',
        keyFile,
        '-o',
        'IdentitiesOnly=yes',
        '-o',
        'BatchMode=yes',
        '-o',
        `UserKnownHostsFile=${knownHostsFile}`,
        '-o',
        'StrictHostKeyChecking=yes',
        '-o',
        'LogLevel=ERROR',
        '-p',
        String(servers[index].port)
      ].join(' ')
    },
    async stop() {
      await Promise.all(servers.map(s => s.stop()))
      await rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
    }
  }
}
