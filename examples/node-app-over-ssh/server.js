// A web app with no dependencies: `/` says hello, `/health` says which version runs. It reads
// PORT from the environment (systemd's EnvironmentFile, see app.service) and its version from
// the VERSION file the build writes next to it.
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'

const version = readFileSync(new URL('./VERSION', import.meta.url), 'utf8').trim()
const port = Number(process.env.PORT ?? 3000)

const server = createServer((req, res) => {
  if (req.url === '/health') {
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify({ status: 'ok', version }))
  } else if (req.url === '/') {
    res.setHeader('content-type', 'text/plain')
    res.end(`hello from ${version}\n`)
  } else {
    res.statusCode = 404
    res.end('not found\n')
  }
})

server.listen(port, '127.0.0.1', () => console.log(`app ${version} listening on 127.0.0.1:${port}`))

// systemctl restart sends SIGTERM: stop accepting, let requests in flight finish, then exit.
// Idle keep-alive connections are closed at once, or they would hold the exit back.
process.once('SIGTERM', () => {
  server.close(() => process.exit(0))
  server.closeIdleConnections()
})
