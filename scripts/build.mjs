// Compiles src/ with tsc (ESM), then bundles each entry point with ncc: one bundle per step
// (dist/<step>/index.js), the root action (dist/action) and the CLI (dist/cli).
// `node scripts/build.mjs --out DIR` builds elsewhere: the dist freshness test compares that
// with the committed dist/.
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ENTRIES = [
  'deploy',
  'smoke-test',
  'status-check',
  'rollback',
  'history',
  'action',
  'cli'
]

const outIndex = process.argv.indexOf('--out')
const outRoot = resolve(outIndex > 0 ? process.argv[outIndex + 1] : 'dist')
const bin = name => join('node_modules', '.bin', name)
// Inside the project, so the compiled files resolve packages from node_modules; at a fixed
// path, because ncc writes module paths into the bundle and the build must be reproducible.
const compiled = join('build', 'ncc')
rmSync(compiled, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
mkdirSync(compiled, { recursive: true })

try {
  execFileSync(bin('tsc'), ['-p', 'tsconfig.build.json', '--outDir', compiled], {
    stdio: 'inherit'
  })
  // ncc picks ESM or CommonJS output from the package.json nearest the entry file.
  writeFileSync(join(compiled, 'package.json'), '{ "type": "module" }\n')
  for (const entry of ENTRIES) {
    const out = join(outRoot, entry)
    rmSync(out, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
    execFileSync(
      bin('ncc'),
      [
        'build',
        join(compiled, 'entry', `${entry}.js`),
        '-o',
        out,
        '--license',
        'licenses.txt',
        '--no-source-map-register',
        '-q'
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] }
    )
    const bundle = join(out, 'index.js')
    // Without "type": "module" ncc writes a tiny broken bundle and still exits 0.
    if (!existsSync(bundle) || readFileSync(bundle).length < 10_000) {
      throw new Error(`ncc produced no real bundle for ${entry}`)
    }
    if (entry === 'cli') chmodSync(bundle, 0o755)
  }
  // The bundles are ES modules whatever package.json surrounds the checkout.
  writeFileSync(join(outRoot, 'package.json'), '{ "type": "module" }\n')
} finally {
  rmSync(compiled, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 })
}
