#!/usr/bin/env node
/**
 * Runs the example app on its own: `node server.mjs [port]` (default 8080, or $PORT), serving
 * the build in this directory. The demo does not use this file: its platform loads app.mjs
 * from the live release (scripts/demo/platform.mjs).
 */
import http from 'node:http'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createApp } from './app.mjs'

const port = Number(process.argv[2] ?? process.env.PORT ?? 8080)
const app = createApp({ dir: dirname(fileURLToPath(import.meta.url)) })
const server = http.createServer((req, res) => void app.handle(req, res))
server.listen(port, '127.0.0.1', () => {
  console.log(`example app ${app.version} on http://127.0.0.1:${server.address().port}`)
})
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close())
