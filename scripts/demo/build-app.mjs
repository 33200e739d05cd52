/**
 * Makes the demo's builds of examples/app: a copy of the app with its VERSION file, as a CI job
 * would produce. The broken build is the same code with one line deleted (the one marked
 * `demo-defect` in app.mjs): a real regression, not a switch the app reads.
 */
import { cp, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

const DEFECT_MARK = 'demo-defect'

/** Copies `source` to `out` as build `version`; `broken` deletes the marked line. */
export async function buildApp(source, out, { version, broken = false }) {
  await cp(source, out, {
    recursive: true,
    filter: path => !/(^|\/)(node_modules|VERSION)$/.test(path)
  })
  await writeFile(join(out, 'VERSION'), `${version}\n`)
  if (broken) {
    const file = join(out, 'app.mjs')
    const lines = (await readFile(file, 'utf8')).split('\n')
    const kept = lines.filter(line => !line.includes(DEFECT_MARK))
    // Without this the "broken" build would quietly be a good one and the demo would lie.
    if (kept.length !== lines.length - 1)
      throw new Error(`${file}: expected exactly one line marked ${DEFECT_MARK}`)
    await writeFile(file, kept.join('\n'))
  }
  return out
}
