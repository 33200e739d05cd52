import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deadPort, freePort } from './sshd.js'

/**
 * Debian's nginx-light as the reverse proxy in front of the containers driver: an
 * `upstream app { include <upstreamFile>; }` block, the way a user's config includes the file
 * Shiprail replaces. `reload` is the proxy-reload command for this instance: it checks the
 * config first (nginx -t), so a broken upstream file makes the reload fail, as it would there.
 */
export interface NginxProxy {
  url: string
  dir: string
  upstreamFile: string
  reload: string
  stop(): Promise<void>
}

export async function startNginxProxy(options: { dir?: string } = {}): Promise<NginxProxy> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'shiprail-proxy-')))
  const port = await freePort()
  for (const sub of ['logs', 'tmp']) await mkdir(join(dir, sub), { recursive: true })
  const upstreamFile = join(dir, 'upstream.conf')
  // nginx refuses an upstream without servers: until the first deploy, a port nothing serves.
  await writeFile(upstreamFile, `server 127.0.0.1:${await deadPort()};\n`)
  const conf = join(dir, 'nginx.conf')
  const config = `
${process.getuid?.() === 0 ? 'user root;' : ''}
daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'logs', 'error.log')} error;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${join(dir, 'tmp', 'body')};
  proxy_temp_path ${join(dir, 'tmp', 'proxy')};
  fastcgi_temp_path ${join(dir, 'tmp', 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'tmp', 'uwsgi')};
  scgi_temp_path ${join(dir, 'tmp', 'scgi')};
  upstream app { include ${upstreamFile}; }
  server {
    listen 127.0.0.1:${port};
    location / { proxy_pass http://app; }
  }
}
`
  await writeFile(conf, config)
  const args = ['-p', dir, '-c', conf, '-e', join(dir, 'logs', 'error.log')]
  const child = spawn('/usr/sbin/nginx', args, { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', d => (stderr += d.toString()))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 10_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`)
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) })
      break
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL')
        throw new Error(`nginx did not start: ${stderr}`)
      }
      await new Promise(r => setTimeout(r, 100))
    }
  }
  return {
    url,
    dir,
    upstreamFile,
    reload: reloadCommand(dir),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise(r => child.once('exit', r))
        child.kill('SIGQUIT')
        await Promise.race([exited, new Promise(r => setTimeout(r, 5000).unref())])
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      if (!options.dir)
        await rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
    }
  }
}

/**
 * The proxy-reload command for the instance in `dir`, with `dir` as the host sees it (a host in
 * its own mount namespace sees its directory at a shared path). It checks the config first, so
 * a broken upstream file fails the reload as it would on a real host. `nginx -s reload` only
 * signals the master; the pause lets a test read the new upstream right after a deploy.
 */
export function reloadCommand(dir: string): string {
  const nginx = [
    '/usr/sbin/nginx',
    '-p',
    dir,
    '-c',
    join(dir, 'nginx.conf'),
    '-e',
    join(dir, 'logs', 'error.log')
  ]
    .map(a => `'${a}'`)
    .join(' ')
  return `${nginx} -q -t && ${nginx} -s reload && sleep 0.3`
}
