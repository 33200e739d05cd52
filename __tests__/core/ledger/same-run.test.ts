import { sameRun } from '../../../src/core/ledger/same-run.js'

const RUN = 'https://github.com/o/r/actions/runs/42'

describe('sameRun: was the deployment created by the run that asks?', () => {
  it.each([
    [RUN, RUN, true],
    [`${RUN}/attempts/1`, `${RUN}/attempts/2`, true], // a re-run job is the same run
    [`${RUN}/attempts/1`, RUN, true],
    ['https://github.com/O/R/actions/runs/42', RUN, true],
    [RUN, 'https://github.com/o/r/actions/runs/420', false],
    [RUN, 'https://github.com/o/other/actions/runs/42', false],
    ['https://ghe.example.com/o/r/actions/runs/42', RUN, false],
    ['https://gitlab.example.com/g/p/-/jobs/7', 'https://gitlab.example.com/g/p/-/jobs/7', true],
    ['https://gitlab.example.com/g/p/-/jobs/7', 'https://gitlab.example.com/g/p/-/jobs/8', false],
    [null, RUN, false], // recorded by a terminal (no run URL)
    [RUN, undefined, false], // asked from a terminal
    [null, undefined, false], // two terminals are not one run
    [`${RUN}/attempts/12`, `${RUN}/attempts/3`, true], // attempts past 9
    [
      'https://github.com/octo-org/octo-app/actions/runs/42/attempts/1',
      'https://github.com/octo-org/octo-app/actions/runs/42/attempts/2',
      true
    ],
    // GitHub Enterprise Server without TLS is still a GitHub run URL.
    [
      'http://ghes.example/o/r/actions/runs/42/attempts/1',
      'http://ghes.example/o/r/actions/runs/42',
      true
    ],
    // Not run URLs, though they contain one: compared whole.
    [`https://proxy.example/${RUN}`, RUN, false],
    [`${RUN}/artifacts`, RUN, false],
    // Trailing slashes never make two runs differ, however many.
    [`${RUN}/`, `${RUN}//`, true],
    ['https://ci.example/job/7/', 'https://ci.example/job/7', true],
    ['https://ci.example/job/7', 'https://ci.example/job/7//', true],
    ['https://ci.example/job/7//', 'https://ci.example/job/7', true]
  ])('%j vs %j: %j', (recorded, current, expected) => {
    expect(sameRun(recorded, current)).toBe(expected)
  })
})
