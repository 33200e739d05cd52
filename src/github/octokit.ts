import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type { Logger } from '../core/context.js'

export type GitHubClient = ReturnType<typeof getOctokit>

/** Give up rather than sleep longer than this for a rate limit: a deploy should not hang. */
const MAX_RATE_LIMIT_WAIT_S = 120

/**
 * An Octokit that retries 5xx (plugin-retry: 3 retries, 1/4/9 s) and waits out primary and
 * secondary rate limits (plugin-throttling), as GitHub's REST best practices ask:
 * https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api
 */
export function createGitHubClient(token: string, apiUrl: string, logger: Logger): GitHubClient {
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      options: { method?: string; url?: string },
      _octokit: unknown,
      retryCount: number
    ) => {
      const retrying = retryCount < 2 && retryAfter <= MAX_RATE_LIMIT_WAIT_S
      logger.warning(
        `GitHub ${kind} rate limit on ${options.method} ${options.url}; ${retrying ? `retrying in ${retryAfter} s` : 'giving up'}.`
      )
      return retrying
    }
  return getOctokit(
    token,
    {
      baseUrl: apiUrl,
      userAgent: 'shiprail',
      request: { timeout: 30_000 },
      throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
      log: {
        debug: () => {},
        info: () => {},
        warn: (m: string) => logger.debug(m),
        error: (m: string) => logger.debug(m)
      }
    },
    retry,
    throttling
  )
}
