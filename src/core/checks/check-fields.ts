import { DEFAULT_STATUS, STATUS_FORM } from './status-range.js'

/**
 * Every field one check may have, defined once. check-parser.ts reads the names, the
 * defaults and the accepted forms from here, and `npm run generate` writes docs/checks.md from
 * the same table, so the parser and its documentation cannot drift.
 */

export interface CheckFieldDef {
  name: string
  /** The accepted form, as the doc's type column and a refused value's error say it. */
  type: string
  /** What an absent field means, in words or as a value. */
  default?: string
  description: string
  /** One YAML line a check file could hold. */
  example: string
}

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const

export const URL_FORM = 'an absolute http:// or https:// URL'
export const REGEX_FORM =
  'a JavaScript regular expression, optionally written `/pattern/flags` (flags i, m, s, u)'

const CHECK_FIELD_LIST = [
  {
    name: 'name',
    type: 'a one-line name of at most 100 characters',
    default: 'the request, e.g. `GET /health`',
    description: 'Shown in logs, the report and the summary; unique among the checks.',
    example: 'name: health'
  },
  {
    name: 'url',
    type: URL_FORM,
    description: 'The URL requested. Give either `url` or `path`.',
    example: 'url: https://api.example.com/health'
  },
  {
    name: 'path',
    type: 'a path such as `/health`, without spaces',
    description: 'Joined to the `url` input (the base URL). Give either `url` or `path`.',
    example: 'path: /health?full=1'
  },
  {
    name: 'method',
    type: `one of ${HTTP_METHODS.join(', ')}`,
    default: 'GET',
    description: 'HTTP method, in any case.',
    example: 'method: POST'
  },
  {
    name: 'headers',
    type: 'a map of header name to a text value',
    description:
      'Request headers. Values of credential headers (`Authorization`, `*token*`, `*key*`, …) are masked everywhere and dropped on a redirect to another origin.',
    example: 'headers: { Accept: application/json }'
  },
  {
    name: 'body',
    type: 'a text, or a map or list (sent as JSON)',
    description:
      'Request body. A map or list is sent as JSON with `Content-Type: application/json` unless `headers` sets one. Not with `method: HEAD`.',
    example: 'body: { ping: true }'
  },
  {
    name: 'expect-status',
    type: STATUS_FORM,
    default: DEFAULT_STATUS,
    description: 'Status codes that pass. A YAML list of codes and ranges works too.',
    example: 'expect-status: [200, 301-302]'
  },
  {
    name: 'expect-body-contains',
    type: 'a string or a list of strings',
    description: 'Text the body must contain; with a list, each one.',
    example: 'expect-body-contains: ok'
  },
  {
    name: 'expect-body-regex',
    type: `${REGEX_FORM}, or a list of them`,
    description: 'Regular expressions the body must match; with a list, each one.',
    example: 'expect-body-regex: \'/"status":\\s*"up"/i\''
  },
  {
    name: 'expect-json',
    type: 'a map of dotted path to value, e.g. `status: ok` or `items.0.id: 7`',
    description:
      'Values the JSON body must hold. Paths are `a.b`, `items.0.id`, `items[0].id` or `$.items[0].id`. A scalar also matches by its text as written (`version: 1.10` matches `"1.10"`, `count: "3"` matches `3`); a map matches when it has the keys given, a list item by item.',
    example: 'expect-json: { status: ok, items.0.id: 7 }'
  },
  {
    name: 'expect-header',
    type: 'a map of header name to a substring or `/regex/`',
    description:
      'Response headers and what each must contain (or match, when written `/regex/flags`); an empty value means the header must be present.',
    example: "expect-header: { content-type: json, x-served-by: '/^web-\\d+$/' }"
  },
  {
    name: 'max-latency-ms',
    type: 'milliseconds from 1 to 600000, e.g. `500`',
    description: 'Highest latency (time to the full body) that passes.',
    example: 'max-latency-ms: 500'
  },
  {
    name: 'expect-version',
    type: 'a version string without spaces, e.g. `1.4.2` or a commit SHA',
    description:
      'Version that must appear as a whole token in the body or a header (a leading `v` is allowed; a short SHA matches a longer one): catches the old release still answering.',
    example: 'expect-version: 1.4.2'
  },
  {
    name: 'follow-redirects',
    type: '`true` or `false`',
    default: 'true',
    description:
      'Follow 3xx redirects (up to 10); `false` lets the check assert the redirect itself.',
    example: 'follow-redirects: false'
  }
] as const satisfies readonly CheckFieldDef[]

export const CHECK_FIELD_TABLE: readonly CheckFieldDef[] = CHECK_FIELD_LIST

export type CheckFieldName = (typeof CHECK_FIELD_LIST)[number]['name']

export const CHECK_FIELDS: readonly CheckFieldName[] = CHECK_FIELD_LIST.map(f => f.name)

const BY_NAME = new Map<string, CheckFieldDef>(CHECK_FIELD_TABLE.map(f => [f.name, f]))

export function checkField(name: CheckFieldName): CheckFieldDef {
  return BY_NAME.get(name) as CheckFieldDef
}
