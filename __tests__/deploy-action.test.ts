import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { runAction, type ActionRun } from './support/action-runner.js'
import { startGitHubStandIn, type GitHubStandIn } from './support/github-standin.js'

// End to end: the committed dist/deploy/index.js, run as the Actions runner runs it, against the
// GitHub stand-in that checks every request and reply with GitHub's OpenAPI description.

const REPO = 'octo-org/octo-app'
const TOKEN = 'ghs_standInToken1234567890'
const SHA = 'a'.repeat(40)
let api: GitHubStandIn

beforeAll(async () => {
  api = await startGitHubStandIn({ token: TOKEN })
})
afterAll(() => api.close())
afterEach(() => {
  api.expectNoViolations()
  api.reset()
})

function deployAction(
  inputs: Record<string, string>,
  extra: Parameters<typeof runAction>[1] = {}
): Promise<ActionRun> {
  return runAction('dist/deploy/index.js', {
    ...extra,
    inputs: { token: TOKEN, ...inputs },
    env: { GITHUB_API_URL: api.url, ...extra.env }
  })
}

function statesOf(environment: string): string[][] {
  return api
    .deployments(REPO)
    .filter(d => d.environment === environment)
    .map(d => d.statuses.map(s => s.state))
}

describe('deploy action with the github ledger', () => {
  it('records the deployment as GitHub documents it, and gives outputs and a summary', async () => {
    const run = await deployAction({
      environment: 'production',
      version: '1.0.0',
      run: 'echo "deploying $SHIPRAIL_VERSION to $SHIPRAIL_ENVIRONMENT"',
      'environment-url': 'https://app.example.com'
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('deploying 1.0.0 to production')

    const [deployment] = api.deployments(REPO)
    expect(deployment).toMatchObject({
      sha: SHA,
      environment: 'production',
      production_environment: true,
      task: 'deploy'
    })
    expect(deployment.payload).toMatchObject({
      version: '1.0.0',
      driver: 'command',
      previous_version: null,
      operation: 'deploy',
      run_url: 'https://github.com/octo-org/octo-app/actions/runs/4242/attempts/1'
    })
    expect(deployment.statuses.map(s => s.state)).toEqual(['in_progress', 'success'])
    expect(deployment.statuses[0].log_url).toBe(
      'https://github.com/octo-org/octo-app/actions/runs/4242/attempts/1'
    )
    expect(deployment.statuses[1].environment_url).toBe('https://app.example.com')
    const create = api.requests.find(r => r.method === 'POST' && r.path.endsWith('/deployments'))
    expect(create?.body).toMatchObject({
      ref: SHA,
      auto_merge: false,
      required_contexts: [],
      environment: 'production'
    })

    expect(run.outputs).toMatchObject({
      'deployment-id': String(deployment.id),
      version: '1.0.0',
      'previous-version': '',
      'environment-url': 'https://app.example.com',
      release: ''
    })
    expect(JSON.parse(run.outputs.result)).toMatchObject({
      outcome: 'success',
      deploymentId: String(deployment.id)
    })
    expect(run.summary).toContain('✅ Deployed **1.0.0** to **production**')
    expect(run.summary).toContain(`\`${SHA}\``)
    expect(run.summary).toContain(
      '[Run log](https://github.com/octo-org/octo-app/actions/runs/4242/attempts/1)'
    )
    // The post run has nothing to do once the main run finished the deployment.
    const post = await deployAction(
      { environment: 'production', version: '1.0.0', run: 'true' },
      { state: run.state }
    )
    expect(post.code).toBe(0)
    expect(statesOf('production')).toEqual([['in_progress', 'success']])
  })

  it('reports the previous version and marks earlier deployments inactive', async () => {
    const run = await deployAction({
      environment: 'production',
      version: '1.1.0',
      run: 'echo "from $SHIPRAIL_PREVIOUS_VERSION"'
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('from 1.0.0')
    expect(run.outputs['previous-version']).toBe('1.0.0')
    expect(statesOf('production')).toEqual([
      ['in_progress', 'success'],
      ['in_progress', 'success', 'inactive']
    ])
  })

  it('keeps the API calls bounded with 500 earlier deployments', async () => {
    api.seed(REPO, [
      ...Array.from({ length: 499 }, (_, i) => ({
        environment: 'big',
        payload: { version: `0.0.${i}` },
        statuses: [
          'in_progress',
          'success',
          { state: 'inactive', description: 'Shiprail: superseded by deployment x' }
        ]
      })),
      { environment: 'big', statuses: ['in_progress', 'success'], payload: { version: '0.9.0' } }
    ])
    api.reset()
    const run = await deployAction({ environment: 'big', version: '1.0.0', run: 'true' })
    expect(run.code).toBe(0)
    expect(run.outputs['previous-version']).toBe('0.9.0')
    // find live: 1 list + 1 statuses; create + in_progress + success; environment lock: 1 list
    // + 2 statuses (its own record, then the live one, where the scan stops); supersede: 1 list
    // + 2 statuses + 1 inactive.
    expect(api.requests.length).toBeLessThanOrEqual(13)
    expect(statesOf('big').slice(0, 2)).toEqual([
      ['in_progress', 'success'],
      ['in_progress', 'success', 'inactive']
    ])
  })

  it('ignores the deployments GitHub itself creates for jobs that declare environment:', async () => {
    expect(
      (await deployAction({ environment: 'envjob', version: '1.0.0', run: 'true' })).code
    ).toBe(0)
    // What Actions does for `environment: envjob`: its own deployment (no Shiprail payload) and a
    // success status whose auto_inactive marks earlier deployments, Shiprail's too, inactive.
    const headers = { authorization: `token ${TOKEN}`, 'content-type': 'application/json' }
    const created = await fetch(`${api.url}/repos/${REPO}/deployments`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        ref: SHA,
        environment: 'envjob',
        required_contexts: [],
        auto_merge: false
      })
    })
    const { id } = (await created.json()) as { id: number }
    await fetch(`${api.url}/repos/${REPO}/deployments/${id}/statuses`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ state: 'success' })
    })
    expect(statesOf('envjob')[1]).toEqual(['in_progress', 'success', 'inactive'])

    const run = await deployAction({ environment: 'envjob', version: '1.1.0', run: 'true' })
    expect(run.code).toBe(0)
    expect(run.outputs['previous-version']).toBe('1.0.0')
  })

  it('fails the step when the script fails, and records the failure', async () => {
    const run = await deployAction({
      environment: 'staging',
      version: '2.0.0',
      run: 'echo partial; exit 3'
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      '::error::Deploy of 2.0.0 to staging failed: The deploy script exited with status 3.'
    )
    expect(statesOf('staging')[0]).toEqual(['in_progress', 'failure'])
    expect(run.summary).toContain('❌ Deploy of **2.0.0** to **staging** failed')
  })

  it('retries GitHub 5xx answers and rate limits', async () => {
    api.fail({ times: 1, status: 502, method: 'POST', path: /statuses$/ })
    api.fail({ times: 1, status: 'secondary-rate-limit', method: 'GET', path: /deployments$/ })
    const run = await deployAction({ environment: 'retry', version: '1.0.0', run: 'true' })
    expect(run.code).toBe(0)
    expect(statesOf('retry')).toEqual([['in_progress', 'success']])
    expect(api.requests.filter(r => r.status === 502)).toHaveLength(1)
    expect(api.requests.filter(r => r.status === 403)).toHaveLength(1)
  })

  it('treats a 202 answer as an error and changes nothing', async () => {
    api.fail({ times: 1, status: 202, method: 'POST', path: /deployments$/ })
    const run = await deployAction({ environment: 'merge', version: '1.0.0', run: 'touch ran' })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error::GitHub did not create the deployment \(HTTP 202: Auto-merged/
    )
    expect(statesOf('merge')).toEqual([])
  })

  it('prints the plan and writes nothing on dry-run', async () => {
    const run = await deployAction({
      environment: 'production',
      version: '3.0.0',
      run: 'echo SHOULD-NOT-RUN',
      'dry-run': 'true'
    })
    expect(run.code).toBe(0)
    expect(run.stdout).not.toContain('SHOULD-NOT-RUN')
    expect(run.stdout).toContain('[dry-run] deploy 3.0.0 to production (live now: 1.1.0)')
    expect(api.requests.every(r => r.method === 'GET')).toBe(true)
    expect(run.summary).toContain('Dry run')
  })

  it('refuses to promote a version that was not verified where it came from', async () => {
    const run = await deployAction({
      environment: 'production',
      version: '2.0.0',
      run: 'touch ran',
      'promote-from': 'staging'
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error::Refusing to deploy to production: version 2\.0\.0 is not verified in staging: 2\.0\.0 \(failed\)/
    )
    expect(api.requests.every(r => r.method === 'GET')).toBe(true)
  })
})

describe('a cancelled job still ends with a terminal status', () => {
  it('records the failure itself when the runner sends SIGINT', async () => {
    const run = await deployAction(
      { environment: 'cancel', version: '1.0.0', run: 'echo started; sleep 30' },
      { killWhenStdout: { text: 'started', signal: 'SIGINT' } }
    )
    expect(run.code).not.toBe(0)
    expect(statesOf('cancel')[0]).toEqual(['in_progress', 'failure'])
    expect(api.deployments(REPO)[0].statuses[1].description).toMatch(/cancelled/)
  })

  it('lets the post run finish a deployment whose main run was killed', async () => {
    const run = await deployAction(
      { environment: 'killed', version: '1.0.0', run: 'echo started; sleep 30' },
      { killWhenStdout: { text: 'started', signal: 'SIGKILL' } }
    )
    expect(run.code).toBeNull()
    expect(run.state.deploymentId).toBeTruthy()
    expect(statesOf('killed')[0]).toEqual(['in_progress'])
    const post = await deployAction(
      { environment: 'killed', version: '1.0.0', run: 'true' },
      { state: run.state }
    )
    expect(post.code).toBe(0)
    expect(statesOf('killed')[0]).toEqual(['in_progress', 'error'])
    expect(post.stdout).toContain('did not finish')
  })
})

describe('secrets', () => {
  let hook: Server
  let received: string[] = []
  beforeAll(async () => {
    hook = createServer((req, res) => {
      let body = ''
      req.on('data', d => (body += d))
      req.on('end', () => {
        received.push(body)
        res.end('ok')
      })
    })
    await new Promise<void>(r => hook.listen(0, '127.0.0.1', r))
  })
  afterAll(() => new Promise(r => hook.close(r)))

  it('never shows the token or the webhook URL, and notifies the webhook', async () => {
    received = []
    const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/services/T000/B000/XXXXsecretXXXX`
    const run = await deployAction({
      environment: 'secret',
      version: '1.0.0',
      'notify-url': hookUrl,
      run: `echo "token=${TOKEN}"; echo "hook=${hookUrl}"; exit 1`
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`::add-mask::${TOKEN}`)
    for (const text of [run.visibleStdout, run.stderr, run.summary, JSON.stringify(run.outputs)]) {
      expect(text).not.toContain(TOKEN)
      expect(text).not.toContain('XXXXsecretXXXX')
    }
    expect(run.visibleStdout).toContain('token=***')
    expect(received).toHaveLength(1)
    expect(JSON.parse(received[0]).text).toMatch(/:x: Shiprail failed to deploy 1\.0\.0 to secret/)
  })

  it('says which input is wrong, in one line, and changes nothing', async () => {
    const run = await deployAction({
      environment: 'prod"; id; "',
      version: '1.0.0',
      run: 'touch ran'
    })
    expect(run.code).toBe(1)
    const errors = run.stdout.split('\n').filter(l => l.startsWith('::error::'))
    expect(errors).toEqual([
      expect.stringMatching(
        /^::error::Input 'environment' is "prod\\"; id; \\""; expected an environment name/
      )
    ])
    expect(run.stderr).toBe('')
    expect(api.requests).toEqual([])
  })
})
