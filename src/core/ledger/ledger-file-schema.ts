/**
 * The schema of the `ledger: file` JSON file, checked in full on every read: a hand-edited or
 * damaged file (`deployments: [null]`, a status of the wrong type, `nextId` missing) must stop
 * the step with the JSON path of the problem, before any rule reads it or any write repeats it.
 * Fields the schema does not name are allowed, so a newer Shiprail's additions do not break an
 * older one.
 */

/** Returns the first problem found, as `[json path, what is wrong]`, or undefined. */
type Rule = (value: unknown, path: string) => [string, string] | undefined

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return `the string ${JSON.stringify(value).slice(0, 40)}`
  return `${typeof value} ${String(value)}`
}

const text: Rule = (v, path) =>
  typeof v === 'string' ? undefined : [path, `is ${kindOf(v)}, expected a string`]

const optional =
  (rule: Rule): Rule =>
  (v, path) =>
    v === undefined ? undefined : rule(v, path)

const nullable =
  (rule: Rule): Rule =>
  (v, path) =>
    v === null || v === undefined ? undefined : rule(v, path)

const oneOf =
  (values: readonly unknown[]): Rule =>
  (v, path) =>
    values.includes(v)
      ? undefined
      : [path, `is ${kindOf(v)}, expected one of ${values.map(x => JSON.stringify(x)).join(', ')}`]

const wholeNumber: Rule = (v, path) =>
  Number.isSafeInteger(v) && (v as number) >= 1
    ? undefined
    : [path, `is ${v === undefined ? 'missing' : kindOf(v)}, expected a whole number from 1`]

function object(fields: Record<string, Rule>, what: string): Rule {
  return (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      return [path, `is ${kindOf(v)}, expected ${what} (an object)`]
    for (const [name, rule] of Object.entries(fields)) {
      const value = (v as Record<string, unknown>)[name]
      const at = `${path}.${name}`
      if (value === undefined && !rule(undefined, at)) continue
      const problem = rule(value, at)
      if (problem) return value === undefined ? [at, 'is missing'] : problem
    }
    return undefined
  }
}

function list(item: Rule): Rule {
  return (v, path) => {
    if (!Array.isArray(v)) return [path, `is ${kindOf(v)}, expected a list`]
    for (const [i, value] of v.entries()) {
      const problem = item(value, `${path}[${i}]`)
      if (problem) return problem
    }
    return undefined
  }
}

const STATES = ['in_progress', 'queued', 'pending', 'success', 'failure', 'error', 'inactive']

const status = object(
  {
    state: oneOf(STATES),
    description: text,
    environmentUrl: optional(text),
    logUrl: optional(text),
    createdAt: text
  },
  'a status'
)

const deployment = object(
  {
    id: text,
    environment: text,
    ref: text,
    createdAt: text,
    creator: optional(text),
    payload: object(
      {
        version: text,
        driver: text,
        previous_version: nullable(text),
        operation: oneOf(['deploy', 'rollback']),
        run_url: nullable(text),
        previous_deployment_id: nullable(text),
        rollback_of: nullable(text),
        reason: nullable(text),
        release: nullable(text),
        image: nullable(text),
        image_id: nullable(text)
      },
      'a payload'
    ),
    statuses: list(status)
  },
  'a deployment'
)

const ledgerFile = object(
  { schema: oneOf([1]), nextId: wholeNumber, deployments: list(deployment) },
  'a Shiprail ledger'
)

/**
 * Problems of a parsed ledger file, as one phrase naming the JSON path (`$.deployments[0] is
 * null, expected a deployment (an object)`), or undefined when it is sound. Besides the shapes:
 * ids are unique, and `nextId` is above every numeric id, so a new record never takes an old id.
 */
export function ledgerFileProblem(data: unknown): string | undefined {
  const problem = ledgerFile(data, '$')
  if (problem) return `${problem[0]} ${problem[1]}`
  const { nextId, deployments } = data as { nextId: number; deployments: { id: string }[] }
  const seen = new Set<string>()
  for (const [i, d] of deployments.entries()) {
    if (seen.has(d.id)) return `$.deployments[${i}].id repeats the id ${JSON.stringify(d.id)}`
    seen.add(d.id)
    if (/^\d+$/.test(d.id) && Number(d.id) >= nextId)
      return `$.nextId is ${nextId}, expected more than the id ${d.id} of $.deployments[${i}]`
  }
  return undefined
}
