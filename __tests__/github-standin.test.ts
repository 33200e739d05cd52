import { getOctokit } from '@actions/github'
import {
  loadDeploymentsApi,
  startGitHubStandIn,
  type GitHubStandIn
} from './support/github-standin.js'

const TOKEN = 'test-token'
const SHA = 'a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d'

let gh: GitHubStandIn

beforeAll(async () => {
  gh = await startGitHubStandIn({ token: TOKEN })
})
afterAll(() => gh.close())
beforeEach(() => gh.reset())

interface Answer {
  status: number
  headers: Headers
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
}

async function call(method: string, path: string, body?: unknown, token = TOKEN): Promise<Answer> {
  const res = await fetch(new URL(path, gh.url), {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' })
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined }
}

async function createDeployment(repo: string, body: Record<string, unknown>): Promise<number> {
  const res = await call('POST', `/repos/${repo}/deployments`, {
    auto_merge: false,
    required_contexts: [],
    ...body
  })
  expect(res.status).toBe(201)
  return res.body.id
}

async function addStatus(repo: string, id: number, body: Record<string, unknown>): Promise<Answer> {
  const res = await call('POST', `/repos/${repo}/deployments/${id}/statuses`, body)
  expect(res.status).toBe(201)
  return res
}

/** rel → URL from a Link header. */
function links(header: string | null): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of (header ?? '').split(',').filter(Boolean)) {
    const m = /<([^>]+)>;\s*rel="(\w+)"/.exec(part)
    if (m) out[m[2]] = m[1]
  }
  return out
}

describe('deployments', () => {
  it('creates a deployment with the defaults the OpenAPI description documents', async () => {
    const res = await call('POST', '/repos/acme/create/deployments', {
      ref: SHA,
      environment: 'production',
      payload: { version: '1.2.3' }
    })
    expect(res.status).toBe(201)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(res.headers.get('x-github-request-id')).toBeTruthy()
    expect(res.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/)
    expect(res.body).toMatchObject({
      sha: SHA,
      ref: SHA,
      task: 'deploy',
      environment: 'production',
      original_environment: 'production',
      production_environment: true,
      transient_environment: false,
      payload: { version: '1.2.3' },
      description: '',
      creator: { login: 'github-actions[bot]' },
      url: `${gh.url}/repos/acme/create/deployments/${res.body.id}`,
      statuses_url: `${gh.url}/repos/acme/create/deployments/${res.body.id}/statuses`
    })
    expect(res.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)

    // Defaults: environment 'production'; production only when the name is 'production'.
    const branch = await call('POST', '/repos/acme/create/deployments', { ref: 'main' })
    expect(branch.body).toMatchObject({ environment: 'production', payload: {} })
    expect(branch.body.sha).toMatch(/^[0-9a-f]{40}$/)
    const staging = await call('POST', '/repos/acme/create/deployments', {
      ref: 'main',
      environment: 'staging',
      payload: '{"version":"2"}'
    })
    expect(staging.body).toMatchObject({ production_environment: false, payload: { version: '2' } })
    gh.expectNoViolations()
  })

  it('records statuses: log_url mirrors target_url, listed newest first, fetched by id', async () => {
    const repo = 'acme/statuses'
    const id = await createDeployment(repo, { ref: SHA, environment: 'staging' })
    await addStatus(repo, id, { state: 'in_progress', log_url: 'https://ci.example/run/1' })
    const done = await addStatus(repo, id, {
      state: 'success',
      environment_url: 'https://staging.example/'
    })
    expect(done.headers.get('location')).toBe(done.body.url)
    expect(done.body).toMatchObject({
      state: 'success',
      environment: 'staging',
      environment_url: 'https://staging.example/',
      target_url: '',
      log_url: '',
      deployment_url: `${gh.url}/repos/${repo}/deployments/${id}`
    })

    const list = await call('GET', `/repos/${repo}/deployments/${id}/statuses`)
    expect(list.body.map((s: { state: string }) => s.state)).toEqual(['success', 'in_progress'])
    expect(list.body[1]).toMatchObject({
      log_url: 'https://ci.example/run/1',
      target_url: 'https://ci.example/run/1'
    })
    const one = await call('GET', `/repos/${repo}/deployments/${id}/statuses/${done.body.id}`)
    expect(one.body.id).toBe(done.body.id)
    expect((await call('GET', `/repos/${repo}/deployments/${id}/statuses/1`)).status).toBe(404)

    // The helper gives statuses oldest first.
    expect(gh.deployments(repo)[0].statuses.map(s => s.state)).toEqual(['in_progress', 'success'])
    gh.expectNoViolations()
  })

  it('moves a deployment when a status names another environment', async () => {
    const repo = 'acme/move'
    const id = await createDeployment(repo, { ref: 'main', environment: 'review' })
    await addStatus(repo, id, { state: 'success', environment: 'review-42' })
    const d = await call('GET', `/repos/${repo}/deployments/${id}`)
    expect(d.body).toMatchObject({ environment: 'review-42', original_environment: 'review' })
    gh.expectNoViolations()
  })

  it('filters and paginates newest first with a Link header', async () => {
    const repo = 'acme/big'
    gh.seed(
      repo,
      Array.from({ length: 250 }, (_, i) => ({
        environment: i % 5 === 0 ? 'production' : 'staging',
        ref: `v${i}`,
        payload: { version: `v${i}` },
        statuses: ['in_progress', 'success']
      }))
    )
    const seen: string[] = []
    const rels: string[][] = []
    let next: string | undefined = `/repos/${repo}/deployments?environment=staging&per_page=50`
    while (next) {
      const res = await call('GET', next)
      expect(res.status).toBe(200)
      seen.push(...res.body.map((d: { ref: string }) => d.ref))
      const l = links(res.headers.get('link'))
      rels.push(Object.keys(l))
      next = l.next
    }
    expect(seen).toHaveLength(200)
    expect(seen[0]).toBe('v249')
    expect(new Set(seen).size).toBe(200)
    expect(rels).toEqual([
      ['next', 'last'],
      ['prev', 'next', 'last', 'first'],
      ['prev', 'next', 'last', 'first'],
      ['prev', 'first']
    ])

    const first = await call('GET', `/repos/${repo}/deployments`)
    expect(first.body).toHaveLength(30) // default per_page
    expect(links(first.headers.get('link')).last).toBe(`${gh.url}/repos/${repo}/deployments?page=9`)
    const capped = await call('GET', `/repos/${repo}/deployments?per_page=500`)
    expect(capped.body).toHaveLength(100) // GitHub caps per_page at 100
    const byRef = await call('GET', `/repos/${repo}/deployments?ref=v7&task=deploy`)
    expect(byRef.body.map((d: { ref: string }) => d.ref)).toEqual(['v7'])
    expect(byRef.headers.get('link')).toBeNull()
    const none = await call('GET', `/repos/${repo}/deployments?sha=${SHA}`)
    expect(none.body).toEqual([])
    gh.expectNoViolations()
  })
})

describe('auto_inactive', () => {
  async function deploySucceeded(repo: string, environment: string, extra = {}): Promise<number> {
    const id = await createDeployment(repo, { ref: 'main', environment, ...extra })
    await addStatus(repo, id, { state: 'success', ...extra })
    return id
  }
  const latest = (repo: string, id: number) =>
    gh
      .deployments(repo)
      .find(d => d.id === id)
      ?.statuses.at(-1)?.state

  it('marks earlier successful deployments of a non-production environment inactive', async () => {
    const repo = 'acme/auto'
    const old = await deploySucceeded(repo, 'staging')
    const failed = await createDeployment(repo, { ref: 'main', environment: 'staging' })
    await addStatus(repo, failed, { state: 'failure' })
    const other = await deploySucceeded(repo, 'qa')
    const current = await deploySucceeded(repo, 'staging')
    expect(latest(repo, old)).toBe('inactive')
    expect(latest(repo, failed)).toBe('failure') // only deployments that had success
    expect(latest(repo, other)).toBe('success') // other environment
    expect(latest(repo, current)).toBe('success')
    gh.expectNoViolations()
  })

  it('never touches production, transient environments, or when auto_inactive is false', async () => {
    const repo = 'acme/keep'
    const prod = await deploySucceeded(repo, 'production')
    await deploySucceeded(repo, 'production')
    expect(latest(repo, prod)).toBe('success')

    const transient = await createDeployment(repo, {
      ref: 'main',
      environment: 'pr-1',
      transient_environment: true
    })
    await addStatus(repo, transient, { state: 'success' })
    await deploySucceeded(repo, 'pr-1')
    expect(latest(repo, transient)).toBe('success')

    const kept = await deploySucceeded(repo, 'staging')
    const id = await createDeployment(repo, { ref: 'main', environment: 'staging' })
    await addStatus(repo, id, { state: 'success', auto_inactive: false })
    expect(latest(repo, kept)).toBe('success')
    gh.expectNoViolations()
  })
})

describe('delete', () => {
  it('deletes only inactive deployments unless it is the only one', async () => {
    const solo = 'acme/solo'
    const only = await createDeployment(solo, { ref: 'main', environment: 'staging' })
    await addStatus(solo, only, { state: 'success' })
    expect((await call('DELETE', `/repos/${solo}/deployments/${only}`)).status).toBe(204)
    expect((await call('GET', `/repos/${solo}/deployments/${only}`)).status).toBe(404)

    const repo = 'acme/delete'
    const a = await createDeployment(repo, { ref: 'main', environment: 'staging' })
    await addStatus(repo, a, { state: 'success' })
    await createDeployment(repo, { ref: 'main', environment: 'staging' })
    const refused = await call('DELETE', `/repos/${repo}/deployments/${a}`)
    expect(refused.status).toBe(422)
    expect(refused.body.message).toMatch(/cannot delete an active deployment/)
    await addStatus(repo, a, { state: 'inactive' })
    expect((await call('DELETE', `/repos/${repo}/deployments/${a}`)).status).toBe(204)
    expect(gh.deployments(repo)).toHaveLength(1)
    gh.expectNoViolations()
  })
})

describe('faults', () => {
  it('answers 202 "merged branch" once and creates nothing', async () => {
    const repo = 'acme/merged'
    gh.fail({ times: 1, status: 202, method: 'POST', path: /\/deployments$/ })
    const merged = await call('POST', `/repos/${repo}/deployments`, { ref: 'topic-branch' })
    expect(merged.status).toBe(202)
    expect(merged.body).toEqual({ message: 'Auto-merged master into topic-branch on deployment.' })
    expect(gh.deployments(repo)).toHaveLength(0)
    expect((await call('POST', `/repos/${repo}/deployments`, { ref: 'main' })).status).toBe(201)
    gh.expectNoViolations()
  })

  it('sends rate limit answers with the headers clients wait on', async () => {
    const nowS = Math.floor(Date.now() / 1000)
    gh.fail({ times: 1, status: 'rate-limit' })
    const primary = await call('GET', '/repos/acme/limits/deployments')
    expect(primary.status).toBe(403)
    expect(primary.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(Number(primary.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(nowS + 1)
    expect(Number(primary.headers.get('x-ratelimit-reset'))).toBeLessThanOrEqual(nowS + 2)
    expect(primary.body.message).toMatch(/^API rate limit exceeded/)

    gh.fail({ times: 1, status: 'secondary-rate-limit' })
    const secondary = await call('GET', '/repos/acme/limits/deployments')
    expect(secondary.status).toBe(403)
    expect(secondary.headers.get('retry-after')).toBe('1')
    expect(secondary.body.message).toMatch(/secondary rate limit/)

    expect((await call('GET', '/repos/acme/limits/deployments')).status).toBe(200)
    gh.expectNoViolations()
  })

  it('injects 5xx only on matching requests, the given number of times', async () => {
    gh.fail({ times: 2, status: 502, method: 'POST' })
    expect((await call('GET', '/repos/acme/5xx/deployments')).status).toBe(200)
    const first = await call('POST', '/repos/acme/5xx/deployments', { ref: 'main' })
    expect(first).toMatchObject({ status: 502, body: { message: 'Server Error' } })
    expect((await call('POST', '/repos/acme/5xx/deployments', { ref: 'main' })).status).toBe(502)
    expect((await call('POST', '/repos/acme/5xx/deployments', { ref: 'main' })).status).toBe(201)
    expect(gh.requests.map(r => r.status)).toEqual([200, 502, 502, 201])
    gh.expectNoViolations()
  })
})

describe('authorization', () => {
  it('answers 401 for a wrong or missing token, records it, and accepts "token X"', async () => {
    const wrong = await call('GET', '/repos/acme/auth/deployments', undefined, 'nope')
    expect(wrong).toMatchObject({ status: 401, body: { message: 'Bad credentials' } })
    expect((await call('GET', '/repos/acme/auth/deployments', undefined, '')).status).toBe(401)
    const legacy = await fetch(`${gh.url}/repos/acme/auth/deployments`, {
      headers: { authorization: `token ${TOKEN}` }
    })
    expect(legacy.status).toBe(200)
    expect(gh.requests.map(r => r.status)).toEqual([401, 401, 200])
    gh.expectNoViolations()
  })
})

describe('requests GitHub refuses are violations', () => {
  it.each([
    [
      'no ref',
      { environment: 'staging' },
      /"ref" wasn't supplied/,
      /must have required property 'ref'/
    ],
    [
      'required_contexts as a string',
      { ref: 'main', required_contexts: 'x' },
      /'properties\/required_contexts', "x" is not an array/,
      /body\/required_contexts must be array/
    ],
    [
      'auto_merge as a string',
      { ref: 'main', auto_merge: 'false' },
      /is not a boolean/,
      /auto_merge must be boolean/
    ]
  ])('POST deployments with %s → 422', async (_name, body, message, violation) => {
    const res = await call('POST', '/repos/acme/bad/deployments', body)
    expect(res.status).toBe(422)
    expect(res.body.message).toMatch(message)
    expect(res.body.documentation_url).toMatch(/^https:\/\/docs\.github\.com\//)
    expect(gh.violations).toHaveLength(1)
    expect(gh.violations[0]).toMatch(violation)
    expect(gh.violations[0]).toMatch(/repos\/create-deployment/)
    expect(() => gh.expectNoViolations()).toThrow(/1 violation/)
  })

  it('refuses an unknown state and a description over 140 characters', async () => {
    const id = await createDeployment('acme/bad', { ref: 'main', environment: 'staging' })
    const bogus = await call('POST', `/repos/acme/bad/deployments/${id}/statuses`, {
      state: 'bogus'
    })
    expect(bogus.status).toBe(422)
    expect(bogus.body.message).toMatch(/"bogus" is not a member of the enum/)
    const long = await call('POST', `/repos/acme/bad/deployments/${id}/statuses`, {
      state: 'success',
      description: 'x'.repeat(141)
    })
    expect(long.status).toBe(422)
    expect(long.body.errors[0]).toMatchObject({ field: 'description', code: 'custom' })
    expect(gh.violations).toEqual([
      expect.stringMatching(/body\/state must be equal to one of the allowed values/),
      expect.stringMatching(/140/)
    ])
    expect(gh.deployments('acme/bad').find(d => d.id === id)?.statuses).toEqual([])
  })

  it('flags malformed ids and query values, bad JSON and unknown routes', async () => {
    expect((await call('GET', '/repos/acme/bad/deployments/abc')).status).toBe(404)
    expect((await call('GET', '/repos/acme/bad/deployments?per_page=lots')).status).toBe(422)
    expect((await call('POST', '/repos/acme/bad/deployments', '{"ref":')).status).toBe(400)
    expect((await call('GET', '/repos/acme/bad/environments')).status).toBe(404)
    expect((await call('PATCH', '/repos/acme/bad/deployments/1')).status).toBe(404)
    expect(gh.violations).toEqual([
      expect.stringMatching(/path\/deployment_id must be integer/),
      expect.stringMatching(/query\/per_page must be integer/),
      expect.stringMatching(/body is not JSON/),
      expect.stringMatching(/GET \/repos\/acme\/bad\/environments: no such operation/),
      expect.stringMatching(/PATCH \/repos\/acme\/bad\/deployments\/1: no such operation/)
    ])
  })

  it('accepts unknown query parameters', async () => {
    expect((await call('GET', '/repos/acme/bad/deployments?sort=created')).status).toBe(200)
    gh.expectNoViolations()
  })
})

describe('reply validation', () => {
  const api = loadDeploymentsApi()
  const deployment = {
    url: 'https://api.github.com/repos/octocat/example/deployments/1',
    id: 1,
    node_id: 'MDEwOkRlcGxveW1lbnQx',
    sha: SHA,
    ref: 'main',
    task: 'deploy',
    payload: {},
    environment: 'production',
    description: null, // nullable in the description
    creator: null, // nullable too
    created_at: '2012-07-20T01:19:13Z',
    updated_at: '2012-07-20T01:19:13Z',
    statuses_url: 'https://api.github.com/repos/octocat/example/deployments/1/statuses',
    repository_url: 'https://api.github.com/repos/octocat/example'
  }

  it('accepts a reply that matches the schema, honouring nullable', () => {
    expect(api.validateReply('repos/create-deployment', 201, deployment)).toEqual([])
    expect(api.validateReply('repos/list-deployments', 200, [deployment])).toEqual([])
  })

  it('names what is wrong in a reply that does not', () => {
    const noSha: Record<string, unknown> = { ...deployment }
    delete noSha.sha
    expect(
      api.validateReply('repos/create-deployment', 201, { ...noSha, id: '1', url: 'nope' })
    ).toEqual(
      expect.arrayContaining([
        "reply must have required property 'sha'",
        'reply/id must be integer',
        'reply/url must match format "uri"'
      ])
    )
    expect(
      api.validateReply('repos/list-deployments', 200, [{ ...deployment, payload: 3 }])
    ).toEqual(expect.arrayContaining([expect.stringMatching(/^reply\/0\/payload/)]))
    expect(api.validateReply('repos/create-deployment', 204, undefined)).toEqual([
      'status 204 is not documented for repos/create-deployment'
    ])
    // Errors GitHub sends without documenting them per operation are fine.
    expect(
      api.validateReply('repos/create-deployment-status', 404, { message: 'Not Found' })
    ).toEqual([])
  })

  it('lets "" through where GitHub documents it as the default of a URL field', () => {
    const status = {
      url: 'https://api.github.com/repos/octocat/example/deployments/42/statuses/1',
      id: 1,
      node_id: 'MDE2OkRlcGxveW1lbnRTdGF0dXMx',
      state: 'success',
      creator: null,
      description: '',
      deployment_url: 'https://api.github.com/repos/octocat/example/deployments/42',
      target_url: '',
      environment_url: '',
      repository_url: 'https://api.github.com/repos/octocat/example',
      created_at: '2012-07-20T01:19:13Z',
      updated_at: '2012-07-20T01:19:13Z'
    }
    expect(api.validateReply('repos/get-deployment-status', 200, status)).toEqual([])
    expect(
      api.validateReply('repos/get-deployment-status', 200, { ...status, target_url: 'x y' })
    ).toEqual([expect.stringMatching(/target_url/)])
  })

  it('flags a stand-in reply that echoes a value GitHub cannot return', async () => {
    const id = await createDeployment('acme/echo', { ref: 'main', environment: 'staging' })
    // The request schema allows any string; the status schema says format: uri.
    await addStatus('acme/echo', id, { state: 'success', environment_url: 'staging.example.com' })
    expect(gh.violations).toEqual([expect.stringMatching(/stand-in reply 201 .*environment_url/)])
  })
})

describe('octokit', () => {
  it('sends what the description allows for the calls Shiprail makes', async () => {
    const octokit = getOctokit(TOKEN, { baseUrl: gh.url })
    const repo = { owner: 'acme', repo: 'octokit' }
    const created = await octokit.rest.repos.createDeployment({
      ...repo,
      ref: SHA,
      environment: 'production',
      auto_merge: false,
      required_contexts: [],
      payload: { version: '1.0.0', operation: 'deploy' },
      production_environment: true,
      transient_environment: false,
      description: 'Deploy 1.0.0',
      task: 'deploy'
    })
    expect(created.status).toBe(201)
    const id = (created.data as { id: number }).id
    await octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: id,
      state: 'success',
      environment_url: 'https://example.com/',
      log_url: 'https://github.com/acme/octokit/actions/runs/1',
      auto_inactive: false
    })
    const listed = await octokit.rest.repos.listDeployments({
      ...repo,
      environment: 'production',
      per_page: 30,
      page: 1
    })
    expect(listed.data.map(d => d.id)).toEqual([id])
    const statuses = await octokit.paginate(octokit.rest.repos.listDeploymentStatuses, {
      ...repo,
      deployment_id: id,
      per_page: 100
    })
    expect(statuses.map(s => s.state)).toEqual(['success'])
    expect(gh.requests.map(r => r.operationId)).toEqual([
      'repos/create-deployment',
      'repos/create-deployment-status',
      'repos/list-deployments',
      'repos/list-deployment-statuses'
    ])
    gh.expectNoViolations()
  })
})
