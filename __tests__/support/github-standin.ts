/**
 * A local stand-in for GitHub's Deployments REST API (deployments and deployment statuses),
 * used by tests through GITHUB_API_URL.
 *
 * It exists so the product cannot drift from the real API: every request (path, query, JSON
 * body) and every reply (status + body) is checked against the operation in GitHub's
 * published OpenAPI description (`@octokit/openapi`, api.github.com.deref.json). A request
 * GitHub would refuse is answered the way GitHub answers it AND recorded in `violations`;
 * a reply of the stand-in's own that does not match the description is a violation too
 * (a bug here, or a value echoed from the request that GitHub's schema does not allow).
 *
 * Behaviour follows the operation descriptions in that file; where they are silent it
 * follows what GitHub is known to answer (messages quoted below with their source).
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'

// ---------------------------------------------------------------------------------------------
// Public API

export interface StandInOptions {
  /** The bearer token every request must carry; default 'test-token'. */
  token?: string
}

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  body: unknown
  status: number
  operationId?: string
}

export type DeploymentState =
  'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success'

export interface StoredStatus {
  id: number
  state: DeploymentState
  description: string
  environment: string
  environment_url: string
  log_url: string
  target_url: string
  created_at: string
  updated_at: string
}

export interface StoredDeployment {
  id: number
  node_id: string
  sha: string
  ref: string
  task: string
  payload: unknown
  original_environment: string
  environment: string
  description: string | null
  transient_environment: boolean
  production_environment: boolean
  created_at: string
  updated_at: string
  /** Oldest first. */
  statuses: StoredStatus[]
}

export interface SeedItem {
  environment: string
  ref?: string
  payload?: unknown
  /** States, or states with a description (e.g. Shiprail's `Shiprail: superseded ...`) and time. */
  statuses: (string | { state: string; description?: string; at?: string })[]
  production_environment?: boolean
  /** When it was created (ISO); default: a minute after the previous seeded item. */
  createdAt?: string
}

export type FaultStatus = 500 | 502 | 503 | 202 | 'rate-limit' | 'secondary-rate-limit'

export interface GitHubStandIn {
  /** e.g. http://127.0.0.1:PORT (use as GITHUB_API_URL). */
  url: string
  /** Every request, in order. */
  requests: RecordedRequest[]
  /** Human-readable breaches of the OpenAPI description, by the product or the stand-in. */
  violations: string[]
  /** The stored deployments of owner/repo, newest first, with statuses oldest first. */
  deployments(repo: string): StoredDeployment[]
  /** Pre-populate deployments (oldest first in `items`) with given statuses; returns their ids. */
  seed(repo: string, items: SeedItem[]): number[]
  /** Commits GET /repos/{owner}/{repo}/commits/{ref} knows: full SHA → committer date (ISO). */
  seedCommits(repo: string, commits: Record<string, string>): void
  /** Workflow runs GET /repos/{owner}/{repo}/actions/runs/{run_id} knows, and their status. */
  seedRun(repo: string, runId: number, status: WorkflowRunStatus): void
  /** Fault injection for the next n requests matching (optional) method/path regex. */
  fail(opts: { times: number; status: FaultStatus; method?: string; path?: RegExp }): void
  /** Clear requests, violations and faults (not data). */
  reset(): void
  /** Throws an Error listing violations. */
  expectNoViolations(): void
  close(): Promise<void>
}

// ---------------------------------------------------------------------------------------------
// The OpenAPI description: only the operations the stand-in serves

const SERVED_PATHS = [
  '/repos/{owner}/{repo}/actions/runs/{run_id}',
  '/repos/{owner}/{repo}/commits/{ref}',
  '/repos/{owner}/{repo}/deployments',
  '/repos/{owner}/{repo}/deployments/{deployment_id}',
  '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
  '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses/{status_id}'
]
const METHODS = ['get', 'post', 'patch', 'put', 'delete']

type Schema = Record<string, unknown>

interface OpenApiParameter {
  name: string
  in: string
  required?: boolean
  schema: Schema
}

interface OpenApiOperation {
  operationId: string
  externalDocs?: { url?: string }
  parameters?: OpenApiParameter[]
  requestBody?: { content?: Record<string, { schema?: Schema }> }
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>
}

type PathItems = Record<string, Record<string, OpenApiOperation>>

const require = createRequire(import.meta.url)

/**
 * The served path items of api.github.com.deref.json. Parsing the 73 MB file takes about a
 * second and over 100 MB of heap, and Jest gives every test file a fresh module registry,
 * so the ~90 kB subset is cached on disk, keyed by the package version and file size.
 */
function loadPathItems(): PathItems {
  const specFile = require.resolve('@octokit/openapi/generated/api.github.com.deref.json')
  const version = (require('@octokit/openapi/package.json') as { version: string }).version
  const cacheFile = join(
    tmpdir(),
    'shiprail-github-standin',
    `deployments-${version}-${statSync(specFile).size}-${createHash('sha1').update(SERVED_PATHS.join()).digest('hex').slice(0, 8)}.json`
  )
  try {
    return JSON.parse(readFileSync(cacheFile, 'utf8')) as PathItems
  } catch {
    // Not cached yet (or unreadable): build it from the full description.
  }
  const all = JSON.parse(readFileSync(specFile, 'utf8')) as { paths: PathItems }
  const subset: PathItems = {}
  for (const path of SERVED_PATHS) subset[path] = all.paths[path]
  mkdirSync(dirname(cacheFile), { recursive: true })
  // Write then rename, so a parallel Jest worker never reads half a file.
  const partial = `${cacheFile}.${process.pid}.tmp`
  writeFileSync(partial, JSON.stringify(subset))
  renameSync(partial, cacheFile)
  return subset
}

/**
 * GitHub documents `default: ""` on URL fields that also say `format: uri`, and it does
 * answer "" when the URL was not given (e.g. a status's `target_url`). A strict `uri` check
 * would call GitHub's own documented default invalid, so exactly there the format becomes
 * `<format>-or-empty` (registered in `newAjv`).
 */
function allowDocumentedEmptyDefaults(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(allowDocumentedEmptyDefaults)
  if (!schema || typeof schema !== 'object') return schema
  const copy: Schema = {}
  for (const [key, value] of Object.entries(schema)) copy[key] = allowDocumentedEmptyDefaults(value)
  if (typeof copy.format === 'string' && copy.default === '') copy.format += '-or-empty'
  // The commit schema says `nullable: true` beside a `oneOf` with no `type` (a commit's
  // `author`); Ajv reads `nullable` only next to `type`, so say "or null" explicitly there.
  if (copy.nullable === true && copy.type === undefined) {
    delete copy.nullable
    return { anyOf: [copy, { type: 'null' }] }
  }
  return copy
}

interface CompiledOperation {
  operationId: string
  method: string
  template: string
  pattern: RegExp
  docsUrl: string
  validatePath: ValidateFunction
  validateQuery: ValidateFunction
  validateBody?: ValidateFunction
  /** Schema validators per documented status; null when that status has no JSON body. */
  replies: Map<number, ValidateFunction | null>
}

function newAjv(coerceTypes: boolean): Ajv {
  // strict: false because the description uses OpenAPI-only keywords (example, x-*).
  // `nullable: true` is understood by Ajv itself.
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes })
  // ajv-formats is CommonJS; under NodeNext its default import is the module object.
  const addFormats = (addFormatsModule as unknown as { default: (a: Ajv) => Ajv }).default
  addFormats(ajv)
  for (const name of Object.keys(ajv.formats)) {
    const check = ajv.compile({ type: 'string', format: name })
    ajv.addFormat(`${name}-or-empty`, { type: 'string', validate: s => s === '' || check(s) })
  }
  return ajv
}

function parameterObjectSchema(parameters: OpenApiParameter[], where: 'path' | 'query'): Schema {
  const chosen = parameters.filter(p => p.in === where)
  return {
    type: 'object',
    properties: Object.fromEntries(
      chosen.map(p => [p.name, allowDocumentedEmptyDefaults(p.schema)])
    ),
    required: chosen.filter(p => p.required).map(p => p.name)
  }
}

function templatePattern(template: string): RegExp {
  const source = template.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')
  return new RegExp(`^${source}/?$`)
}

/** Validators for the served operations, built from GitHub's OpenAPI description. */
export class DeploymentsApiDescription {
  readonly operations: CompiledOperation[] = []

  constructor(pathItems: PathItems) {
    const bodies = newAjv(false)
    const params = newAjv(true)
    for (const [template, item] of Object.entries(pathItems)) {
      for (const method of METHODS) {
        const op = item[method]
        if (!op) continue
        const parameters = op.parameters ?? []
        const bodySchema = op.requestBody?.content?.['application/json']?.schema
        const replies = new Map<number, ValidateFunction | null>()
        for (const [status, response] of Object.entries(op.responses)) {
          const schema = response.content?.['application/json']?.schema
          replies.set(
            Number(status),
            schema ? bodies.compile(allowDocumentedEmptyDefaults(schema) as Schema) : null
          )
        }
        this.operations.push({
          operationId: op.operationId,
          method: method.toUpperCase(),
          template,
          pattern: templatePattern(template),
          docsUrl: op.externalDocs?.url ?? 'https://docs.github.com/rest',
          validatePath: params.compile(parameterObjectSchema(parameters, 'path')),
          validateQuery: params.compile(parameterObjectSchema(parameters, 'query')),
          validateBody: bodySchema
            ? bodies.compile(allowDocumentedEmptyDefaults(bodySchema) as Schema)
            : undefined,
          replies
        })
      }
    }
  }

  operation(operationId: string): CompiledOperation {
    const op = this.operations.find(o => o.operationId === operationId)
    if (!op) throw new Error(`No operation ${operationId} in the description`)
    return op
  }

  /** Problems with a reply body for `status`, as text; [] when it matches the description. */
  validateReply(operationId: string, status: number, body: unknown): string[] {
    const op = this.operation(operationId)
    if (!op.replies.has(status)) {
      // GitHub answers undocumented errors (404 on a missing deployment, 401...) all the
      // time; an undocumented success status, though, is something the product can't expect.
      return status < 400 ? [`status ${status} is not documented for ${operationId}`] : []
    }
    const validate = op.replies.get(status)
    if (!validate) {
      return body === undefined ? [] : [`status ${status} has no body in the description`]
    }
    return validate(body) ? [] : describeErrors(validate.errors, 'reply')
  }
}

let description: DeploymentsApiDescription | undefined

/** The served operations, loaded once per module instance. */
export function loadDeploymentsApi(): DeploymentsApiDescription {
  description ??= new DeploymentsApiDescription(loadPathItems())
  return description
}

function describeErrors(errors: ErrorObject[] | null | undefined, dataVar: string): string[] {
  return (errors ?? []).map(e => `${dataVar}${e.instancePath} ${e.message}${paramsNote(e)}`)
}

function paramsNote(e: ErrorObject): string {
  if (e.keyword === 'enum') return ` (${(e.params.allowedValues as unknown[]).join(', ')})`
  return ''
}

function valueAt(data: unknown, pointer: string): unknown {
  let value = data
  for (const part of pointer.split('/').slice(1)) {
    value = (value as Record<string, unknown> | undefined)?.[
      part.replace(/~1/g, '/').replace(/~0/g, '~')
    ]
  }
  return value
}

/**
 * The message GitHub puts in a 422 for a body its schema refuses, e.g.
 * `Invalid request.\n\n"ref" wasn't supplied.` or
 * `Invalid request.\n\nFor 'properties/state', "bogus" is not a member of the enum.`
 */
function githubSchemaMessage(errors: ErrorObject[], data: unknown): string {
  const e = errors.find(x => x.keyword === 'required') ?? errors[0]
  if (e.keyword === 'required') {
    return `Invalid request.\n\n"${e.params.missingProperty}" wasn't supplied.`
  }
  const at = `properties${e.instancePath}`
  const shown = JSON.stringify(valueAt(data, e.instancePath))
  if (e.keyword === 'enum') {
    return `Invalid request.\n\nFor '${at}', ${shown} is not a member of the enum.`
  }
  if (e.keyword === 'type') {
    const type = String(e.params.type)
    const article = /^[aeiou]/.test(type) ? 'an' : 'a'
    return `Invalid request.\n\nFor '${at}', ${shown} is not ${article} ${type}.`
  }
  return `Invalid request.\n\nFor '${at}', ${shown} ${e.message}.`
}

// ---------------------------------------------------------------------------------------------
// GitHub objects

/** GitHub Actions' GITHUB_TOKEN acts as this user, so deployments made in a workflow show it. */
const ACTIONS_BOT = {
  login: 'github-actions[bot]',
  id: 41898282,
  node_id: 'MDM6Qm90NDE4OTgyODI=',
  avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
  gravatar_id: '',
  url: 'https://api.github.com/users/github-actions%5Bbot%5D',
  html_url: 'https://github.com/apps/github-actions',
  followers_url: 'https://api.github.com/users/github-actions%5Bbot%5D/followers',
  following_url: 'https://api.github.com/users/github-actions%5Bbot%5D/following{/other_user}',
  gists_url: 'https://api.github.com/users/github-actions%5Bbot%5D/gists{/gist_id}',
  starred_url: 'https://api.github.com/users/github-actions%5Bbot%5D/starred{/owner}{/repo}',
  subscriptions_url: 'https://api.github.com/users/github-actions%5Bbot%5D/subscriptions',
  organizations_url: 'https://api.github.com/users/github-actions%5Bbot%5D/orgs',
  repos_url: 'https://api.github.com/users/github-actions%5Bbot%5D/repos',
  events_url: 'https://api.github.com/users/github-actions%5Bbot%5D/events{/privacy}',
  received_events_url: 'https://api.github.com/users/github-actions%5Bbot%5D/received_events',
  type: 'Bot',
  user_view_type: 'public',
  site_admin: false
}

const STATES: readonly string[] = [
  'error',
  'failure',
  'inactive',
  'in_progress',
  'queued',
  'pending',
  'success'
]

/** GitHub's timestamps have whole seconds: two statuses made in one second tie. */
function timestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function nodeId(kind: string, id: number): string {
  return Buffer.from(`0${kind.length}:${kind}${id}`).toString('base64')
}

/** A ref that is already a full SHA is recorded as is; anything else gets a stable fake. */
function shaFor(ref: string): string {
  return /^[0-9a-f]{40}$/i.test(ref)
    ? ref.toLowerCase()
    : createHash('sha1').update(ref).digest('hex')
}

/** GitHub stores a JSON-text payload as the object it encodes. */
function normalisePayload(payload: unknown): unknown {
  if (payload === undefined) return {}
  if (typeof payload !== 'string') return payload
  try {
    const parsed: unknown = JSON.parse(payload)
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : payload
  } catch {
    return payload
  }
}

interface Repo {
  owner: string
  name: string
  /** Oldest first. */
  deployments: StoredDeployment[]
  /** Full SHA → committer date, for get-commit. */
  commits: Map<string, string>
  /** Workflow run id → its status, for get-workflow-run. */
  runs: Map<number, WorkflowRunStatus>
}

export type WorkflowRunStatus = 'queued' | 'in_progress' | 'completed'

/** Active means shown as live: GitHub refuses to delete it unless it is the only one. */
function isInactive(d: StoredDeployment): boolean {
  const latest = d.statuses.at(-1)?.state
  return latest === 'inactive' || latest === 'failure' || latest === 'error'
}

class Store {
  private readonly repos = new Map<string, Repo>()
  private nextDeploymentId = 1_000_000_001
  private nextStatusId = 3_000_000_001

  /** Owner and repository names are not case sensitive on GitHub. */
  repo(owner: string, name: string): Repo {
    const key = `${owner}/${name}`.toLowerCase()
    let repo = this.repos.get(key)
    if (!repo) {
      repo = { owner, name, deployments: [], commits: new Map(), runs: new Map() }
      this.repos.set(key, repo)
    }
    return repo
  }

  createDeployment(
    repo: Repo,
    input: {
      ref: string
      task?: string
      payload?: unknown
      environment?: string
      description?: string | null
      transient_environment?: boolean
      production_environment?: boolean
    },
    at: number
  ): StoredDeployment {
    // Defaults from the create-deployment request schema: environment 'production', task
    // 'deploy', description '', transient false, production true only for 'production'.
    const environment = input.environment ?? 'production'
    const id = this.nextDeploymentId++
    const deployment: StoredDeployment = {
      id,
      node_id: nodeId('Deployment', id),
      sha: shaFor(input.ref),
      ref: input.ref,
      task: input.task ?? 'deploy',
      payload: normalisePayload(input.payload),
      original_environment: environment,
      environment,
      description: input.description === undefined ? '' : input.description,
      transient_environment: input.transient_environment ?? false,
      production_environment: input.production_environment ?? environment === 'production',
      created_at: timestamp(at),
      updated_at: timestamp(at),
      statuses: []
    }
    repo.deployments.push(deployment)
    return deployment
  }

  addStatus(
    deployment: StoredDeployment,
    input: {
      state: DeploymentState
      description?: string
      environment?: string
      environment_url?: string
      log_url?: string
      target_url?: string
    },
    at: number
  ): StoredStatus {
    // "If not defined, the environment of the previous status on the deployment will be
    // used, if it exists. Otherwise, the environment of the deployment will be used."
    const environment =
      input.environment ?? deployment.statuses.at(-1)?.environment ?? deployment.environment
    // "Setting log_url will automatically set target_url to the same value."
    const logUrl = input.log_url ?? input.target_url ?? ''
    const status: StoredStatus = {
      id: this.nextStatusId++,
      state: input.state,
      description: input.description ?? '',
      environment,
      environment_url: input.environment_url ?? '',
      log_url: logUrl,
      target_url: logUrl,
      created_at: timestamp(at),
      updated_at: timestamp(at)
    }
    deployment.statuses.push(status)
    // A status may move the deployment; original_environment keeps where it started.
    deployment.environment = environment
    deployment.updated_at = status.updated_at
    return status
  }

  /**
   * auto_inactive: "Adds a new inactive status to all prior non-transient, non-production
   * environment deployments with the same repository and environment name as the created
   * status's deployment. An inactive status is only added to deployments that had a success
   * state." So production deployments are never deactivated by GitHub.
   */
  deactivatePrior(repo: Repo, current: StoredDeployment, at: number): void {
    for (const d of repo.deployments) {
      if (d.id >= current.id || d.environment !== current.environment) continue
      if (d.transient_environment || d.production_environment) continue
      if (d.statuses.at(-1)?.state !== 'success') continue
      this.addStatus(d, { state: 'inactive' }, at)
    }
  }

  deleteDeployment(repo: Repo, id: number): void {
    repo.deployments = repo.deployments.filter(d => d.id !== id)
  }
}

function deploymentJson(base: string, repo: Repo, d: StoredDeployment): Record<string, unknown> {
  const repositoryUrl = `${base}/repos/${repo.owner}/${repo.name}`
  return {
    url: `${repositoryUrl}/deployments/${d.id}`,
    id: d.id,
    node_id: d.node_id,
    task: d.task,
    original_environment: d.original_environment,
    environment: d.environment,
    description: d.description,
    created_at: d.created_at,
    updated_at: d.updated_at,
    statuses_url: `${repositoryUrl}/deployments/${d.id}/statuses`,
    repository_url: repositoryUrl,
    creator: ACTIONS_BOT,
    sha: d.sha,
    ref: d.ref,
    payload: d.payload,
    transient_environment: d.transient_environment,
    production_environment: d.production_environment
  }
}

function statusJson(
  base: string,
  repo: Repo,
  d: StoredDeployment,
  s: StoredStatus
): Record<string, unknown> {
  const repositoryUrl = `${base}/repos/${repo.owner}/${repo.name}`
  return {
    url: `${repositoryUrl}/deployments/${d.id}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId('DeploymentStatus', s.id),
    state: s.state,
    creator: ACTIONS_BOT,
    description: s.description,
    environment: s.environment,
    target_url: s.target_url,
    created_at: s.created_at,
    updated_at: s.updated_at,
    deployment_url: `${repositoryUrl}/deployments/${d.id}`,
    repository_url: repositoryUrl,
    environment_url: s.environment_url,
    log_url: s.log_url
  }
}

// ---------------------------------------------------------------------------------------------
// Handlers: one per operation, on validated input

interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** Set when the product asked for something GitHub refuses although the schema allows it. */
  violation?: string
  /** An injected fault: deliberate, so not checked against the description (except 202). */
  injected?: boolean
}

interface Call {
  params: Record<string, string | number>
  query: Record<string, string | number>
  body: Record<string, unknown>
  repo: Repo
  /** The request URL on the stand-in: its origin prefixes resource URLs, and Link headers. */
  url: URL
  docsUrl: string
}

const MAX_PER_PAGE = 100

/** A page of `items` and GitHub's Link header (rel prev, next, last, first) for it. */
function paginate<T>(items: T[], call: Call): { page: T[]; link?: string } {
  const requested = Number(call.query.per_page ?? 30)
  const perPage = Math.min(Math.max(requested, 1), MAX_PER_PAGE)
  const page = Math.max(Number(call.query.page ?? 1), 1)
  const lastPage = Math.max(Math.ceil(items.length / perPage), 1)
  const slice = items.slice((page - 1) * perPage, page * perPage)
  const href = (n: number) => {
    const u = new URL(call.url)
    u.searchParams.set('page', String(n))
    return `<${u.href}>; rel=`
  }
  const links: string[] = []
  if (page > 1) links.push(`${href(page - 1)}"prev"`)
  if (page < lastPage) links.push(`${href(page + 1)}"next"`, `${href(lastPage)}"last"`)
  if (page > 1) links.push(`${href(1)}"first"`)
  return { page: slice, link: items.length && links.length ? links.join(', ') : undefined }
}

function notFound(call: Call): Reply {
  return {
    status: 404,
    body: { message: 'Not Found', documentation_url: call.docsUrl, status: '404' }
  }
}

function findDeployment(call: Call): StoredDeployment | undefined {
  return call.repo.deployments.find(d => d.id === call.params.deployment_id)
}

function withPage(page: { page: unknown[]; link?: string }): Reply {
  return { status: 200, body: page.page, headers: page.link ? { link: page.link } : undefined }
}

/** A repository as a workflow run embeds it (minimal-repository): what the schema requires. */
function minimalRepositoryJson(base: string, repo: Repo): Record<string, unknown> {
  const api = `${base}/repos/${repo.owner}/${repo.name}`
  const urls = Object.fromEntries(
    (
      'archive assignees blobs branches collaborators comments commits compare contents ' +
      'contributors deployments downloads events forks git_commits git_refs git_tags hooks ' +
      'issue_comment issue_events issues keys labels languages merges milestones notifications ' +
      'pulls releases stargazers statuses subscribers subscription tags teams trees'
    )
      .split(' ')
      .map(name => [`${name}_url`, `${api}/${name.replace(/_/g, '/')}`])
  )
  return {
    ...urls,
    id: 1296269,
    node_id: nodeId('Repository', 1296269),
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    owner: ACTIONS_BOT,
    private: true,
    html_url: `https://github.com/${repo.owner}/${repo.name}`,
    description: null,
    fork: false,
    url: api
  }
}

/** A workflow run as get-workflow-run answers it; only the status is seeded. */
function workflowRunJson(
  base: string,
  repo: Repo,
  id: number,
  status: WorkflowRunStatus
): Record<string, unknown> {
  const api = `${base}/repos/${repo.owner}/${repo.name}/actions/runs/${id}`
  const sha = createHash('sha1').update(`run ${id}`).digest('hex')
  const at = new Date(Date.UTC(2026, 10, 30)).toISOString().replace('.000', '')
  const person = { name: 'Mona Lisa', email: 'mona@example.com' }
  const repository = minimalRepositoryJson(base, repo)
  return {
    id,
    node_id: nodeId('WorkflowRun', id),
    name: 'deploy',
    head_branch: 'main',
    head_sha: sha,
    path: '.github/workflows/deploy.yml',
    display_title: 'Deploy',
    run_number: id,
    event: 'push',
    status,
    conclusion: status === 'completed' ? 'success' : null,
    workflow_id: 161335,
    url: api,
    html_url: `https://github.com/${repo.owner}/${repo.name}/actions/runs/${id}`,
    pull_requests: [],
    created_at: at,
    updated_at: at,
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${base}/repos/${repo.owner}/${repo.name}/check-suites/${id}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    workflow_url: `${base}/repos/${repo.owner}/${repo.name}/actions/workflows/161335`,
    head_commit: {
      id: sha,
      tree_id: sha,
      message: 'Change',
      timestamp: at,
      author: person,
      committer: person
    },
    repository,
    head_repository: repository
  }
}

/** A commit as get-commit answers it; only what the schema requires, with the seeded date. */
function commitJson(base: string, repo: Repo, sha: string, date: string): Record<string, unknown> {
  const repositoryUrl = `${base}/repos/${repo.owner}/${repo.name}`
  const person = { name: 'Mona Lisa', email: 'mona@example.com', date }
  return {
    url: `${repositoryUrl}/commits/${sha}`,
    sha,
    node_id: nodeId('Commit', parseInt(sha.slice(0, 8), 16)),
    html_url: `https://github.com/${repo.owner}/${repo.name}/commit/${sha}`,
    comments_url: `${repositoryUrl}/commits/${sha}/comments`,
    commit: {
      url: `${repositoryUrl}/git/commits/${sha}`,
      author: person,
      committer: person,
      message: 'Change',
      comment_count: 0,
      tree: {
        sha: createHash('sha1').update(`tree ${sha}`).digest('hex'),
        url: `${repositoryUrl}/git/trees/${sha}`
      }
    },
    author: null,
    committer: null,
    parents: []
  }
}

function handlers(store: Store): Record<string, (call: Call) => Reply> {
  return {
    'actions/get-workflow-run': call => {
      const id = Number(call.params.run_id)
      const status = call.repo.runs.get(id)
      return status
        ? { status: 200, body: workflowRunJson(call.url.origin, call.repo, id, status) }
        : notFound(call)
    },

    'repos/get-commit': call => {
      const sha = String(call.params.ref).toLowerCase()
      const date = call.repo.commits.get(sha)
      if (date) return { status: 200, body: commitJson(call.url.origin, call.repo, sha, date) }
      // What GitHub answers for a SHA it does not have.
      return {
        status: 422,
        body: {
          message: `No commit found for SHA: ${call.params.ref}`,
          documentation_url: call.docsUrl,
          status: '422'
        }
      }
    },

    'repos/list-deployments': call => {
      const filters = ['sha', 'ref', 'task', 'environment'] as const
      const matching = call.repo.deployments
        .filter(d => filters.every(f => call.query[f] === undefined || d[f] === call.query[f]))
        .reverse()
      return withPage(
        paginate(
          matching.map(d => deploymentJson(call.url.origin, call.repo, d)),
          call
        )
      )
    },

    'repos/create-deployment': call => {
      const d = store.createDeployment(call.repo, call.body as { ref: string }, Date.now())
      const body = deploymentJson(call.url.origin, call.repo, d)
      return { status: 201, body, headers: { location: String(body.url) } }
    },

    'repos/get-deployment': call => {
      const d = findDeployment(call)
      return d
        ? { status: 200, body: deploymentJson(call.url.origin, call.repo, d) }
        : notFound(call)
    },

    'repos/delete-deployment': call => {
      const d = findDeployment(call)
      if (!d) return notFound(call)
      // "If the repository has more than one deployment, you can only delete inactive
      // deployments." The message is the one GitHub sends.
      if (call.repo.deployments.length > 1 && !isInactive(d)) {
        return {
          status: 422,
          body: {
            message:
              'We cannot delete an active deployment unless it is the only deployment in a given environment.',
            documentation_url: call.docsUrl,
            status: '422'
          }
        }
      }
      store.deleteDeployment(call.repo, d.id)
      return { status: 204 }
    },

    'repos/list-deployment-statuses': call => {
      const d = findDeployment(call)
      if (!d) return notFound(call)
      const newestFirst = [...d.statuses].reverse()
      return withPage(
        paginate(
          newestFirst.map(s => statusJson(call.url.origin, call.repo, d, s)),
          call
        )
      )
    },

    'repos/create-deployment-status': call => {
      const d = findDeployment(call)
      if (!d) return notFound(call)
      const input = call.body as Parameters<Store['addStatus']>[1] & { auto_inactive?: boolean }
      // The schema has no maxLength, but the operation says "The maximum description length
      // is 140 characters" and GitHub answers 422 (github/developer.github.com#976).
      if ((input.description ?? '').length > 140) {
        return {
          status: 422,
          body: {
            message: 'Validation Failed',
            errors: [
              {
                resource: 'DeploymentStatus',
                code: 'custom',
                field: 'description',
                message: 'description is too long (maximum is 140 characters)'
              }
            ],
            documentation_url: call.docsUrl,
            status: '422'
          },
          violation: `status description is ${input.description?.length} characters; GitHub allows 140`
        }
      }
      const now = Date.now()
      const s = store.addStatus(d, input, now)
      if (input.state === 'success' && input.auto_inactive !== false) {
        store.deactivatePrior(call.repo, d, now)
      }
      const body = statusJson(call.url.origin, call.repo, d, s)
      return { status: 201, body, headers: { location: String(body.url) } }
    },

    'repos/get-deployment-status': call => {
      const d = findDeployment(call)
      const s = d?.statuses.find(x => x.id === call.params.status_id)
      return d && s
        ? { status: 200, body: statusJson(call.url.origin, call.repo, d, s) }
        : notFound(call)
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Faults

interface Fault {
  remaining: number
  status: FaultStatus
  method?: string
  path?: RegExp
}

/** What GitHub sends for each injected fault; shapes from GitHub's rate limit docs. */
function faultReply(status: FaultStatus): Reply {
  return { ...faultShape(status), injected: true }
}

function faultShape(status: FaultStatus): Reply {
  const nowS = Math.floor(Date.now() / 1000)
  switch (status) {
    case 202:
      // The create-deployment "Merged branch response": nothing is created.
      return {
        status: 202,
        body: { message: 'Auto-merged master into topic-branch on deployment.' }
      }
    case 'rate-limit':
      return {
        status: 403,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(nowS + 1) },
        body: {
          message: "API rate limit exceeded for installation ID 1. (But here's the good news: ...)",
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits',
          status: '403'
        }
      }
    case 'secondary-rate-limit':
      return {
        status: 403,
        headers: { 'retry-after': '1' },
        body: {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          status: '403'
        }
      }
    default:
      return { status, body: { message: 'Server Error' } }
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP

const RATE_LIMIT = 5000

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function route(
  api: DeploymentsApiDescription,
  method: string,
  path: string
): { op: CompiledOperation; params: Record<string, string> } | undefined {
  for (const op of api.operations) {
    const match = op.method === method ? op.pattern.exec(path) : null
    if (!match) continue
    const params = Object.fromEntries(
      Object.entries(match.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)])
    )
    return { op, params }
  }
  return undefined
}

const DOCS = 'https://docs.github.com/rest'

type CheckedRequest =
  | {
      op: CompiledOperation
      params: Record<string, string | number>
      query: Record<string, string | number>
      body: Record<string, unknown>
      parsedBody?: unknown
    }
  | { op?: CompiledOperation; refusal: Reply; violation: string; parsedBody?: unknown }

/**
 * Route a request and validate its path, query and body against the operation, answering a
 * refusal the way GitHub does: a malformed path parameter is a 404 (GitHub routes on the
 * path), a bad query or body a 422, a body that is not JSON a 400.
 */
function checkRequest(
  api: DeploymentsApiDescription,
  method: string,
  url: URL,
  rawBody: string
): CheckedRequest {
  const where = `${method} ${url.pathname}`
  const found = route(api, method, url.pathname)
  if (!found) {
    return {
      refusal: {
        status: 404,
        body: { message: 'Not Found', documentation_url: DOCS, status: '404' }
      },
      violation: `${where}: no such operation in the stand-in (GitHub's Deployments API)`
    }
  }
  const { op } = found
  const refuse = (status: number, message: string, problems: string[], parsedBody?: unknown) => ({
    op,
    parsedBody,
    refusal: { status, body: { message, documentation_url: op.docsUrl, status: String(status) } },
    violation: `${where} (${op.operationId}): ${problems.join('; ')}`
  })

  const params: Record<string, string | number> = { ...found.params }
  if (!op.validatePath(params)) {
    return refuse(404, 'Not Found', describeErrors(op.validatePath.errors, 'path'))
  }
  const query: Record<string, string | number> = Object.fromEntries(url.searchParams)
  if (!op.validateQuery(query)) {
    const problems = describeErrors(op.validateQuery.errors, 'query')
    return refuse(422, `Invalid request.\n\n${problems[0]}`, problems)
  }
  if (!op.validateBody) return { op, params, query, body: {} }

  let parsed: unknown
  try {
    parsed = rawBody.trim() ? JSON.parse(rawBody) : {}
  } catch {
    return refuse(400, 'Problems parsing JSON', ['body is not JSON'])
  }
  if (!op.validateBody(parsed)) {
    const errors = op.validateBody.errors ?? []
    const message = githubSchemaMessage(errors, parsed)
    return refuse(422, message, describeErrors(errors, 'body'), parsed)
  }
  return { op, params, query, body: parsed as Record<string, unknown>, parsedBody: parsed }
}

export async function startGitHubStandIn(options: StandInOptions = {}): Promise<GitHubStandIn> {
  const token = options.token ?? 'test-token'
  const api = loadDeploymentsApi()
  const store = new Store()
  const handle = handlers(store)
  const requests: RecordedRequest[] = []
  const violations: string[] = []
  let faults: Fault[] = []
  let used = 0
  const windowReset = Math.floor(Date.now() / 1000) + 3600

  function takeFault(method: string, path: string): Fault | undefined {
    const fault = faults.find(
      f =>
        f.remaining > 0 &&
        (!f.method || f.method.toUpperCase() === method) &&
        (!f.path || f.path.test(path))
    )
    if (fault) fault.remaining--
    return fault
  }

  /** Everything between the raw request and the reply, recording what is wrong. */
  function answer(
    method: string,
    url: URL,
    authorization: string | undefined,
    rawBody: string,
    record: RecordedRequest
  ): Reply {
    const credentials = /^(?:token|bearer)\s+(.+)$/i.exec(authorization ?? '')?.[1]
    if (credentials !== token) {
      const message = authorization ? 'Bad credentials' : 'Requires authentication'
      return { status: 401, body: { message, documentation_url: DOCS, status: '401' } }
    }
    const checked = checkRequest(api, method, url, rawBody)
    record.operationId = checked.op?.operationId
    if (checked.parsedBody !== undefined) record.body = checked.parsedBody
    if ('refusal' in checked) {
      violations.push(checked.violation)
      return checked.refusal
    }

    const fault = takeFault(method, url.pathname)
    if (fault) return faultReply(fault.status)

    const { op, params, query, body } = checked
    const repo = store.repo(String(params.owner), String(params.repo))
    const reply = handle[op.operationId]({ params, query, body, repo, url, docsUrl: op.docsUrl })
    if (reply.violation)
      violations.push(`${method} ${url.pathname} (${op.operationId}): ${reply.violation}`)
    return reply
  }

  function checkReply(record: RecordedRequest, reply: Reply): void {
    // Injected 5xx and 403s are deliberate and undocumented per operation; 202 is documented.
    if (!record.operationId || (reply.injected && reply.status !== 202)) return
    const problems = api.validateReply(record.operationId, reply.status, reply.body)
    if (problems.length) {
      violations.push(
        `${record.method} ${record.path} (${record.operationId}): stand-in reply ${reply.status} breaks the description: ${problems.join('; ')}`
      )
    }
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase()
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
    const rawBody = await readBody(req)
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: rawBody || undefined,
      status: 0
    }
    requests.push(record)
    const reply = answer(method, url, req.headers.authorization, rawBody, record)
    record.status = reply.status
    checkReply(record, reply)

    used++
    res.writeHead(reply.status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
      'x-github-media-type': 'github.v3; format=json',
      'x-ratelimit-limit': String(RATE_LIMIT),
      'x-ratelimit-remaining': String(Math.max(RATE_LIMIT - used, 0)),
      'x-ratelimit-reset': String(windowReset),
      'x-ratelimit-used': String(used),
      'x-ratelimit-resource': 'core',
      ...reply.headers
    })
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body))
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      violations.push(`stand-in crashed on ${req.method} ${req.url}: ${String(error)}`)
      res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify({ message: 'Server Error' }))
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    violations,

    deployments(repo) {
      const [owner, name] = repo.split('/')
      return structuredClone(store.repo(owner, name).deployments).reverse()
    },

    seed(repo, items) {
      const [owner, name] = repo.split('/')
      const target = store.repo(owner, name)
      // Spread a minute apart in the past, so seeded history is older than anything new.
      const start = Date.now() - (items.length + 1) * 60_000
      return items.map(({ statuses, createdAt, ...item }, i) => {
        const at = createdAt ? Date.parse(createdAt) : start + i * 60_000
        const d = store.createDeployment(target, { ...item, ref: item.ref ?? 'main' }, at)
        statuses.forEach((entry, j) => {
          const {
            state,
            description,
            at: statusAt
          } = typeof entry === 'string'
            ? { state: entry, description: undefined, at: undefined }
            : entry
          if (!STATES.includes(state)) throw new Error(`seed: unknown deployment state ${state}`)
          const when = statusAt ? Date.parse(statusAt) : at + (j + 1) * 1000
          store.addStatus(d, { state: state as DeploymentState, description }, when)
        })
        return d.id
      })
    },

    seedRun(repo, runId, status) {
      const [owner, name] = repo.split('/')
      store.repo(owner, name).runs.set(runId, status)
    },

    seedCommits(repo, commits) {
      const [owner, name] = repo.split('/')
      const target = store.repo(owner, name)
      for (const [sha, date] of Object.entries(commits)) target.commits.set(sha.toLowerCase(), date)
    },

    fail(opts) {
      faults.push({
        remaining: opts.times,
        status: opts.status,
        method: opts.method,
        path: opts.path
      })
    },

    reset() {
      requests.length = 0
      violations.length = 0
      faults = []
    },

    expectNoViolations() {
      if (violations.length) {
        throw new Error(
          `GitHub stand-in saw ${violations.length} violation(s):\n- ${violations.join('\n- ')}`
        )
      }
    },

    close() {
      server.closeAllConnections()
      return new Promise<void>((resolve, reject) => server.close(e => (e ? reject(e) : resolve())))
    }
  }
}
