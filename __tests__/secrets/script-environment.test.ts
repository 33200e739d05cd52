import { scriptEnvironment } from '../../src/runtime/script-environment.js'

// Issue 12, item 1, the rule itself: what a child process may inherit.

const KEY =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n'
const TOKEN = 'ghs_runnerToken0123456789'

describe('scriptEnvironment', () => {
  it.each<[string, Record<string, string>, boolean]>([
    ['an INPUT_ variable, secret or not', { 'INPUT_SSH-KEY': 'x' }, false],
    ['INPUT_ENVIRONMENT (every input goes)', { INPUT_ENVIRONMENT: 'staging' }, false],
    ['the CLI variable of a secret input', { SHIPRAIL_SSH_KEY: 'other' }, false],
    ['SHIPRAIL_NOTIFY_URL', { SHIPRAIL_NOTIFY_URL: 'https://hooks.example/x' }, false],
    ['a variable holding the token under another name', { GITHUB_TOKEN: TOKEN }, false],
    ['the key under another name', { DEPLOY_KEY: KEY }, false],
    ['the key with CRLF line ends', { K: KEY.replace(/\n/g, '\r\n') }, false],
    ['the key without its final newline', { K: KEY.trim() }, false],
    ['a variable of the user', { AWS_REGION: 'eu-west-1' }, true],
    ['cloud credentials the user set', { AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI' }, true],
    ['the OIDC request variables', { ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-req' }, true],
    ['a SHIPRAIL_ variable of a plain input', { SHIPRAIL_HOSTS: 'web1' }, true],
    ['an empty variable', { EMPTY: '' }, true]
  ])('%s: kept %s', (_what, env, kept) => {
    const out = scriptEnvironment({ PATH: '/usr/bin', ...env }, [TOKEN, KEY])
    expect(out.PATH).toBe('/usr/bin')
    for (const name of Object.keys(env)) expect(name in out).toBe(kept)
  })

  it('keeps a variable whose value merely contains part of a secret', () => {
    expect(scriptEnvironment({ A: 'ghs_' }, [TOKEN])).toEqual({ A: 'ghs_' })
  })
})
