import {
  parseStatusRange,
  statusMatches,
  StatusRangeError
} from '../../src/core/checks/status-range.js'

describe('parseStatusRange', () => {
  it.each<[string | number | (string | number)[], string, number[], number[]]>([
    // input, canonical text, statuses that match, statuses that do not
    ['200', '200', [200], [199, 201, 204]],
    [200, '200', [200], [201]],
    ['200-299', '200-299', [200, 250, 299], [199, 300, 503]],
    ['2xx', '200-299', [200, 299], [300]],
    ['5XX', '500-599', [500, 503], [499]],
    ['200,204,301-302', '200, 204, 301-302', [200, 204, 301, 302], [201, 303]],
    [' 200 , 204 ', '200, 204', [200, 204], [203]],
    ['200 - 204', '200-204', [202], [205]],
    [[200, '301-302'], '200, 301-302', [200, 301, 302], [303]],
    [['2xx', 404], '200-299, 404', [204, 404], [403, 500]],
    ['100-599', '100-599', [100, 599], [600, 99]]
  ])('%j reads as %s', (input, text, yes, no) => {
    const range = parseStatusRange(input)
    expect(range.text).toBe(text)
    for (const s of yes) expect(statusMatches(range, s)).toBe(true)
    for (const s of no) expect(statusMatches(range, s)).toBe(false)
  })

  it.each<[string | number | string[], RegExp]>([
    ['', /empty/],
    [[], /empty/],
    ['abc', /"abc" is not a status code/],
    ['20', /"20" is not a status code/],
    ['2000', /not a status code/],
    ['99', /not a status code/],
    ['600', /600 is outside 100-599/],
    ['299-200', /runs backwards/],
    ['200-299-300', /is not a range/],
    ['200-', /"" is not a status code/],
    ['6xx', /not a status code/],
    ['200;204', /not a status code/],
    [1.5, /not a status code/]
  ])('%j is refused (%s)', (input, message) => {
    expect(() => parseStatusRange(input)).toThrow(StatusRangeError)
    expect(() => parseStatusRange(input)).toThrow(message)
  })
})
