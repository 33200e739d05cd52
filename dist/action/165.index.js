export const id = 165;
export const ids = [165];
export const modules = {

/***/ 3165:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SMOKE_TEST: () => (/* binding */ SMOKE_TEST)
});

// EXTERNAL MODULE: ./build/ncc/core/checks/check-parser.js + 2 modules
var check_parser = __webpack_require__(1422);
// EXTERNAL MODULE: ./build/ncc/core/errors.js
var errors = __webpack_require__(5052);
// EXTERNAL MODULE: ./build/ncc/core/ledger/verdict.js
var verdict = __webpack_require__(3496);
// EXTERNAL MODULE: ./build/ncc/core/settings/common.js
var settings_common = __webpack_require__(8532);
// EXTERNAL MODULE: ./build/ncc/core/settings/input-reader.js
var input_reader = __webpack_require__(4657);
;// CONCATENATED MODULE: ./build/ncc/core/settings/smoke-test-settings.js





/** Reads and validates every smoke-test input; nothing is sent before this succeeds. */
function parseSmokeTestSettings(raw, defaults, workspace) {
    const reader = new input_reader/* InputReader */.i_(raw);
    const common = (0,settings_common/* parseCommon */.dw)(reader, defaults, false);
    const url = reader.url('url') ?? '';
    const checksText = reader.text('checks');
    if (url === '' && checksText.trim() === '') {
        throw new errors/* InputError */.dz('url', 'and `checks` are both empty', 'a `url` to GET (expects 2xx), or a `checks` list, or both (then `path` in a check is joined to `url`)');
    }
    const timeoutMs = reader.int('timeout', 1, 3600) * 1000;
    const requestTimeoutMs = reader.int('request-timeout', 1, 600) * 1000;
    const retryIntervalMs = Math.round(reader.number('retry-interval', 0.1, 60) * 1000);
    const consecutiveSuccesses = reader.int('consecutive-successes', 1, 100);
    const concurrency = reader.int('concurrency', 1, 100);
    return {
        ...common,
        url,
        checks: (0,check_parser/* parseChecks */.B)({ url, checks: checksText, workspace }),
        timeoutMs,
        requestTimeoutMs,
        retryIntervalMs,
        consecutiveSuccesses,
        concurrency,
        recordVerdict: reader.oneOf('record-verdict', verdict/* RECORD_VERDICT_MODES */.xU)
    };
}

// EXTERNAL MODULE: ./build/ncc/core/checks/check-spec.js
var check_spec = __webpack_require__(9753);
// EXTERNAL MODULE: ./build/ncc/core/checks/credential-masking.js
var credential_masking = __webpack_require__(5869);
// EXTERNAL MODULE: ./build/ncc/core/checks/check-runner.js + 1 modules
var check_runner = __webpack_require__(1541);
// EXTERNAL MODULE: ./build/ncc/core/wording.js
var wording = __webpack_require__(2247);
;// CONCATENATED MODULE: ./build/ncc/core/steps/smoke-test.js






/** Plain-word line for one attempt, for the debug log. */
function describeAttempt(e) {
    const got = e.result.type === 'response' ? `${e.result.status}` : e.result.message;
    const verdict = e.evaluation.ok ? 'ok' : e.evaluation.reasons.join('; ');
    const next = e.nextWaitMs === undefined ? '' : `; next attempt in ${(0,wording/* spokenDuration */.Vz)(e.nextWaitMs)}`;
    return `${e.check.name}: attempt ${e.attempt}: ${got} in ${Math.round(e.result.latencyMs)} ms: ${verdict}${next}`;
}
function planLines(settings) {
    const lines = [
        `${settings.checks.length} check(s), ${settings.concurrency} at once; deadline ${(0,wording/* spokenDuration */.Vz)(settings.timeoutMs)}, ` +
            `request timeout ${(0,wording/* spokenDuration */.Vz)(settings.requestTimeoutMs)}, first retry after ${(0,wording/* spokenDuration */.Vz)(settings.retryIntervalMs)}, ` +
            `${settings.consecutiveSuccesses} pass(es) in a row needed`
    ];
    for (const check of settings.checks) {
        lines.push(`${check.name}: ${check.method} ${check.shownUrl}${check.followRedirects ? '' : ' (redirects not followed)'}`);
        lines.push(`  expects ${(0,check_spec/* describeExpectations */.T2)(check).join(', ')}`);
        if (Object.keys(check.headers).length)
            lines.push(`  headers ${(0,credential_masking/* shownHeaders */.Uj)(check.headers).join(', ')}`);
        if (check.body !== undefined)
            lines.push(`  body of ${Buffer.byteLength(check.body)} bytes`);
    }
    return lines;
}
function reportOf(outcome, redact) {
    return {
        name: redact(outcome.check.name),
        method: outcome.check.method,
        url: redact(outcome.check.shownUrl),
        passed: outcome.passed,
        attempts: outcome.attempts,
        status: outcome.status ?? null,
        latencyMs: outcome.latencyMs === undefined ? null : Math.round(outcome.latencyMs),
        durationMs: Math.round(outcome.durationMs),
        reason: redact(outcome.reason)
    };
}
function dryRunReport(check, redact) {
    return {
        name: redact(check.name),
        method: check.method,
        url: redact(check.shownUrl),
        passed: true,
        attempts: 0,
        status: null,
        latencyMs: null,
        durationMs: 0,
        reason: 'dry run: not sent'
    };
}
function verdictDetail(checks) {
    const failed = checks.filter(c => !c.passed);
    if (failed.length === 0)
        return `${checks.length}/${checks.length} checks passed`;
    return `${failed.length} of ${checks.length} checks failed; ${failed[0].name}: ${failed[0].reason}`;
}
/** The start of the last body, to see what answered instead (debug log). */
function lastBody(outcome) {
    const result = outcome.last?.result;
    if (result?.type !== 'response' || result.body === '')
        return undefined;
    const oneLine = result.body.replace(/\s+/g, ' ').trim();
    return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine;
}
/**
 * The smoke-test step: runs every check until ready or the deadline, records the verdict on the
 * live deployment when `environment` is set, and returns the result. A failed check is a result
 * with passed: false, not an exception; the edge (action or CLI) fails the step.
 */
async function smokeTest(settings, ctx) {
    // Before anything is logged: credential headers, URL passwords and tokens.
    (0,credential_masking/* maskCheckSecrets */.k1)(settings.checks, ctx.secrets);
    const redact = (text) => ctx.secrets.redact(text);
    const started = ctx.clock.now().getTime();
    const environment = settings.environment || undefined;
    if (settings.dryRun) {
        await ctx.logger.group('Smoke test plan (dry run: nothing is sent)', async () => {
            for (const line of planLines(settings))
                ctx.logger.info(redact(line));
        });
        return {
            step: 'smoke-test',
            passed: true,
            dryRun: true,
            environment,
            durationMs: 0,
            checks: settings.checks.map(c => dryRunReport(c, redact))
        };
    }
    const announced = new Set();
    const outcomes = await ctx.logger.group(`Smoke test: ${settings.checks.length} check(s)`, async () => {
        for (const line of planLines(settings))
            ctx.logger.debug(redact(line));
        const outcomes = await (0,check_runner/* runChecks */.JT)(settings.checks, {
            timeoutMs: settings.timeoutMs,
            requestTimeoutMs: settings.requestTimeoutMs,
            retryIntervalMs: settings.retryIntervalMs,
            consecutiveSuccesses: settings.consecutiveSuccesses,
            concurrency: settings.concurrency,
            clock: ctx.clock,
            signal: ctx.signal,
            onAttempt: event => {
                ctx.logger.debug(redact(describeAttempt(event)));
                // Say once per check that it is being waited for, so a long readiness wait is not silent.
                if (!event.evaluation.ok &&
                    event.nextWaitMs !== undefined &&
                    !announced.has(event.check)) {
                    announced.add(event.check);
                    ctx.logger.info(redact(`${event.check.name}: not ready yet (${event.evaluation.reasons.join('; ')}); retrying until the deadline`));
                }
            }
        });
        for (const o of outcomes) {
            const status = o.status === undefined ? '' : `${o.status} in ${Math.round(o.latencyMs ?? 0)} ms, `;
            if (o.passed)
                ctx.logger.info(redact(`✅ ${o.check.name}: ${status}${o.reason}`));
            else
                ctx.logger.error(redact(`❌ ${o.check.name}: ${o.reason}`));
            const body = o.passed ? undefined : lastBody(o);
            if (body)
                ctx.logger.info(redact(`   last body: ${body}`));
        }
        return outcomes;
    });
    const durationMs = ctx.clock.now().getTime() - started;
    if (ctx.signal.aborted || outcomes.some(o => o.cancelled)) {
        throw new errors/* CheckFailedError */.CO(`The smoke test was cancelled after ${(0,wording/* spokenDuration */.Vz)(durationMs)}; no verdict was recorded.`);
    }
    const checks = outcomes.map(o => reportOf(o, redact));
    const passed = checks.every(c => c.passed);
    const result = {
        step: 'smoke-test',
        passed,
        dryRun: false,
        environment,
        durationMs,
        checks
    };
    if (environment) {
        try {
            const written = await (0,verdict/* recordVerdict */.p0)(ctx, environment, 'smoke-test', passed, verdictDetail(checks), settings.recordVerdict);
            if (written.notRecorded)
                result.verdictNotRecorded = written.notRecorded;
            const live = written.deployment;
            if (live) {
                result.verdictDeploymentId = live.id;
                ctx.logger.info(`Recorded the verdict (${passed ? 'passed' : 'failed'}) on deployment ${live.id} of ${environment}.`);
            }
        }
        catch (err) {
            // The checks' verdict stands on its own; a ledger outage must not turn it around.
            ctx.logger.warning(redact(`Could not record the smoke-test verdict in the ledger: ${(0,errors/* errorMessage */.gJ)(err)}`));
        }
    }
    return result;
}

;// CONCATENATED MODULE: ./build/ncc/report/smoke-test-report.js

/** The job summary: the verdict and one row per check. */
function smokeTestSummary(result) {
    const total = result.checks.length;
    const failed = result.checks.filter(c => !c.passed).length;
    const verdict = result.dryRun
        ? `📝 dry run: ${total} check(s) planned, nothing sent`
        : result.passed
            ? `✅ ${total} of ${total} check(s) passed`
            : `❌ ${failed} of ${total} check(s) failed`;
    const facts = [];
    if (result.environment)
        facts.push(['Environment', result.environment]);
    facts.push(['Duration', (0,wording/* spokenDuration */.Vz)(result.durationMs)]);
    if (result.verdictDeploymentId)
        facts.push(['Verdict recorded on', `deployment ${result.verdictDeploymentId}`]);
    if (result.verdictNotRecorded)
        facts.push(['Verdict not recorded', result.verdictNotRecorded]);
    return {
        title: 'Shiprail smoke test',
        verdict,
        facts,
        tables: [
            {
                header: ['Check', 'Result', 'Attempts', 'Status', 'Latency', 'Reason'],
                rows: result.checks.map(c => [
                    `${c.name}`,
                    result.dryRun ? '—' : c.passed ? '✅' : '❌',
                    String(c.attempts),
                    c.status === null ? '—' : String(c.status),
                    c.latencyMs === null ? '—' : `${c.latencyMs} ms`,
                    c.reason
                ])
            }
        ]
    };
}
/** The step's outputs: `passed`, `report` (JSON per check) and `result` (the whole result). */
function smokeTestOutputs(result) {
    return {
        passed: String(result.passed),
        report: JSON.stringify(result.checks),
        result: JSON.stringify(result)
    };
}
/** One line saying why the step failed, or undefined when every check passed. */
function smokeTestFailure(result) {
    if (result.passed)
        return undefined;
    const failed = result.checks.filter(c => !c.passed);
    return `Smoke test failed: ${failed.length} of ${result.checks.length} checks failed (${failed.map(c => `${c.name}: ${c.reason}`).join('; ')}).`;
}

// EXTERNAL MODULE: ./build/ncc/runtime/steps.js
var steps = __webpack_require__(2031);
;// CONCATENATED MODULE: ./build/ncc/runtime/handlers/smoke-test.js




/** The smoke-test step, loaded only when it runs (see loadStepHandler). */
const SMOKE_TEST = (0,steps/* defineStep */.o)({
    parse: (raw, defaults, workspace) => parseSmokeTestSettings(raw, defaults, workspace),
    async run(settings, ctx) {
        const result = await smokeTest(settings, ctx);
        return {
            data: result,
            outputs: smokeTestOutputs(result),
            summary: () => smokeTestSummary(result),
            failure: smokeTestFailure(result)
        };
    }
});


/***/ })

};
