import { runLogScan, scanText } from '../../src/core/checks/log-scan.js'
import { parseRegex } from '../../src/core/checks/yaml-fields.js'
import { startMetricsApp, type MetricsApp } from '../support/metrics-app.js'
import { testContext } from '../support/context.js'

const DEFAULT = parseRegex('\\b(ERROR|FATAL|panic)\\b')

describe('scanText', () => {
  it.each([
    ['', DEFAULT, 0, 0, []],
    ['INFO started\nINFO ready\n', DEFAULT, 2, 0, []],
    ['INFO a\nERROR b\nWARN c\nFATAL d\n', DEFAULT, 4, 2, ['ERROR b', 'FATAL d']],
    // Whole words only: ERRORS and errorCount are not error lines.
    ['ERRORS=0\nerrorCount=0\nno_ERROR_here\n', DEFAULT, 3, 0, []],
    ['goroutine panic: nil map\r\n', DEFAULT, 1, 1, ['goroutine panic: nil map']],
    ['level=error msg=x\nlevel=info\n', parseRegex('/level=error/i'), 2, 1, ['level=error msg=x']],
    ['no newline at the end ERROR', DEFAULT, 1, 1, ['no newline at the end ERROR']]
  ])('%j', (text, pattern, lines, count, first) => {
    expect(scanText(text, pattern)).toEqual({ lines, count, first })
  })

  it('keeps only the first matches, cut to a readable length', () => {
    const text = Array.from(
      { length: 25 },
      (_, i) => `ERROR ${i} ${'x'.repeat(i === 0 ? 900 : 3)}`
    ).join('\n')
    const result = scanText(text, DEFAULT)
    expect(result.count).toBe(25)
    expect(result.first).toHaveLength(10)
    expect(result.first[0]).toHaveLength(500)
    expect(result.first[0].endsWith('…')).toBe(true)
    expect(result.first[9]).toBe('ERROR 9 xxx')
  })
})

describe('runLogScan against a real log file', () => {
  let app: MetricsApp
  beforeAll(async () => {
    app = await startMetricsApp({ trafficPerSecond: 0 })
  })
  afterAll(() => app.close())

  it('counts error lines in the output, keeps the first ones with secrets masked', async () => {
    app.log('INFO boot')
    app.log('ERROR payment call failed: token=sk_live_abcdef123456 rejected')
    app.log('INFO ok')
    app.log('FATAL out of memory')
    const ctx = testContext()
    ctx.secrets.add('sk_live_abcdef123456')
    ctx.run.env = { ...ctx.run.env, APP_LOG: app.logFile }
    const report = await runLogScan(
      { command: 'tail -n 100 "$APP_LOG"', pattern: DEFAULT, maxErrors: 1 },
      ctx
    )
    expect(report).toMatchObject({
      command: 'tail -n 100 "$APP_LOG"',
      errorCount: 2,
      maxErrors: 1,
      passed: false,
      reason: '2 error lines in 4 lines, over the 1 allowed',
      exitCode: 0
    })
    expect(report.firstMatches).toHaveLength(2)
    expect(report.firstMatches[0]).toMatch(/ERROR payment call failed: token=\*\*\* rejected$/)
    expect(JSON.stringify(report)).not.toContain('sk_live_abcdef123456')
  })

  it('passes values through the environment, never through the script text', async () => {
    const ctx = testContext()
    ctx.run.env = { ...ctx.run.env, APP_LOG: app.logFile }
    const report = await runLogScan(
      {
        command:
          'echo "window from $SHIPRAIL_WINDOW_START ERROR"; echo "$0" | grep -q log-command.sh',
        pattern: DEFAULT,
        maxErrors: 5,
        env: { SHIPRAIL_WINDOW_START: '2024-05-01T12:00:00Z; rm -rf /' }
      },
      ctx
    )
    expect(report).toMatchObject({ passed: true, errorCount: 1, exitCode: 0 })
    expect(report.firstMatches).toEqual(['window from 2024-05-01T12:00:00Z; rm -rf / ERROR'])
  })

  it('scans stderr too (docker logs replays a container’s stderr there)', async () => {
    const report = await runLogScan(
      { command: 'echo "INFO up"; echo "panic: boom" >&2', pattern: DEFAULT, maxErrors: 0 },
      testContext()
    )
    expect(report).toMatchObject({ passed: false, errorCount: 1, linesScanned: 2 })
  })

  it('fails with the command’s own words when it fails, however clean its output', async () => {
    const ctx = testContext()
    ctx.run.env = { ...ctx.run.env, APP_LOG: `${app.logFile}.missing` }
    const report = await runLogScan(
      { command: 'tail -n 100 "$APP_LOG"', pattern: DEFAULT, maxErrors: 0 },
      ctx
    )
    expect(report.passed).toBe(false)
    expect(report.exitCode).toBe(1)
    expect(report.reason).toMatch(
      /^log-command exited with status 1: tail: cannot open .*app\.log\.missing.*No such file or directory/
    )
  })

  it('stops a command that runs too long', async () => {
    const report = await runLogScan(
      { command: 'echo "ERROR one"; sleep 30', pattern: DEFAULT, maxErrors: 0, timeoutMs: 300 },
      testContext()
    )
    expect(report.passed).toBe(false)
    expect(report.reason).toMatch(/^log-command was stopped after \d+ s \(timeout\)/)
    expect(report.reason).toContain('1 error line in the 1 line it printed')
  })
})
