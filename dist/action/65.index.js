export const id = 65;
export const ids = [65];
export const modules = {

/***/ 4570:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DG: () => (/* binding */ isLive),
/* harmony export */   DY: () => (/* binding */ deploymentState),
/* harmony export */   TV: () => (/* binding */ describeRecord),
/* harmony export */   U0: () => (/* binding */ stateNames)
/* harmony export */ });
/* unused harmony exports STATE_MEANINGS, DEPLOYMENT_STATE_NAMES */
const TERMINAL = new Set(['success', 'failure', 'error']);
/**
 * The first terminal status is the deploy's outcome; any later success/failure is a verdict
 * posted by smoke-test, status-check or rollback; inactive means something newer took over.
 */
function deploymentState(record) {
    // Ledgers give statuses oldest first (timestamps alone cannot order them: GitHub's have
    // whole-second resolution).
    const statuses = record.statuses;
    const outcomeIndex = statuses.findIndex(s => TERMINAL.has(s.state));
    const outcome = outcomeIndex >= 0 ? statuses[outcomeIndex] : undefined;
    const verdicts = outcome
        ? statuses.slice(outcomeIndex + 1).filter(s => TERMINAL.has(s.state))
        : [];
    const deployed = outcome?.state === 'success';
    const bad = deployed && verdicts.some(v => v.state !== 'success');
    const newest = statuses[statuses.length - 1];
    return {
        deployed,
        inProgress: !outcome && newest?.state !== 'inactive',
        inactive: newest?.state === 'inactive',
        verified: deployed && verdicts.length > 0 && !bad,
        bad,
        outcome,
        verdicts
    };
}
/** The live deployment: the newest that deployed and was not superseded. */
function isLive(record) {
    const state = deploymentState(record);
    return state.deployed && !state.inactive;
}
/**
 * The one vocabulary for a deployment's state, used by every message, the history table, its
 * JSON and the demo. Each word says what a rollback may do with the deployment.
 */
const STATE_MEANINGS = {
    'in-progress': 'the deploy has not recorded an outcome yet',
    live: 'deployed and serving now (the newest deployment that succeeded and was not superseded)',
    verified: 'deployed, superseded, and every check recorded on it passed: a rollback candidate',
    unverified: 'deployed and superseded, no check recorded: a rollback candidate after verified ones',
    bad: 'deployed, then a check failed on it: never a rollback target without force',
    failed: 'the deploy itself failed (or was cancelled)',
    'rolled-back': 'deployed, then a rollback replaced it: never a rollback target without force',
    inactive: 'superseded without counting: it never finished, or a newer deployment of the same version speaks for it'
};
const DEPLOYMENT_STATE_NAMES = Object.keys(STATE_MEANINGS);
/**
 * The state word of each record of an environment's history (newest first, as ledgers give
 * it). A word depends on the newer records too: which one is live, which rollback left a
 * deployment, and whether its version was deployed again later.
 */
function stateNames(records) {
    const states = records.map(deploymentState);
    const liveIndex = records.findIndex(isLive);
    const rolledBack = new Set(records
        .filter((r, i) => r.payload.operation === 'rollback' && states[i].deployed)
        .map(r => r.payload.rollback_of));
    const seen = new Set();
    return records.map((record, i) => {
        const s = states[i];
        const newerOfVersion = seen.has(record.payload.version);
        if (s.deployed)
            seen.add(record.payload.version);
        if (s.inProgress)
            return 'in-progress';
        if (!s.outcome)
            return 'inactive';
        if (!s.deployed)
            return 'failed';
        if (i === liveIndex)
            return 'live';
        if (rolledBack.has(record.id))
            return 'rolled-back';
        if (s.bad)
            return 'bad';
        if (newerOfVersion)
            return 'inactive';
        return s.verified ? 'verified' : 'unverified';
    });
}
/**
 * "1.4.2 (verified)" for messages. A deployment a check failed on also names that check, so a
 * live one that failed its checks says so.
 */
function describeRecord(record, state) {
    const failed = deploymentState(record).verdicts.find(v => v.state !== 'success');
    if (!failed || state === 'rolled-back')
        return `${record.payload.version} (${state})`;
    return `${record.payload.version} (${state}: ${failed.description || 'a check failed'})`;
}


/***/ }),

/***/ 3167:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C_: () => (/* binding */ readRollbackTarget)
/* harmony export */ });
/* unused harmony exports describeHistory, badVersions, chooseRollbackTarget, ROLLBACK_SCAN_LIMIT */
/* harmony import */ var _deployment_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4570);

/** What a history holds, in the state words, for "no target" messages. */
function describeHistory(records, limit = 5) {
    if (!records.length)
        return 'no deployments';
    const states = (0,_deployment_state_js__WEBPACK_IMPORTED_MODULE_0__/* .stateNames */ .U0)(records);
    const words = records.slice(0, limit).map((r, i) => (0,_deployment_state_js__WEBPACK_IMPORTED_MODULE_0__/* .describeRecord */ .TV)(r, states[i]));
    return words.join(', ') + (records.length > limit ? `, and ${records.length - limit} older` : '');
}
/**
 * Versions whose newest completed deployment is bad (a check failed on it, or it was rolled back
 * from). A version redeployed and verified later is known-good again.
 */
function badVersions(records) {
    const seen = new Set();
    const bad = new Set();
    for (const r of records) {
        const s = (0,_deployment_state_js__WEBPACK_IMPORTED_MODULE_0__/* .deploymentState */ .DY)(r);
        if (!s.deployed || seen.has(r.payload.version))
            continue;
        seen.add(r.payload.version);
        if (s.bad)
            bad.add(r.payload.version);
    }
    return bad;
}
/**
 * Picks the rollback target from an environment's history (newest first). Never the live
 * version, never a bad one, never a guess:
 * - with `toVersion`: that version's newest successful deployment; unless `force`, it must have
 *   deployed here and must not be bad;
 * - otherwise the newest version before the live one whose newest deployment succeeded and is
 *   not bad, preferring one that passed its checks over one that was never checked.
 */
function chooseRollbackTarget(records, environment, options = {}) {
    const liveIndex = records.findIndex(_deployment_state_js__WEBPACK_IMPORTED_MODULE_0__/* .isLive */ .DG);
    const history = describeHistory(records);
    if (liveIndex < 0) {
        return {
            ok: false,
            reason: `nothing is live in ${environment} to roll back from (history: ${history}).`
        };
    }
    const live = records[liveIndex];
    const bad = badVersions(records);
    if (options.toVersion) {
        const version = options.toVersion;
        if (version === live.payload.version) {
            return { ok: false, reason: `${version} is already live in ${environment}.` };
        }
        const found = records.find(r => r.payload.version === version && (0,_deployment_state_js__WEBPACK_IMPORTED_MODULE_0__/* .deploymentState */ .DY)(r).deployed);
        if (!found) {
            if (options.force) {
                return {
                    ok: false,
                    reason: `${version} has no successful deployment in ${environment} to take its commit from; deploy it instead (history: ${history}).`
                };
            }
            return {
                ok: false,
                reason: `${version} never deployed successfully in ${environment} (history: ${history}); set force: true to roll back to it anyway.`
            };
        }
        if (bad.has(version) && !options.force) {
            return {
                ok: false,
                reason: `${version} is marked bad in ${environment} (a check failed on it or it was rolled back from); set force: true to roll back to it anyway.`
            };
        }
        return {
            ok: true,
            target: found,
            verified: (0,_deployment_state_js__WEBPACK_IMPORTED_MODULE_0__/* .deploymentState */ .DY)(found).verified,
            note: options.force && bad.has(version) ? `forced: ${version} is marked bad` : undefined
        };
    }
    const seen = new Set([live.payload.version]);
    let unchecked;
    for (const r of records.slice(liveIndex + 1)) {
        const s = (0,_deployment_state_js__WEBPACK_IMPORTED_MODULE_0__/* .deploymentState */ .DY)(r);
        if (!s.deployed || seen.has(r.payload.version))
            continue;
        seen.add(r.payload.version);
        if (bad.has(r.payload.version))
            continue;
        if (s.verified)
            return { ok: true, target: r, verified: true };
        unchecked ??= r;
    }
    if (unchecked) {
        return {
            ok: true,
            target: unchecked,
            verified: false,
            note: `${unchecked.payload.version} deployed successfully but no check was recorded on it`
        };
    }
    return {
        ok: false,
        reason: `no known-good version to roll back to in ${environment} (history: ${history}).`
    };
}
/** A rollback reads no further back than this many deployments. */
const ROLLBACK_SCAN_LIMIT = 100;
/**
 * Reads an environment's history (newest first) only as far as the choice needs: once a
 * verified target (or the requested version's deployment) is in hand, older records cannot
 * change it. Used by rollback and by history, so both name the same target.
 */
async function readRollbackTarget(history, environment, options = {}) {
    const records = [];
    for await (const record of history) {
        records.push(record);
        if (records.length >= ROLLBACK_SCAN_LIMIT)
            break;
        if (!records.some(_deployment_state_js__WEBPACK_IMPORTED_MODULE_0__/* .isLive */ .DG))
            continue;
        if (options.toVersion) {
            if (record.payload.version === options.toVersion && (0,_deployment_state_js__WEBPACK_IMPORTED_MODULE_0__/* .deploymentState */ .DY)(record).deployed)
                break;
            continue;
        }
        const choice = chooseRollbackTarget(records, environment, options);
        if (choice.ok && choice.verified)
            return { choice, records };
    }
    return { choice: chooseRollbackTarget(records, environment, options), records };
}


/***/ }),

/***/ 9065:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  HISTORY: () => (/* binding */ HISTORY)
});

// EXTERNAL MODULE: ./build/ncc/core/errors.js
var errors = __webpack_require__(5052);
// EXTERNAL MODULE: ./build/ncc/core/settings/common.js
var settings_common = __webpack_require__(8532);
// EXTERNAL MODULE: ./build/ncc/core/settings/input-reader.js
var input_reader = __webpack_require__(4657);
;// CONCATENATED MODULE: ./build/ncc/core/settings/history-settings.js



const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
const SINCE_FORM = 'a duration like `30d`, `12h` or `2w`, or a date like `2026-11-01`';
function parseSince(value) {
    if (value === '')
        return undefined;
    const duration = /^([1-9][0-9]{0,4})([hdw])$/.exec(value);
    if (duration) {
        return {
            text: value,
            durationMs: Number(duration[1]) * UNIT_MS[duration[2]]
        };
    }
    const date = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value)
        ? new Date(value)
        : undefined;
    if (!date || Number.isNaN(date.getTime())) {
        throw new errors/* InputError */.dz('since', `is ${(0,input_reader/* showValue */.vp)(value)}`, SINCE_FORM);
    }
    return { text: value, from: date };
}
/** When the window starts, given the time now. */
function windowStart(since, now) {
    return 'from' in since ? since.from : new Date(now.getTime() - since.durationMs);
}
function parseHistorySettings(raw, defaults) {
    const reader = new input_reader/* InputReader */.i_(raw);
    const common = (0,settings_common/* parseCommon */.dw)(reader, defaults, true);
    if (common.ledger === 'none') {
        throw new errors/* InputError */.dz('ledger', 'is `none`, but history needs a ledger', '`github` or `file`');
    }
    return {
        ...common,
        metrics: reader.bool('metrics'),
        since: parseSince(reader.string('since'))
    };
}

// EXTERNAL MODULE: ./build/ncc/core/ledger/deployment-state.js
var deployment_state = __webpack_require__(4570);
;// CONCATENATED MODULE: ./build/ncc/core/ledger/delivery-metrics.js

const DAY_MS = 86_400_000;
function median(values) {
    if (!values.length)
        return null;
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function day(date) {
    return date.toISOString().slice(0, 10);
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** When a deployment went live: its own success status. */
function liveAt(record) {
    return Date.parse((0,deployment_state/* deploymentState */.DY)(record).outcome?.createdAt ?? record.createdAt);
}
/**
 * The four delivery figures engineering leads track (DORA's), from one environment's records.
 * Nothing is estimated: a figure whose inputs are missing is null and says why.
 */
function deliveryMetrics(input) {
    const { records, states } = input;
    // Oldest first from here on, so "later" means a higher index.
    const order = records.map((record, i) => ({ record, state: states[i] })).reverse();
    const failedStates = new Set(['bad', 'rolled-back']);
    const isFailure = (entry) => failedStates.has(entry.state) || (0,deployment_state/* deploymentState */.DY)(entry.record).bad;
    const deploys = order.filter(e => e.record.payload.operation === 'deploy' && (0,deployment_state/* deploymentState */.DY)(e.record).deployed);
    const windowDays = (input.windowEnd.getTime() - input.windowStart.getTime()) / DAY_MS;
    const span = `between ${day(input.windowStart)} and ${day(input.windowEnd)} (${windowDays.toFixed(1)} days)`;
    // A rate over less than a day says more about when the first deploy happened than about
    // how often the team deploys.
    const deploymentFrequency = windowDays >= 1
        ? {
            value: deploys.length / windowDays,
            unit: 'deploys per day',
            computed: `${plural(deploys.length, 'successful deploy')} ${span}, divided by the days; rollbacks and failed deploys are not counted`
        }
        : {
            value: null,
            unit: 'deploys per day',
            computed: `unknown: the window is shorter than a day (${span}); the history starts too recently`
        };
    const leads = [];
    for (const { record } of deploys) {
        const committed = input.commitTimes.get(record.ref);
        const lead = committed ? liveAt(record) - committed.getTime() : NaN;
        if (lead >= 0)
            leads.push(lead / 1000);
    }
    const unknown = deploys.length - leads.length;
    const leadMedian = median(leads);
    const leadTime = {
        value: leadMedian,
        unit: 'seconds',
        samples: leads.length,
        unknown,
        computed: leadMedian === null
            ? `unknown: ${deploys.length ? `no commit time known for the ${plural(deploys.length, 'successful deploy')} (${input.commitSource})` : 'no successful deploys in the window'}`
            : `median over ${plural(leads.length, 'deploy')} of (its success status − its commit's committer date, from ${input.commitSource})${unknown ? `; ${unknown} without a known commit time left out` : ''}`
    };
    const failed = deploys.filter(isFailure);
    const changeFailureRate = {
        value: deploys.length ? failed.length / deploys.length : null,
        unit: 'share',
        failed: failed.length,
        computed: deploys.length
            ? `${failed.length} of ${plural(deploys.length, 'successful deploy')} later marked bad by a check or rolled back`
            : 'unknown: no successful deploys in the window'
    };
    const restores = [];
    let unrestored = 0;
    for (const bad of failed) {
        const at = order.indexOf(bad);
        const good = order
            .slice(at + 1)
            .find(e => (0,deployment_state/* deploymentState */.DY)(e.record).deployed && !isFailure(e) && e.state !== 'in-progress');
        if (good)
            restores.push((liveAt(good.record) - liveAt(bad.record)) / 1000);
        else
            unrestored++;
    }
    const restoreMedian = median(restores);
    const timeToRestore = {
        value: restoreMedian,
        unit: 'seconds',
        samples: restores.length,
        unrestored,
        computed: restoreMedian === null
            ? `unknown: ${failed.length ? `none of the ${plural(failed.length, 'failed deploy')} has been followed by a good deployment yet` : 'no deploy in the window was marked bad or rolled back'}`
            : `median over ${plural(restores.length, 'failed deploy')} of (the next deployment or rollback that went live and was not marked bad − the failed deploy's success status)${unrestored ? `; ${unrestored} not restored yet left out` : ''}`
    };
    return {
        windowStart: input.windowStart.toISOString(),
        windowEnd: input.windowEnd.toISOString(),
        deploys: deploys.length,
        deploymentFrequency,
        leadTime,
        changeFailureRate,
        timeToRestore
    };
}

// EXTERNAL MODULE: ./build/ncc/core/ledger/rollback-target.js
var rollback_target = __webpack_require__(3167);
;// CONCATENATED MODULE: ./build/ncc/core/steps/history.js




/**
 * Replays one walk of a ledger's history to several readers, so the rollback choice and the
 * listing share the reads (each page and status list is fetched once).
 */
class SharedHistory {
    read = [];
    source;
    done = false;
    constructor(history) {
        this.source = history[Symbol.asyncIterator]();
    }
    async *records() {
        for (let i = 0;; i++) {
            if (i >= this.read.length) {
                if (this.done)
                    return;
                const next = await this.source.next();
                if (next.done) {
                    this.done = true;
                    return;
                }
                this.read.push(next.value);
            }
            yield this.read[i];
        }
    }
}
function toEntry(record, state, targetId) {
    const s = (0,deployment_state/* deploymentState */.DY)(record);
    return {
        id: record.id,
        version: record.payload.version,
        ref: record.ref,
        createdAt: record.createdAt,
        creator: record.creator ?? null,
        runUrl: record.payload.run_url ?? null,
        operation: record.payload.operation,
        rollbackOf: record.payload.rollback_of ?? null,
        outcome: s.outcome ? s.outcome.state : 'in_progress',
        outcomeAt: s.outcome?.createdAt ?? null,
        verdicts: s.verdicts.map(v => ({
            state: v.state,
            description: v.description,
            createdAt: v.createdAt
        })),
        state,
        rollbackTarget: record.id === targetId
    };
}
/**
 * The history step: an environment's deployments newest first, each with its state word, the
 * one a rollback would pick marked (chosen by rollback's own code), and on request the four
 * delivery metrics. It only reads.
 */
async function history_history(settings, ctx) {
    const now = ctx.clock.now();
    const start = settings.since ? windowStart(settings.since, now) : undefined;
    const shared = new SharedHistory(ctx.ledger.history(settings.environment));
    const { choice } = await (0,rollback_target/* readRollbackTarget */.C_)(shared.records(), settings.environment);
    // The listing reads on until the window starts (or the history ends).
    for await (const record of shared.records()) {
        if (start && Date.parse(record.createdAt) < start.getTime())
            break;
    }
    const states = (0,deployment_state/* stateNames */.U0)(shared.read);
    const inWindow = shared.read
        .map((record, i) => ({ record, state: states[i] }))
        .filter(e => !start || Date.parse(e.record.createdAt) >= start.getTime());
    const targetId = choice.ok ? choice.target.id : undefined;
    const live = shared.read.find(deployment_state/* isLive */.DG);
    const result = {
        step: 'history',
        environment: settings.environment,
        ledger: ctx.ledger.kind,
        since: settings.since?.text ?? null,
        windowStart: start?.toISOString() ?? null,
        generatedAt: now.toISOString(),
        live: live ? { version: live.payload.version, deploymentId: live.id } : null,
        rollback: choice.ok
            ? {
                version: choice.target.payload.version,
                deploymentId: choice.target.id,
                verified: choice.verified,
                ...(choice.note ? { note: choice.note } : {})
            }
            : { version: null, reason: choice.reason },
        deployments: inWindow.map(e => toEntry(e.record, e.state, targetId))
    };
    if (settings.metrics) {
        result.metrics = await metricsFor(inWindow.map(e => e.record), inWindow.map(e => e.state), start, now, ctx);
    }
    return result;
}
async function metricsFor(records, states, start, now, ctx) {
    const commitTimes = new Map();
    const refs = new Set(records
        .filter(r => r.payload.operation === 'deploy' && (0,deployment_state/* deploymentState */.DY)(r).deployed)
        .map(r => r.ref));
    if (ctx.ledger.commitTime) {
        for (const ref of refs)
            commitTimes.set(ref, await ctx.ledger.commitTime(ref));
    }
    const oldest = records[records.length - 1];
    return deliveryMetrics({
        records,
        states,
        commitTimes,
        commitSource: ctx.ledger.commitSource ?? 'nowhere: this ledger knows no commits',
        // Without `since`, the window is the whole recorded history up to now.
        windowStart: start ?? (oldest ? new Date(oldest.createdAt) : now),
        windowEnd: now
    });
}

;// CONCATENATED MODULE: ./build/ncc/report/history-report.js
/** Seconds as the largest two units people read at a glance: "2 d 3 h", "14 min 5 s". */
function formatSeconds(seconds) {
    const s = Math.round(seconds);
    const units = [
        ['d', 86_400],
        ['h', 3_600],
        ['min', 60],
        ['s', 1]
    ];
    const parts = [];
    let rest = s;
    for (const [name, size] of units) {
        const n = Math.floor(rest / size);
        rest -= n * size;
        if (n && parts.length < 2)
            parts.push(`${n} ${name}`);
        else if (parts.length)
            break;
    }
    return parts.join(' ') || '0 s';
}
function formatFigure(figure) {
    if (figure.value === null)
        return 'unknown';
    if (figure.unit === 'seconds')
        return formatSeconds(figure.value);
    if (figure.unit === 'share')
        return `${(figure.value * 100).toFixed(1)} %`;
    return `${figure.value.toFixed(2)} per day`;
}
function shortTime(iso) {
    return iso.slice(0, 16).replace('T', ' ');
}
function historySummary(result) {
    const target = result.rollback;
    const facts = [
        ['Environment', result.environment],
        [
            'Live',
            result.live ? `${result.live.version} (deployment ${result.live.deploymentId})` : 'nothing'
        ],
        [
            'Rollback would pick',
            target.version === null
                ? `nothing: ${target.reason}`
                : `${target.version} (deployment ${target.deploymentId}${target.verified ? ', verified' : ', no check recorded'})`
        ],
        ['Ledger', result.ledger],
        ['Window', result.since ? `since ${result.since} (${result.windowStart})` : 'all history']
    ];
    const tables = [
        {
            caption: 'Deployments, newest first (⏪ = what a rollback would pick now)',
            header: ['id', 'version', 'state', '', 'commit', 'created', 'by', 'verdicts'],
            rows: result.deployments.map(d => [
                d.id,
                d.version,
                d.state,
                d.rollbackTarget ? '⏪' : '',
                d.ref.slice(0, 7) || '—',
                shortTime(d.createdAt),
                [d.operation === 'rollback' ? `rollback of ${d.rollbackOf}` : '', d.creator, d.runUrl]
                    .filter(Boolean)
                    .join(' ') || '—',
                d.verdicts.map(v => v.description).join('; ') || '—'
            ])
        }
    ];
    const m = result.metrics;
    if (m) {
        tables.push({
            caption: `Delivery metrics, ${m.windowStart.slice(0, 10)} to ${m.windowEnd.slice(0, 10)}`,
            header: ['metric', 'value', 'how it was computed'],
            rows: [
                [
                    'deployment frequency',
                    formatFigure(m.deploymentFrequency),
                    m.deploymentFrequency.computed
                ],
                ['lead time (commit → live)', formatFigure(m.leadTime), m.leadTime.computed],
                ['change failure rate', formatFigure(m.changeFailureRate), m.changeFailureRate.computed],
                ['time to restore', formatFigure(m.timeToRestore), m.timeToRestore.computed]
            ]
        });
    }
    return {
        title: 'Shiprail history',
        verdict: `📜 ${result.deployments.length} deployment${result.deployments.length === 1 ? '' : 's'} of **${result.environment}**`,
        facts,
        tables
    };
}
function historyOutputs(result) {
    return {
        'live-version': result.live?.version ?? '',
        'rollback-version': result.rollback.version ?? '',
        metrics: result.metrics ? JSON.stringify(result.metrics) : '',
        result: JSON.stringify(result)
    };
}

// EXTERNAL MODULE: ./build/ncc/runtime/steps.js
var steps = __webpack_require__(2031);
;// CONCATENATED MODULE: ./build/ncc/runtime/handlers/history.js




/** The history step, loaded only when it runs (see loadStepHandler). */
const HISTORY = (0,steps/* defineStep */.o)({
    parse: (raw, defaults) => parseHistorySettings(raw, defaults),
    async run(settings, ctx) {
        const result = await history_history(settings, ctx);
        return {
            data: result,
            outputs: historyOutputs(result),
            summary: () => historySummary(result)
        };
    }
});


/***/ })

};
