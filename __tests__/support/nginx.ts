import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './sshd.js'

/**
 * Debian's nginx-light serving `<root>/current/` on 127.0.0.1 and a free port, in the
 * foreground with its own prefix and temp dirs. Symlinks are followed and nothing is cached,
 * so every request resolves `current` afresh, the way a real deploy target does.
 */
export interface NginxServer {
  url: string
  stop(): Promise<void>
}

export async function startNginx(root: string): Promise<NginxServer> {
  const dir = await mkdtemp(join(tmpdir(), 'shiprail-nginx-'))
  const port = await freePort()
  for (const sub of ['logs', 'tmp']) await mkdir(join(dir, sub))
  const runAsRoot = process.getuid?.() === 0
  const config = `
${runAsRoot ? 'user root;' : ''}
daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'logs', 'error.log')} error;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${join(dir, 'tmp', 'body')};
  proxy_temp_path ${join(dir, 'tmp', 'proxy')};
  fastcgi_temp_path ${join(dir, 'tmp', 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'tmp', 'uwsgi')};
  scgi_temp_path ${join(dir, 'tmp', 'scgi')};
  disable_symlinks off;
  open_file_cache off;
  keepalive_timeout 30;
  server {
    listen 127.0.0.1:${port};
    root ${root}/current;
    location / { }
  }
}
`
  await writeFile(join(dir, 'nginx.conf'), config)
  const child = spawn(
    '/usr/sbin/nginx',
    ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'logs', 'error.log')],
    { stdio: ['ignore', 'ignore', 'pipe'] }
  )
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
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise(r => child.once('exit', r))
        child.kill('SIGQUIT')
        await Promise.race([exited, new Promise(r => setTimeout(r, 5000).unref())])
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      await rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
    }
  }
}
