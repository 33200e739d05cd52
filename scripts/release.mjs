#!/usr/bin/env node
// Points Shiprail's references to itself at one release, or checks that they do.
//
//   node scripts/release.mjs v1.2.0 [--sha <commit>]   pin the reusable workflows to <commit>
//                                                      (default: HEAD), the examples to @v1.2.0
//   node scripts/release.mjs --check v1.2.0 [--sha <commit>]
//                                                      exit 1 if any reference points elsewhere
//   (--root <dir> works on another tree; the tests use it.)
//
// A reference is `shiprail/shiprail/<step>@<ref>`, `shiprail/shiprail@<ref>` or
// `shiprail/shiprail/.github/workflows/<file>.yml@<ref>`, in the reusable workflows
// (.github/workflows/*.yml with `on: workflow_call`; the project's own CI is left alone) and in
// everything under examples/.
//
// Intended use: full commit SHAs inside released workflows, the exact tag in the examples, a
// moving major tag outside. A tag can be moved or re-pushed; a commit SHA cannot. So a caller who
// pins pipeline.yml by SHA runs exactly the steps (the dist/ bundles) of the commit the release
// names, with their SSH key and token, whatever happens to the tags later. The SHA is the commit
// whose dist/ the workflows run: HEAD when releasing, as the release commit changes only these
// references. A workflow that calls another (pipeline.yml -> deploy.yml) must point at a commit
// where the callee is already pinned, so a release runs this script twice (see below).
// Users write `@v1` (or a commit SHA); `v1` is moved to each new release. Why not `@v1` inside:
// - a caller who pins pipeline.yml to v1.2.0 or to its SHA would still run whatever steps `v1`
//   points to later: the pin would be a lie, and a supply-chain hole for SHA-pinning users;
// - the workflows and the step inputs they pass must come from the same release, also while
//   `v1` is being moved, and when `v1` is moved back after a bad release;
// - nothing tagged may point at a branch of this repository (`@main`), which moves under it.
// The release itself, from main (which keeps `@v1`, the latest release, for people who copy
// examples from it):
//   git switch --detach main && node scripts/release.mjs v1.2.0
//   git commit -am "Release v1.2.0: pin the steps"        # deploy.yml -> deploy@<main's SHA>
//   node scripts/release.mjs v1.2.0
//   git commit -am "Release v1.2.0"                       # pipeline.yml -> deploy.yml@<the commit above>
//   git tag v1.2.0 && git tag -f v1 v1.2.0
//   git push origin v1.2.0 && git push --force origin v1
// and CI on the tag runs `node scripts/release.mjs --check v1.2.0`, which also checks (in a git
// checkout) that every pinned commit has the same dist/ and action.yml files as the tag.
//
// The npm package is part of the release: package.json's "version" must be the tag's (set it,
// then `npm run generate` writes it into src/version.ts, what `shiprail --version` prints, and
// `npm run build`). The release run packs shiprail-<version>.tgz at the root; publish that
// exact tarball, after the tag is pushed:
//   npm publish shiprail-1.2.0.tgz --access public
// and attach it to the GitHub release, so the tarball users install is the one CI tested.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const PROJECT = resolve(fileURLToPath(new URL('..', import.meta.url)))

/** The canonical repository name, read from its one place in the code. */
function shiprailRepository() {
  const file = join(PROJECT, 'src/runtime/run-environment.ts')
  const m = /export const SHIPRAIL_REPOSITORY = '([^']+)'/.exec(readFileSync(file, 'utf8'))
  if (!m) throw new Error(`SHIPRAIL_REPOSITORY not found in ${file}`)
  return m[1]
}

const EXACT = /^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/
const MAJOR = /^v\d+$/
const SHA = /^[0-9a-f]{40}$/

const usage = `usage: node scripts/release.mjs [--check] <tag> [--sha <commit>] [--root <dir>]
  <tag>     the exact version being released, e.g. v1.2.0
  --sha     the full commit SHA whose dist/ the released workflows run (default: HEAD)
  --check   change nothing; fail when a reference in a reusable workflow is not a full commit
            SHA (that SHA, with --sha) or one in the examples is not @<tag>; with a major tag
            (v1, as on main), every reference must be @v1`

function parseArgs(argv) {
  const args = { check: false, tag: undefined, sha: undefined, root: PROJECT }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--check') args.check = true
    else if (arg === '--root') args.root = resolve(argv[++i] ?? '')
    else if (arg === '--sha') args.sha = argv[++i] ?? ''
    else if (arg === '--help' || arg === '-h') return { ...args, help: true }
    else if (!arg.startsWith('-') && args.tag === undefined) args.tag = arg
    else throw new UsageError(`unexpected argument ${JSON.stringify(arg)}`)
  }
  if (!args.tag) throw new UsageError('give the tag, e.g. v1.2.0')
  if (!EXACT.test(args.tag) && !(args.check && MAJOR.test(args.tag))) {
    throw new UsageError(
      `${JSON.stringify(args.tag)} is not an exact version tag like v1.2.0` +
        (MAJOR.test(args.tag)
          ? ` (a release pins exact tags; ${args.tag} is moved to it after)`
          : '')
    )
  }
  if (args.sha !== undefined && !SHA.test(args.sha))
    throw new UsageError(`--sha ${JSON.stringify(args.sha)} is not a full 40-hex commit SHA`)
  if (!args.check && args.sha === undefined) {
    args.sha = git(args.root, 'rev-parse', 'HEAD')
    if (!args.sha || !SHA.test(args.sha))
      throw new UsageError(`cannot read HEAD in ${args.root}; give --sha <commit>`)
  }
  return args
}

class UsageError extends Error {}

/** Output of a git command in root, or undefined when it fails (no git, not a checkout). */
function git(root, ...args) {
  const r = spawnSync('git', ['-C', root, ...args], { encoding: 'utf8' })
  return r.status === 0 ? r.stdout.trim() : undefined
}

/** Commits whose step bundles differ from the checkout's (nothing when git cannot tell). */
function distDiffers(root, sha) {
  if (git(root, 'rev-parse', '--is-inside-work-tree') !== 'true') return false
  const r = spawnSync(
    'git',
    ['-C', root, 'diff', '--quiet', sha, 'HEAD', '--', 'dist', 'action.yml', '*/action.yml'],
    { encoding: 'utf8' }
  )
  return r.status !== 0
}

function walk(dir) {
  let names
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names
    .filter(name => name !== 'node_modules' && name !== '.git')
    .sort()
    .flatMap(name => {
      const path = join(dir, name)
      return statSync(path).isDirectory() ? walk(path) : [path]
    })
}

function isReusableWorkflow(text) {
  try {
    const on = parse(text)?.on
    if (typeof on === 'string') return on === 'workflow_call'
    if (Array.isArray(on)) return on.includes('workflow_call')
    return Boolean(on && typeof on === 'object' && 'workflow_call' in on)
  } catch {
    return false
  }
}

/** The files whose references a release pins: reusable workflows and examples. */
function releaseFiles(root) {
  const workflows = walk(join(root, '.github/workflows')).filter(
    path => /\.ya?ml$/.test(path) && isReusableWorkflow(readFileSync(path, 'utf8'))
  )
  const examples = walk(join(root, 'examples')).filter(
    path => !readFileSync(path).includes(0) // text files only
  )
  return { workflows, examples }
}

function referencePattern(repository) {
  const repo = repository.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  // owner/name, an optional path, @ and a ref whose dots sit between other characters (so a
  // sentence's full stop after `...@v1.` is not taken for part of the ref).
  return new RegExp(`(?<![\\w./-])(${repo}(?:/[\\w./-]+)?)@([\\w+/-]+(?:\\.[\\w+/-]+)*)`, 'g')
}

function main(argv) {
  const args = parseArgs(argv)
  if (args.help) {
    console.log(usage)
    return 0
  }
  const pattern = referencePattern(shiprailRepository())
  const { workflows, examples } = releaseFiles(args.root)
  const major = MAJOR.test(args.tag)
  let references = 0
  const wrong = []
  const changed = []
  const pinned = new Set()
  for (const path of [...workflows, ...examples]) {
    const text = readFileSync(path, 'utf8')
    const name = relative(args.root, path)
    // Released workflows run code: a commit SHA. Examples are read by people: the tag.
    const isWorkflow = workflows.includes(path) && !major
    const want = isWorkflow ? args.sha : args.tag
    const expected = want ? `@${want}` : 'a full commit SHA'
    let count = 0
    const next = text.replace(pattern, (match, target, ref, offset) => {
      references++
      if (isWorkflow && SHA.test(ref)) pinned.add(ref)
      if (ref === want || (isWorkflow && want === undefined && SHA.test(ref))) return match
      count++
      const line = text.slice(0, offset).split('\n').length
      wrong.push(`${name}:${line}: ${target}@${ref} (expected ${expected})`)
      return `${target}@${want}`
    })
    if (count && !args.check) {
      writeFileSync(path, next)
      changed.push(`${name}: ${count} reference${count === 1 ? '' : 's'} now @${want}`)
    }
  }
  if (args.check) {
    for (const sha of pinned) {
      if (distDiffers(args.root, sha))
        wrong.push(`${sha}: its dist/ or action.yml files differ from this checkout's`)
    }
  }
  if (references === 0) {
    const count = workflows.length + examples.length
    console.error(`No shiprail references found in ${count} files under ${args.root}.`)
    return 1
  }
  if (args.check) {
    const target = major ? args.tag : `${args.sha ?? 'commit SHAs'} (workflows) and ${args.tag}`
    if (wrong.length) {
      console.error(`${wrong.length} of ${references} references do not point at ${target}:`)
      for (const w of wrong) console.error(`  ${w}`)
      console.error(`Run: node scripts/release.mjs ${args.tag}`)
      return 1
    }
    console.log(`All ${references} references point at ${target}.`)
    return 0
  }
  const target = `${args.sha} (workflows) and ${args.tag}`
  for (const c of changed) console.log(c)
  console.log(
    changed.length
      ? `${wrong.length} of ${references} references rewritten to ${target}.`
      : `All ${references} references already point at ${target}.`
  )
  return packRelease(args.root, args.tag)
}

/** Packs the npm tarball of the release, refusing when package.json names another version. */
function packRelease(root, tag) {
  const manifest = join(root, 'package.json')
  if (!existsSync(manifest)) return 0
  const { version } = JSON.parse(readFileSync(manifest, 'utf8'))
  if (`v${version}` !== tag) {
    console.error(
      `package.json is at ${version}, not ${tag.slice(1)}: set "version", run npm run generate and npm run build, then release again.`
    )
    return 1
  }
  const tarball = execFileSync('npm', ['pack', '--pack-destination', root], {
    cwd: root,
    encoding: 'utf8'
  }).trim()
  console.log(`Packed ${tarball}; after pushing the tag: npm publish ${tarball} --access public`)
  return 0
}

try {
  process.exitCode = main(process.argv.slice(2))
} catch (err) {
  if (!(err instanceof UsageError)) throw err
  console.error(`release: ${err.message}\n${usage}`)
  process.exitCode = 2
}
