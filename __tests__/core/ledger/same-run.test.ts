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
    [null, undefined, false] // two terminals are not one run
  ])('%j vs %j: %j', (recorded, current, expected) => {
    expect(sameRun(recorded, current)).toBe(expected)
  })
})
