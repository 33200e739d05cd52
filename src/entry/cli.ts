#!/usr/bin/env node
import { runCli } from '../cli/cli.js'
import { VERSION } from '../version.js'
import { isMainModule } from './main-module.js'

/** Runs the CLI on this process's arguments; resolves with the exit status. */
export async function run(): Promise<number> {
  return runCli({
    argv: process.argv.slice(2),
    env: process.env,
    cwd: process.cwd(),
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY,
    stderrIsTTY: process.stderr.isTTY,
    version: VERSION
  })
}

if (isMainModule(import.meta.url)) process.exit(await run())
