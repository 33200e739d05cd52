import type { Context } from './context.js'
import { errorMessage } from './errors.js'
import { retry } from './retry.js'

/**
 * Posts a Slack-compatible message (`{"text": ...}`, also accepted by Mattermost, Rocket.Chat,
 * Discord's /slack endpoint and Teams workflows) to the notify-url webhook. A failed
 * notification is a warning: it never changes the step's outcome.
 */
export async function notify(ctx: Context, url: string | undefined, text: string): Promise<void> {
  if (!url) return
  try {
    await retry(
      async () => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text }),
          signal: AbortSignal.timeout(10_000)
        })
        if (response.status >= 500 || response.status === 429)
          throw new Error(`HTTP ${response.status}`)
        if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { final: true })
      },
      {
        attempts: 3,
        initialDelayMs: 1000,
        clock: ctx.clock,
        retryable: err => !(err as { final?: boolean }).final
      }
    )
  } catch (err) {
    // The URL is a secret: say what failed, never where.
    ctx.logger.warning(`The notify-url webhook failed: ${ctx.secrets.redact(errorMessage(err))}.`)
  }
}
