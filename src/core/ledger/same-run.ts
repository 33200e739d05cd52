/**
 * Whether a deployment was created by the run that is asking. A GitHub Actions run URL names its
 * attempt (`/actions/runs/<id>/attempts/<n>`); a re-run of a failed job is still the same run, so
 * GitHub run URLs compare by repository and run id. Other CI URLs (GitLab job, Jenkins build)
 * compare whole.
 */
export function sameRun(recorded: string | null | undefined, current: string | undefined): boolean {
  if (!recorded || !current) return false
  const a = githubRun(recorded)
  const b = githubRun(current)
  if (a && b) return a === b
  return recorded.replace(/\/+$/, '') === current.replace(/\/+$/, '')
}

function githubRun(url: string): string | undefined {
  const m = /^(https?:\/\/[^/]+\/[^/]+\/[^/]+)\/actions\/runs\/(\d+)(?:\/attempts\/\d+)?\/?$/.exec(
    url
  )
  return m ? `${m[1].toLowerCase()}#${m[2]}` : undefined
}
