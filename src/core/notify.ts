import type { Context } from './context.js'
import { errorMessage } from './errors.js'
import { retry } from './retry.js'

/**
 * Text as Slack shows it literally: `&`, `<` and `>` escaped as Slack documents, so a version,
 * reason or error that holds `<!channel>`, `<!here>`, `<@U123>`, `<#C123>` or
 * `<!subteam^S123>` reaches the channel as text, never as a mention or a link.
 * https://api.slack.com/reference/surfaces/formatting#escaping
 */
export function slackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** A `<url|label>` link whose URL cannot close the link early or start another. */
function slackLink(url: string, label: string): string {
  return `<${url.replace(/[<>| ]/g, c => encodeURIComponent(c))}|${label}>`
}

/**
 * Posts a Slack-compatible message (`{"text": ...}`, also accepted by Mattermost, Rocket.Chat,
 * Discord's /slack endpoint and Teams workflows) to the notify-url webhook. A failed
 * notification is a warning: it never changes the step's outcome. `text` is shown literally;
 * the run's URL is appended as a link.
 */
export async function notify(ctx: Context, url: string | undefined, text: string): Promise<void> {
  if (!url) return
  const message = slackText(text) + (ctx.run.runUrl ? ` ${slackLink(ctx.run.runUrl, 'run')}` : '')
  try {
    await retry(
      async () => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text: message }),
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
