import type { RunDefaults } from '../core/settings/common.js'

/** Canonical repository of Shiprail itself: the one place its name is written in code. */
export const SHIPRAIL_REPOSITORY = 'shiprail/shiprail'

export interface RunEnvironment {
  defaults: RunDefaults
  runUrl?: string
  actor?: string
  workspace: string
  apiUrl: string
  /** RUNNER_TEMP inside Actions: emptied by the runner after the job, even a killed one. */
  tempDir?: string
}

/**
 * What the edges (action, CLI) learn from the environment they run in: GitHub Actions' variables, or
 * the equivalents of GitLab CI, Jenkins and CircleCI for the CLI.
 * https://docs.github.com/en/actions/reference/variables-reference#default-environment-variables
 */
export function readRunEnvironment(env: NodeJS.ProcessEnv, cwd: string): RunEnvironment {
  const insideActions = env.GITHUB_ACTIONS === 'true'
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  const githubRunUrl =
    env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''}`
      : undefined
  return {
    defaults: {
      insideActions,
      sha: env.GITHUB_SHA || env.CI_COMMIT_SHA || env.GIT_COMMIT || env.CIRCLE_SHA1 || undefined,
      repository: env.GITHUB_REPOSITORY || undefined,
      manual: insideActions ? env.GITHUB_EVENT_NAME === 'workflow_dispatch' : env.CI !== 'true'
    },
    runUrl: githubRunUrl || env.CI_JOB_URL || env.BUILD_URL || env.CIRCLE_BUILD_URL || undefined,
    actor:
      env.GITHUB_ACTOR ||
      env.GITLAB_USER_LOGIN ||
      env.BUILD_USER_ID ||
      env.CIRCLE_USERNAME ||
      env.USER ||
      undefined,
    workspace: env.GITHUB_WORKSPACE || cwd,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    tempDir: env.RUNNER_TEMP || undefined
  }
}
