#!/usr/bin/env node
/**
 * The demo's "platform": the long-running process that serves production from
 * `<deploy root>/current`, as a web server in front of a releases layout does.
 *
 *   node scripts/demo/platform.mjs <deploy-root> <log-file>
 *
 * Listens on a free 127.0.0.1 port and prints one JSON line, {"url", "pid"}, once it does.
 * Every request resolves `current` (realpath) and goes to the app of that release, loaded once
 * per release directory. It exits on SIGTERM, and when its stdin closes: the demo holds
 * the other end, so even a demo killed with SIGKILL leaves no platform behind.
 *
 * Why dispatch per request instead of restarting the app from `after-switch`: the switch is the
 * atomic rename of `current`, so the very next request is answered by the new release and a
 * request already running finishes on the one it started on; nothing is restarted, no port
 * changes hands, no request is dropped (the demo's simulated users count the failures and the
 * report shows none at a good switch). It is the model of nginx + PHP-FPM with `$realpath_root`,
 * or Passenger. A restart from `after-switch` would drop in-flight requests or need socket
 * hand-over code that has nothing to do with what the demo shows. The cost: ES modules cannot be
 * unloaded, so every release served stays in memory, which is nothing for three releases.
 */
import { appendFileSync } from 'node:fs'
import { realpath } from 'node:fs/promises'
import http from 'node:http'
import { basename, join } from 'node:path'
import { pathToFileURL } from 'node:url'

const [root, logFile] = process.argv.slice(2)
if (!root || !logFile) {
  console.error('usage: node scripts/demo/platform.mjs <deploy-root> <log-file>')
  process.exit(2)
}

/** The app's log lines and the platform's own, with a timestamp and the release's version. */
function log(level, version, line) {
  appendFileSync(logFile, `${new Date().toISOString()} ${level} [${version}] ${line}\n`)
}

/** Release directory -> Promise of its app; a failed load is forgotten, so a retry can work. */
const apps = new Map()

function appFor(dir) {
  let app = apps.get(dir)
  if (!app) {
    app = import(pathToFileURL(join(dir, 'app.mjs')).href).then(mod => {
      const loaded = mod.createApp({
        dir,
        log: (level, line) => log(level, loaded?.version ?? basename(dir), line)
      })
      return loaded
    })
    app.catch(() => apps.delete(dir))
    apps.set(dir, app)
  }
  return app
}

function plain(res, status, text) {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store'
  })
  res.end(`${text}\n`)
}

async function handle(req, res) {
  let dir
  try {
    dir = await realpath(join(root, 'current'))
  } catch {
    return plain(res, 503, 'no release is live yet')
  }
  let app
  try {
    app = await appFor(dir)
  } catch (err) {
    log('ERROR', 'platform', `cannot load ${dir}/app.mjs: ${err?.message ?? err}`)
    return plain(res, 502, `the live release (${basename(dir)}) failed to start`)
  }
  res.setHeader('x-release', basename(dir))
  await app.handle(req, res)
}

const server = http.createServer((req, res) => {
  handle(req, res).catch(err => {
    log('ERROR', 'platform', `${req.method} ${req.url}: ${err?.stack ?? err}`)
    if (!res.headersSent) plain(res, 500, 'platform error')
    else res.destroy()
  })
})

let stopping = false
function stop() {
  if (stopping) return
  stopping = true
  server.close(() => process.exit(0))
  server.closeAllConnections()
  // A connection that will not close must not keep the process alive.
  setTimeout(() => process.exit(0), 2000).unref()
}
process.once('SIGTERM', stop)
// The demo stops the platform (SIGTERM, or closing stdin) after its users stop. A Ctrl-C in the
// terminal reaches every process of the group; were the platform to go first, the users' last
// requests would fail and the report would blame a release for it.
process.on('SIGINT', () => {})
process.stdin.on('end', stop)
process.stdin.on('close', stop)
process.stdin.resume()

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address()
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, pid: process.pid })}\n`)
})
