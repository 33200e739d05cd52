import { plural, spokenDuration } from '../../src/core/wording.js'

describe('spokenDuration', () => {
  it.each([
    [412, '412 ms'],
    [999.6, '1000 ms'],
    [1000, '1.0 s'],
    [7240, '7.2 s'],
    [10_000, '10 s'],
    [30_000, '30 s'],
    [119_400, '119 s'],
    [120_000, '2 min 0 s'],
    [125_000, '2 min 5 s']
  ])('%d ms is "%s"', (ms, words) => {
    expect(spokenDuration(ms)).toBe(words)
  })
})

describe('plural', () => {
  it.each([
    [0, 'round', '0 rounds'],
    [1, 'round', '1 round'],
    [2, 'error line', '2 error lines']
  ])('%d %s is "%s"', (n, word, words) => {
    expect(plural(n, word)).toBe(words)
  })
})
