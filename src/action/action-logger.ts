import * as core from '@actions/core'
import type { Logger, Redactor } from '../core/context.js'

/**
 * Logs through the runner's workflow commands. Every line is redacted here too: the runner
 * masks registered secrets in its own log, but a value can reach us before it is registered.
 */
export function actionLogger(secrets: Redactor): Logger {
  const clean = (m: string) => secrets.redact(m)
  return {
    info: m => core.info(clean(m)),
    warning: m => core.warning(clean(m)),
    error: m => core.error(clean(m)),
    debug: m => core.debug(clean(m)),
    group: (title, fn) => core.group(clean(title), fn)
  }
}
