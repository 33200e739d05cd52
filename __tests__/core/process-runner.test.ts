import { runProcess } from '../../src/core/process-runner.js'

describe('runProcess', () => {
  test('decodes a character whose bytes arrive in two reads as one character', async () => {
    const lines: string[] = []
    // 'é' is C3 A9: the first byte, a pause long enough for a read of its own, then the second.
    const result = await runProcess('bash', {
      args: ['-c', "printf 'caf\\303'; sleep 0.2; printf '\\251\\n'"],
      env: { PATH: process.env.PATH },
      timeoutMs: 10_000,
      capture: true,
      onStdout: text => lines.push(text),
      onLine: line => lines.push(`line:${line}`)
    })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toBe('café\n')
    expect(lines.join('')).not.toContain('\ufffd')
    expect(lines).toContain('line:café')
  })

  test('an unfinished character at the end is still reported, as a replacement', async () => {
    const result = await runProcess('bash', {
      args: ['-c', "printf 'x\\303'"],
      env: { PATH: process.env.PATH },
      timeoutMs: 10_000,
      capture: true
    })
    expect(result.stdout).toBe('x\ufffd')
  })
})
