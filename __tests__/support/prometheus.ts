import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './test-http-server.js'

/**
 * Debian's prometheus on 127.0.0.1 and a free port, scraping the given targets every second,
 * with its data in a temp dir. One job per target, named as given, so a test can pick a
 * service with `{job="..."}`.
 */
export interface PrometheusServer {
  url: string
  /** Runs an instant query; the single value, or undefined when there is not exactly one. */
  value(query: string): Promise<number | undefined>
  /** Waits until test(value of query) holds; throws after timeoutMs. */
  waitFor(
    query: string,
    test: (value: number | undefined) => boolean,
    timeoutMs?: number
  ): Promise<number | undefined>
  stop(): Promise<void>
}

const BINARY = '/usr/bin/prometheus'

export async function startPrometheus(targets: Record<string, string>): Promise<PrometheusServer> {
  const dir = await mkdtemp(join(tmpdir(), 'shiprail-prometheus-'))
  const port = await freePort()
  const jobs = Object.entries(targets)
    .map(
      ([job, target]) => `  - job_name: ${JSON.stringify(job)}
    static_configs:
      - targets: [${JSON.stringify(target)}]`
    )
    .join('\n')
  const config = `global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
scrape_configs:
${jobs}
`
  await writeFile(join(dir, 'prometheus.yml'), config)
  const child = spawn(
    BINARY,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn'
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] }
  )
  let stderr = ''
  child.stderr?.on('data', d => (stderr = (stderr + d.toString()).slice(-4000)))
  const url = `http://127.0.0.1:${port}`

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise(r => child.once('exit', r))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    }
    await rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
  }

  // /-/ready answers 200 once the TSDB is open and the server takes queries.
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) {
      await stop()
      throw new Error(`prometheus exited: ${stderr}`)
    }
    const ready = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1000) }).then(
      r => r.ok,
      () => false
    )
    if (ready) break
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`prometheus did not become ready: ${stderr}`)
    }
    await new Promise(r => setTimeout(r, 100))
  }

  const value = async (query: string) => {
    const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(query)}`, {
      signal: AbortSignal.timeout(5000)
    })
    const body = (await res.json()) as {
      data?: { resultType: string; result: unknown }
    }
    const data = body.data
    if (data?.resultType === 'scalar') return Number((data.result as [number, string])[1])
    if (data?.resultType !== 'vector') return undefined
    const result = data.result as { value: [number, string] }[]
    return result.length === 1 ? Number(result[0].value[1]) : undefined
  }

  return {
    url,
    value,
    async waitFor(query, test, timeoutMs = 20_000) {
      const end = Date.now() + timeoutMs
      for (;;) {
        const v = await value(query).catch(() => undefined)
        if (test(v)) return v
        if (Date.now() > end)
          throw new Error(`prometheus: ${query} did not reach the expected value (last ${v})`)
        await new Promise(r => setTimeout(r, 250))
      }
    },
    stop
  }
}
