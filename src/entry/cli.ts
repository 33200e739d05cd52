#!/usr/bin/env node
import { runCli } from '../cli/cli.js'
import { VERSION } from '../version.js'

const code = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
  version: VERSION
})
process.exit(code)
