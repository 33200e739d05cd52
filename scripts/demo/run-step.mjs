/**
 * Runs one Shiprail step the way a user does: the committed CLI bundle, every input a flag,
 * `--json` for the result. The CLI's progress (its stderr: one group per phase, see
 * src/cli/terminal-logger.ts) is turned into compact progress lines as it streams.
 */
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'

/** How long one step may take before the demo gives up on it. */
const STEP_TIMEOUT_MS = 120_000

/** Short names for the releases driver's phases. */
const PHASE_NAMES = [
  [/^Connect to hosts$/, 'connect'],
  [/^Lock$/, 'lock'],
  [/^Upload release /, 'upload'],
  [/^Switch current/, 'switch'],
  [/^Record history/, 'history'],
  [/^Smoke test: /, 'checks'],
  [/^Status check of [^:]+: /, 'window'],
  [/^Status check: scanning logs$/, 'logs']
]

export function phaseName(title) {
  for (const [pattern, name] of PHASE_NAMES) if (pattern.test(title)) return name
  return title
}

/** Lines inside a phase worth showing as they come: verdicts, rounds, hook output. */
const SHOWN_INSIDE = /^(✅|❌|round \d|Ending the window|\[local\]|warning: |error: )/

/**
 * Reads the CLI's stderr line by line. `emit(kind, text)` gets `phase` (a top-level phase
 * ended: name, duration and the phases inside it), `line` (something said inside a phase) and
 * `note` (something said between phases). A phase ends at its `took` line or, for one too quick
 * to print it (under 0.05 s), at the next line no deeper than its own; `read.end()` ends the rest.
 */
export function progressReader(emit) {
  const stack = []
  const close = seconds => {
    const top = stack.pop()
    const phase = { name: phaseName(top.title), seconds, inner: top.inner }
    if (stack.length) stack[stack.length - 1].inner.push(phase)
    else emit('phase', phase)
  }
  const read = line => {
    const indent = line.length - line.trimStart().length
    const text = line.trim()
    if (text === '') return
    const end = /^(.+) took (\d+(?:\.\d+)?) s$/.exec(text)
    const quick = () => {
      const top = stack[stack.length - 1]
      const itsEnd = end && end[1] === top.title && indent === top.indent + 2
      return !itsEnd && indent <= top.indent
    }
    while (stack.length && quick()) close(0)
    const start = /^▸ (.+)$/.exec(text)
    if (start) {
      stack.push({ title: start[1], indent, inner: [] })
      return
    }
    const top = stack[stack.length - 1]
    if (end && top && end[1] === top.title && indent === top.indent + 2) {
      close(Number(end[2]))
      return
    }
    if (stack.length === 0) emit('note', text)
    else if (SHOWN_INSIDE.test(text)) emit('line', text)
  }
  read.end = () => {
    while (stack.length) close(0)
  }
  return read
}

/** `{ name: value }` to `--name value` pairs; undefined and '' are left out. */
export function flags(inputs) {
  return Object.entries(inputs).flatMap(([name, value]) =>
    value === undefined || value === '' ? [] : [`--${name}`, String(value)]
  )
}

/**
 * Runs `node <cli> <step> --<input> value ... --json`. Resolves with the exit code, the parsed
 * JSON result (null when there is none, e.g. bad input) and the error lines of stderr.
 * `children` gets the child while it runs, so the demo can stop it on Ctrl-C.
 */
export function runStep(cli, step, inputs, { env, cwd, emit, children }) {
  const child = spawn(process.execPath, [cli, step, ...flags(inputs), '--json'], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  children.add(child)
  let stdout = ''
  const errors = []
  child.stdout.setEncoding('utf8').on('data', d => (stdout += d))
  const read = progressReader(emit)
  createInterface({ input: child.stderr })
    .on('line', line => {
      if (/^\s*error: /.test(line)) errors.push(line.trim().replace(/^error: /, ''))
      read(line)
    })
    .on('close', () => read.end())
  const timer = setTimeout(() => child.kill('SIGTERM'), STEP_TIMEOUT_MS)
  return new Promise((resolve, reject) => {
    child.on('error', err => {
      clearTimeout(timer)
      children.delete(child)
      reject(err)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      children.delete(child)
      let data = null
      try {
        data = JSON.parse(stdout)
      } catch {
        // No result: the step was stopped; errors says why.
      }
      // `{ step, outcome, exitCode, error }` is the CLI saying it has no result (bad input, an
      // unexpected error); its error line is already in errors.
      if (data && 'exitCode' in data) data = null
      resolve({ code: code ?? (signal ? 128 : 1), signal, data, errors })
    })
  })
}
