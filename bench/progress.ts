/** Progress lines on stderr: `[02:13 releases] 8 hosts, first deploy 2/3: 9.41 s`. */
export class Progress {
  private readonly started = Date.now()

  elapsedMs(): number {
    return Date.now() - this.started
  }

  line(scope: string, message: string): void {
    const s = Math.floor(this.elapsedMs() / 1000)
    const clock = `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`
    process.stderr.write(`[${clock} ${scope}] ${message}\n`)
  }
}
