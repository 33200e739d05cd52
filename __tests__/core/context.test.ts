import { Redactor, systemClock } from '../../src/core/context.js'

/** The redactor's promises: whatever was registered as a secret never shows, in any shape. */
describe('Redactor', () => {
  const KEY = [
    '-----BEGIN OPENSSH PRIVATE KEY-----',
    'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ',
    'AAAAMwAAAAtzc2gtZWQyNTUxOQAAACBQx1c9Yhq2Zx',
    '-----END OPENSSH PRIVATE KEY-----'
  ].join('\n')

  it('masks a multi-line secret when its lines are printed one by one', () => {
    const secrets = new Redactor()
    secrets.add(KEY)
    for (const line of KEY.split('\n')) expect(secrets.redact(`ssh: ${line}`)).toBe('ssh: ***')
    expect(secrets.redact(KEY)).toBe('***')
  })

  it('registers each line of a CRLF secret without its carriage return', () => {
    const seen: string[] = []
    const secrets = new Redactor()
    secrets.onAdd(v => seen.push(v))
    secrets.add('first-line-secret\r\nsecond-line-secret\r\n')
    expect(seen).toEqual([
      'first-line-secret\r\nsecond-line-secret',
      'first-line-secret',
      'second-line-secret'
    ])
    expect(secrets.redact('a second-line-secret b')).toBe('a *** b')
  })

  it.each<[string, string | undefined, string, string]>([
    ['every occurrence', 'tok-1234', 'tok-1234 and tok-1234', '*** and ***'],
    ['a value with spaces around it, trimmed', '  padded-secret  ', 'x padded-secret y', 'x *** y'],
    ['exactly four characters', 'abcd', 'xabcdx', 'x***x'],
    ['not three characters: they would blank ordinary words', 'abc', 'abc abcd', 'abc abcd'],
    ['not an empty value', '', 'nothing here', 'nothing here'],
    ['not undefined', undefined, 'nothing here', 'nothing here'],
    ['not a short line of a multi-line secret', 'ab\nlong-enough', 'ab long-enough', 'ab ***']
  ])('masks %s', (_label, secret, text, shown) => {
    const secrets = new Redactor()
    secrets.add(secret)
    expect(secrets.redact(text)).toBe(shown)
  })

  it('blanks a secret that contains another one whole', () => {
    const secrets = new Redactor()
    secrets.add('pass')
    secrets.add('password-1234')
    expect(secrets.redact('password-1234 / pass')).toBe('*** / ***')
    const reversed = new Redactor()
    reversed.add('password-1234')
    reversed.add('pass')
    expect(reversed.redact('password-1234 / pass')).toBe('*** / ***')
  })

  it('tells listeners every secret once, including those added before they listened', () => {
    const secrets = new Redactor()
    secrets.add('early-secret')
    const seen: string[] = []
    secrets.onAdd(v => seen.push(v))
    secrets.add('late-secret')
    secrets.add('late-secret')
    secrets.add('  early-secret ')
    expect(seen).toEqual(['early-secret', 'late-secret'])
  })

  it('tells every listener', () => {
    const secrets = new Redactor()
    const a: string[] = []
    const b: string[] = []
    secrets.onAdd(v => a.push(v))
    secrets.onAdd(v => b.push(v))
    secrets.add('shared-secret')
    expect([a, b]).toEqual([['shared-secret'], ['shared-secret']])
  })

  it('leaves text without secrets as it is', () => {
    expect(new Redactor().redact('plain text')).toBe('plain text')
  })
})

describe('systemClock', () => {
  it('sleeps, and stops sleeping when aborted', async () => {
    const started = Date.now()
    await systemClock.sleep(5)
    expect(Date.now() - started).toBeGreaterThanOrEqual(4)
    const controller = new AbortController()
    const sleeping = systemClock.sleep(60_000, controller.signal)
    controller.abort(new Error('cancelled'))
    await expect(sleeping).rejects.toThrow('cancelled')
    await expect(systemClock.sleep(10, controller.signal)).rejects.toThrow('cancelled')
  })
})
