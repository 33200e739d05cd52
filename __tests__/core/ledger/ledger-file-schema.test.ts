import { ledgerFileProblem } from '../../../src/core/ledger/ledger-file-schema.js'

/**
 * The file ledger's schema: a damaged or hand-edited file is refused with the JSON path of its
 * first problem and what was expected there; a sound file (fields the schema does not name
 * included) passes.
 */

type Json = Record<string, unknown>

function soundFile(): Json {
  const status = (state: string) => ({ state, description: 'd', createdAt: '2026-11-30T12:00:00Z' })
  const deployment = (id: string) => ({
    id,
    environment: 'prod',
    ref: 'main',
    createdAt: '2026-11-30T12:00:00Z',
    payload: {
      version: id,
      driver: 'command',
      previous_version: null,
      operation: 'deploy',
      run_url: null
    },
    statuses: [status('in_progress'), status('success')]
  })
  return { schema: 1, nextId: 3, deployments: [deployment('1'), deployment('2')] }
}

const deployment0 = (f: Json) => (f.deployments as Json[])[0]
const payload0 = (f: Json) => deployment0(f).payload as Json
const status0 = (f: Json) => (deployment0(f).statuses as Json[])[0]

const STATES = '"in_progress", "queued", "pending", "success", "failure", "error", "inactive"'

describe('ledgerFileProblem refuses a damaged file, naming the JSON path', () => {
  it.each<[string, (f: Json) => unknown, string]>([
    ['the file is null', () => null, '$ is null, expected a Shiprail ledger (an object)'],
    ['the file is a list', () => [], '$ is a list, expected a Shiprail ledger (an object)'],
    ['the file is a number', () => 7, '$ is number 7, expected a Shiprail ledger (an object)'],
    [
      'the file is a string',
      () => 'x',
      '$ is the string "x", expected a Shiprail ledger (an object)'
    ],
    ['another schema', f => ({ ...f, schema: 2 }), '$.schema is number 2, expected one of 1'],
    [
      'a string schema',
      f => ({ ...f, schema: '1' }),
      '$.schema is the string "1", expected one of 1'
    ],
    ['no schema', f => ({ ...f, schema: undefined }), '$.schema is missing'],
    ['no nextId', f => ({ ...f, nextId: undefined }), '$.nextId is missing'],
    [
      'nextId 0',
      f => ({ ...f, nextId: 0 }),
      '$.nextId is number 0, expected a whole number from 1'
    ],
    [
      'nextId 2.5',
      f => ({ ...f, nextId: 2.5 }),
      '$.nextId is number 2.5, expected a whole number from 1'
    ],
    [
      'nextId a string',
      f => ({ ...f, nextId: '3' }),
      '$.nextId is the string "3", expected a whole number from 1'
    ],
    [
      'nextId beyond safe integers',
      f => ({ ...f, nextId: 2 ** 53 }),
      `$.nextId is number ${2 ** 53}, expected a whole number from 1`
    ],
    ['no deployments', f => ({ ...f, deployments: undefined }), '$.deployments is missing'],
    [
      'deployments an object',
      f => ({ ...f, deployments: {} }),
      '$.deployments is an object, expected a list'
    ],
    [
      'a null deployment',
      f => ({ ...f, deployments: [null] }),
      '$.deployments[0] is null, expected a deployment (an object)'
    ],
    [
      'a list as the second deployment',
      f => ({ ...f, deployments: [deployment0(f), []] }),
      '$.deployments[1] is a list, expected a deployment (an object)'
    ],
    [
      'a numeric id',
      f => void (deployment0(f).id = 1),
      '$.deployments[0].id is number 1, expected a string'
    ],
    [
      'no environment',
      f => void delete deployment0(f).environment,
      '$.deployments[0].environment is missing'
    ],
    [
      'a boolean ref',
      f => void (deployment0(f).ref = true),
      '$.deployments[0].ref is boolean true, expected a string'
    ],
    [
      'a null createdAt',
      f => void (deployment0(f).createdAt = null),
      '$.deployments[0].createdAt is null, expected a string'
    ],
    [
      'a null creator',
      f => void (deployment0(f).creator = null),
      '$.deployments[0].creator is null, expected a string'
    ],
    ['no payload', f => void delete deployment0(f).payload, '$.deployments[0].payload is missing'],
    [
      'a string payload',
      f => void (deployment0(f).payload = 'p'),
      '$.deployments[0].payload is the string "p", expected a payload (an object)'
    ],
    [
      'no version',
      f => void delete payload0(f).version,
      '$.deployments[0].payload.version is missing'
    ],
    [
      'a numeric driver',
      f => void (payload0(f).driver = 3),
      '$.deployments[0].payload.driver is number 3, expected a string'
    ],
    [
      'a numeric previous_version',
      f => void (payload0(f).previous_version = 3),
      '$.deployments[0].payload.previous_version is number 3, expected a string'
    ],
    [
      'another operation',
      f => void (payload0(f).operation = 'promote'),
      '$.deployments[0].payload.operation is the string "promote", expected one of "deploy", "rollback"'
    ],
    [
      'no operation',
      f => void delete payload0(f).operation,
      '$.deployments[0].payload.operation is missing'
    ],
    [
      'a list run_url',
      f => void (payload0(f).run_url = []),
      '$.deployments[0].payload.run_url is a list, expected a string'
    ],
    [
      'an object previous_deployment_id',
      f => void (payload0(f).previous_deployment_id = {}),
      '$.deployments[0].payload.previous_deployment_id is an object, expected a string'
    ],
    [
      'a numeric rollback_of',
      f => void (payload0(f).rollback_of = 1),
      '$.deployments[0].payload.rollback_of is number 1, expected a string'
    ],
    [
      'a numeric reason',
      f => void (payload0(f).reason = 1),
      '$.deployments[0].payload.reason is number 1, expected a string'
    ],
    [
      'a numeric release',
      f => void (payload0(f).release = 1),
      '$.deployments[0].payload.release is number 1, expected a string'
    ],
    [
      'a numeric image',
      f => void (payload0(f).image = 1),
      '$.deployments[0].payload.image is number 1, expected a string'
    ],
    [
      'an image ID that is a list',
      f => void (payload0(f).image_id = ['sha256:1']),
      '$.deployments[0].payload.image_id is a list, expected a string'
    ],
    [
      'no statuses',
      f => void delete deployment0(f).statuses,
      '$.deployments[0].statuses is missing'
    ],
    [
      'statuses a string',
      f => void (deployment0(f).statuses = 's'),
      '$.deployments[0].statuses is the string "s", expected a list'
    ],
    [
      'a null second status',
      f => void ((deployment0(f).statuses as unknown[])[1] = null),
      '$.deployments[0].statuses[1] is null, expected a status (an object)'
    ],
    [
      'an unknown state',
      f => void (status0(f).state = 'done'),
      `$.deployments[0].statuses[0].state is the string "done", expected one of ${STATES}`
    ],
    [
      'no state',
      f => void delete status0(f).state,
      '$.deployments[0].statuses[0].state is missing'
    ],
    [
      'a numeric description',
      f => void (status0(f).description = 5),
      '$.deployments[0].statuses[0].description is number 5, expected a string'
    ],
    [
      'a null environmentUrl',
      f => void (status0(f).environmentUrl = null),
      '$.deployments[0].statuses[0].environmentUrl is null, expected a string'
    ],
    [
      'a numeric logUrl',
      f => void (status0(f).logUrl = 1),
      '$.deployments[0].statuses[0].logUrl is number 1, expected a string'
    ],
    [
      'no status createdAt',
      f => void delete status0(f).createdAt,
      '$.deployments[0].statuses[0].createdAt is missing'
    ],
    [
      'a long string where a state belongs: its first 40 characters',
      f => void (status0(f).state = 'x'.repeat(60)),
      `$.deployments[0].statuses[0].state is the string "${'x'.repeat(39)}, expected one of ${STATES}`
    ],
    [
      'a repeated id',
      f => void ((f.deployments as Json[])[1].id = '1'),
      '$.deployments[1].id repeats the id "1"'
    ],
    [
      'a repeated non-numeric id',
      f => void ((f.deployments as Json[])[0].id = (f.deployments as Json[])[1].id = 'a'),
      '$.deployments[1].id repeats the id "a"'
    ],
    [
      'nextId equal to an id',
      f => ({ ...f, nextId: 2 }),
      '$.nextId is 2, expected more than the id 2 of $.deployments[1]'
    ],
    [
      'nextId below a many-digit id',
      f => void ((f.deployments as Json[])[1].id = '12'),
      '$.nextId is 3, expected more than the id 12 of $.deployments[1]'
    ]
  ])('%s', (_label, damage, problem) => {
    const f = soundFile()
    const damaged = damage(f)
    expect(ledgerFileProblem(damaged === undefined ? f : damaged)).toBe(problem)
  })
})

describe('ledgerFileProblem accepts a sound file', () => {
  it.each<[string, (f: Json) => unknown]>([
    ['as Shiprail writes it', f => f],
    ['with no deployments yet', f => ({ ...f, nextId: 1, deployments: [] })],
    [
      'with every optional field set',
      f => {
        Object.assign(deployment0(f), { creator: 'ci' })
        Object.assign(status0(f), { environmentUrl: 'https://app.test', logUrl: 'https://log' })
        Object.assign(payload0(f), {
          previous_version: '0',
          run_url: 'https://run',
          previous_deployment_id: '0',
          rollback_of: '0',
          reason: 'r',
          release: 'rel',
          image: 'shop:1',
          image_id: 'sha256:1',
          image_ids: { web1: 'sha256:1' },
          operation: 'rollback'
        })
      }
    ],
    [
      'with every state',
      f =>
        void (deployment0(f).statuses = [
          'in_progress',
          'queued',
          'pending',
          'success',
          'failure',
          'error',
          'inactive'
        ].map(state => ({ state, description: '', createdAt: '' })))
    ],
    [
      'with fields the schema does not name',
      f => ({ ...f, extra: { any: 1 }, deployments: [{ ...deployment0(f), note: 1 }] })
    ],
    [
      'with non-numeric ids, whatever nextId',
      f => ({
        ...f,
        nextId: 1,
        deployments: [
          { ...deployment0(f), id: 'a1' },
          { ...deployment0(f), id: '7b' }
        ]
      })
    ],
    ['with nextId above every id', f => ({ ...f, nextId: 99 })]
  ])('%s', (_label, change) => {
    const f = soundFile()
    const changed = change(f)
    expect(ledgerFileProblem(changed === undefined ? f : changed)).toBeUndefined()
  })
})
