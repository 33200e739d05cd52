// Runs one releases-driver deploy in its own process, so a test can SIGKILL it at any moment.
// argv[2]: JSON { driverModule, settings, request }. The driver is the tsc output of src/.
const { driverModule, settings, request } = JSON.parse(process.argv[2])
const { createReleasesDriver } = await import(driverModule)
const quiet = { info() {}, warning() {}, error() {}, debug() {}, group: (_t, fn) => fn() }
const ctx = {
  logger: quiet,
  clock: {
    now: () => new Date(),
    sleep: ms => new Promise(resolve => setTimeout(resolve, ms))
  },
  ledger: undefined,
  secrets: { add() {}, redact: text => text },
  run: { workspace: process.cwd(), actor: 'child', runUrl: 'https://ci/child', env: process.env },
  signal: new AbortController().signal
}
try {
  const outcome = await createReleasesDriver(settings).apply(request, ctx)
  process.stdout.write(JSON.stringify(outcome))
} catch (err) {
  process.stderr.write(String(err && err.message))
  process.exitCode = 1
}
