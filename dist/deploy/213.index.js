export const id = 213;
export const ids = [213];
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

/***/ 7011:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ sameRun)
/* harmony export */ });
/**
 * Whether a deployment was created by the run that is asking. A GitHub Actions run URL names its
 * attempt (`/actions/runs/<id>/attempts/<n>`); a re-run of a failed job is still the same run, so
 * GitHub run URLs compare by repository and run id. Other CI URLs (GitLab job, Jenkins build)
 * compare whole.
 */
function sameRun(recorded, current) {
    if (!recorded || !current)
        return false;
    const a = githubRun(recorded);
    const b = githubRun(current);
    if (a && b)
        return a === b;
    return recorded.replace(/\/+$/, '') === current.replace(/\/+$/, '');
}
function githubRun(url) {
    const m = /^(https?:\/\/[^/]+\/[^/]+\/[^/]+)\/actions\/runs\/(\d+)(?:\/attempts\/\d+)?\/?$/.exec(url);
    return m ? `${m[1].toLowerCase()}#${m[2]}` : undefined;
}


/***/ }),

/***/ 7725:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ backoffDelay),
/* harmony export */   L: () => (/* binding */ retry)
/* harmony export */ });
/** Exponential backoff with jitter: initial * 2^n, plus up to half of that at random, capped. */
function backoffDelay(attempt, initialDelayMs, maxDelayMs = 30_000, random = Math.random) {
    const base = Math.min(initialDelayMs * 2 ** attempt, maxDelayMs);
    return Math.min(Math.round(base + base * 0.5 * random()), maxDelayMs);
}
/** The one retry helper: calls fn until it succeeds, attempts run out, or the error is final. */
async function retry(fn, opts) {
    let last;
    for (let attempt = 0; attempt < opts.attempts; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (err) {
            last = err;
            const more = attempt + 1 < opts.attempts;
            if (!more || (opts.retryable && !opts.retryable(err)) || opts.signal?.aborted)
                throw err;
            await opts.clock.sleep(backoffDelay(attempt, opts.initialDelayMs, opts.maxDelayMs, opts.random), opts.signal);
        }
    }
    throw last;
}


/***/ }),

/***/ 2247:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KN: () => (/* binding */ percent),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   Vz: () => (/* binding */ spokenDuration),
/* harmony export */   Wr: () => (/* binding */ roundedMs)
/* harmony export */ });
/**
 * How numbers read in logs, summaries and ledger descriptions. One place, so a duration or a
 * count reads the same in the engine's log, the job summary and the terminal.
 */
/** "1 round", "3 rounds". */
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** "412 ms", "7.2 s", "30 s", "2 min 5 s". */
function spokenDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 10_000)
        return `${(ms / 1000).toFixed(1)} s`;
    if (ms < 120_000)
        return `${Math.round(ms / 1000)} s`;
    return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
/** A rate from 0 to 1 as "97.5%"; "—" when there is none. */
function percent(rate) {
    if (rate === null)
        return '—';
    const p = rate * 100;
    return `${Number.isInteger(p) ? p : Number(p.toFixed(1))}%`;
}
/** A latency as "41 ms"; "—" when there is none. */
function roundedMs(value) {
    return value === null ? '—' : `${Math.round(value)} ms`;
}


/***/ }),

/***/ 8745:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ROLLBACK: () => (/* binding */ ROLLBACK)
});

// EXTERNAL MODULE: ./build/ncc/core/errors.js
var errors = __webpack_require__(5052);
// EXTERNAL MODULE: ./build/ncc/core/settings/common.js
var settings_common = __webpack_require__(8532);
// EXTERNAL MODULE: ./build/ncc/core/settings/deploy-settings.js + 1 modules
var deploy_settings = __webpack_require__(6775);
// EXTERNAL MODULE: ./build/ncc/core/settings/input-reader.js
var input_reader = __webpack_require__(4657);
;// CONCATENATED MODULE: ./build/ncc/core/settings/rollback-settings.js




function parseRollbackSettings(raw, defaults) {
    const reader = new input_reader/* InputReader */.i_(raw);
    const common = (0,settings_common/* parseCommon */.dw)(reader, defaults, true);
    const toVersion = reader.string('to-version');
    if (toVersion && !deploy_settings/* VERSION_PATTERN */.Q6.test(toVersion)) {
        throw new errors/* InputError */.dz('to-version', `is ${(0,input_reader/* showValue */.vp)(toVersion)}`, deploy_settings/* VERSION_FORM */._b);
    }
    const reason = reader.text('reason').replace(/\s+/g, ' ').trim();
    if (reason.length > 500)
        throw new errors/* InputError */.dz('reason', 'is longer than 500 characters', 'a short sentence');
    const production = reader.has('production-environment')
        ? reader.bool('production-environment')
        : (0,deploy_settings/* isProductionName */.Zq)(common.environment);
    if (common.ledger === 'none') {
        throw new errors/* InputError */.dz('ledger', 'is `none`, but rollback needs the history', '`github` or `file`');
    }
    return {
        ...common,
        toVersion,
        reason,
        force: reader.bool('force'),
        productionEnvironment: production,
        environmentUrl: reader.url('environment-url'),
        notifyUrl: reader.url('notify-url', true),
        driver: (0,deploy_settings/* parseDriver */.wi)(reader, 'rollback')
    };
}

// EXTERNAL MODULE: ./build/ncc/core/drivers/create-driver.js + 1 modules
var create_driver = __webpack_require__(778);
// EXTERNAL MODULE: ./build/ncc/core/ledger/deployment-state.js
var deployment_state = __webpack_require__(4570);
// EXTERNAL MODULE: ./build/ncc/core/ledger/ledger.js
var ledger = __webpack_require__(6192);
// EXTERNAL MODULE: ./build/ncc/core/ledger/rollback-target.js
var rollback_target = __webpack_require__(3167);
// EXTERNAL MODULE: ./build/ncc/core/ledger/same-run.js
var same_run = __webpack_require__(7011);
// EXTERNAL MODULE: ./build/ncc/core/ledger/supersede.js
var supersede = __webpack_require__(5681);
// EXTERNAL MODULE: ./build/ncc/core/notify.js
var notify = __webpack_require__(4370);
// EXTERNAL MODULE: ./build/ncc/core/steps/apply-deployment.js + 1 modules
var apply_deployment = __webpack_require__(648);
// EXTERNAL MODULE: ./build/ncc/core/steps/phases.js
var steps_phases = __webpack_require__(5239);
;// CONCATENATED MODULE: ./build/ncc/core/steps/rollback.js










/**
 * The rollback step: choose the target (never a guess), record a new deployment of it, let the
 * driver put it live (releases: switch to the kept release, no upload), then mark the deployment
 * rolled back from as failed and inactive, so it is never chosen again.
 */
async function rollback(settings, ctx) {
    const startedAt = ctx.clock.now();
    const phases = [];
    const driver = await (0,create_driver/* createDriver */.f)(settings.driver, ctx);
    await driver.preflight(ctx);
    const { choice, records } = await (0,steps_phases/* timed */.a)(ctx, phases, 'choose target', () => (0,rollback_target/* readRollbackTarget */.C_)(ctx.ledger.history(settings.environment), settings.environment, {
        toVersion: settings.toVersion || undefined,
        force: settings.force
    }));
    const live = records.find(deployment_state/* isLive */.DG);
    // A rollback of a deployment this same run created is the deploy undoing itself: automatic,
    // whatever started the run (push, workflow_dispatch, a CLI job in another CI).
    const automatic = live !== undefined && (0,same_run/* sameRun */.W)(live.payload.run_url, ctx.run.runUrl);
    // A person rolling production back by hand says why: bad input comes first, before anything
    // else is reported or changed.
    if (!automatic && ctx.run.manual && settings.productionEnvironment && !settings.reason) {
        throw new errors/* InputError */.dz('reason', `is required for a manual rollback of ${settings.environment}${live ? ` (${live.payload.version} was not deployed by this run)` : ''}`, 'a short sentence saying why');
    }
    if (!choice.ok || !live)
        throw new errors/* CheckFailedError */.CO(`Cannot roll back ${settings.environment}: ${choice.ok ? 'nothing is live' : choice.reason}`);
    const target = choice.target;
    // At most one automatic rollback per run: a run that already rolled this environment back
    // does not roll back again (a rollback loop would hide the real failure).
    if (automatic && live.payload.operation === 'rollback') {
        throw new errors/* CheckFailedError */.CO(`This run already rolled ${settings.environment} back to ${live.payload.version}; not rolling back twice in one run.`);
    }
    const reason = settings.reason || defaultReason(automatic, ctx.run);
    if (choice.note)
        ctx.logger.warning(`Rollback target: ${choice.note}.`);
    ctx.logger.info(`Rolling ${settings.environment} back from ${live.payload.version} to ${target.payload.version}: ${reason}`);
    const result = {
        step: 'rollback',
        outcome: 'planned',
        environment: settings.environment,
        version: target.payload.version,
        fromVersion: live.payload.version,
        fromDeploymentId: live.id,
        targetDeploymentId: target.id,
        targetVerified: choice.verified,
        reason,
        automatic,
        driver: settings.driver.kind,
        ledger: ctx.ledger.kind,
        environmentUrl: settings.environmentUrl ?? (0,ledger/* environmentUrlOf */.k0)(live) ?? null,
        deploymentId: '',
        release: null,
        hosts: [],
        phases,
        driverMs: 0,
        startedAt: startedAt.toISOString(),
        durationMs: 0,
        note: choice.note
    };
    // containers: the image the target recorded, by ID, so a re-pointed tag cannot change it.
    const images = settings.driver.kind === 'containers'
        ? {
            image: target.payload.image ?? null,
            image_id: target.payload.image_id ?? null,
            ...(target.payload.image_ids ? { image_ids: target.payload.image_ids } : {})
        }
        : undefined;
    const request = {
        operation: 'rollback',
        environment: settings.environment,
        version: target.payload.version,
        previousVersion: live.payload.version,
        ref: target.ref,
        deploymentId: '',
        ...(images ? { images } : {})
    };
    if (settings.dryRun) {
        result.plan = [
            `roll ${settings.environment} back from ${live.payload.version} (deployment ${live.id}) to ${target.payload.version} (deployment ${target.id})`,
            `record a rollback deployment in the ${ctx.ledger.kind} ledger; mark deployment ${live.id} failed and inactive`,
            ...driver.plan(request)
        ];
        for (const line of result.plan)
            ctx.logger.info(`[dry-run] ${line}`);
        result.durationMs = ctx.clock.now().getTime() - startedAt.getTime();
        return result;
    }
    const applied = await (0,apply_deployment/* applyDeployment */.A)(ctx, driver, phases, {
        record: {
            environment: settings.environment,
            ref: target.ref,
            description: (0,ledger/* clampDescription */.gs)(`Rolling back to ${target.payload.version} from ${live.payload.version}`),
            productionEnvironment: settings.productionEnvironment,
            logUrl: ctx.run.runUrl,
            payload: {
                version: target.payload.version,
                driver: settings.driver.kind,
                previous_version: live.payload.version,
                operation: 'rollback',
                run_url: ctx.run.runUrl ?? null,
                // The good deployment before the target, so a second rollback can continue the chain.
                previous_deployment_id: target.payload.previous_deployment_id ?? null,
                rollback_of: live.id,
                reason,
                release: target.payload.release ?? null,
                ...images
            }
        },
        request,
        successDescription: `Rolled back to ${target.payload.version}: ${reason}`,
        failureDescription: error => `Rollback to ${target.payload.version} failed: ${error}`,
        // The URL stays the environment's after a rollback: carry it over when none was given.
        environmentUrl: result.environmentUrl ?? undefined,
        lockTimeoutSeconds: settings.driver.lockTimeoutSeconds,
        // The target was chosen before the lock: a deploy that went live while this rollback
        // waited would otherwise be left live in fact while the ledger names the target.
        async confirm() {
            const now = await readLive(ctx, settings.environment);
            if (now?.id !== live.id)
                throw new errors/* CheckFailedError */.CO(`${settings.environment} changed while this rollback waited for it: ${now ? `${now.payload.version} (deployment ${now.id})` : 'nothing'} is live now, not ${live.payload.version}; nothing was rolled back, run the rollback again`);
        },
        async afterSuccess(id) {
            // The version rolled back from is bad from now on: a failure verdict, then inactive.
            await ctx.ledger.addStatus(live.id, {
                state: 'failure',
                description: (0,ledger/* clampDescription */.gs)(`rollback: rolled back to ${target.payload.version}: ${reason}`),
                logUrl: ctx.run.runUrl
            });
            await ctx.ledger.addStatus(live.id, (0,ledger/* shiprailInactive */.kW)(`rolled back by deployment ${id}`));
            await (0,supersede/* supersedeEarlier */.N)(ctx.ledger, settings.environment, id, ctx.logger);
        }
    });
    result.deploymentId = applied.deploymentId;
    result.release = applied.release;
    result.hosts = applied.hosts;
    result.outcome = applied.outcome;
    result.driverMs = applied.driverMs;
    if (applied.error !== undefined)
        result.error = applied.error;
    result.durationMs = ctx.clock.now().getTime() - startedAt.getTime();
    const icon = result.outcome === 'success' ? ':rewind:' : ':x:';
    await (0,notify/* notify */.m)(ctx, settings.notifyUrl, `${icon} Shiprail ${result.outcome === 'success' ? 'rolled back' : 'failed to roll back'} ${settings.environment} from ${result.fromVersion} to ${result.version}: ${result.error ?? reason}`);
    return result;
}
async function readLive(ctx, environment) {
    for await (const record of ctx.ledger.history(environment))
        if ((0,deployment_state/* isLive */.DG)(record))
            return record;
    return undefined;
}
/** The recorded reason when none was given: never "automatic" for a rollback a person started. */
function defaultReason(automatic, run) {
    if (automatic)
        return `automatic rollback by ${run.runUrl}`;
    if (run.manual)
        return `manual rollback${run.actor ? ` by ${run.actor}` : ''}; no reason given`;
    return `rollback by ${run.runUrl ?? 'a CI job'}; no reason given`;
}

// EXTERNAL MODULE: ./build/ncc/core/wording.js
var wording = __webpack_require__(2247);
// EXTERNAL MODULE: ./build/ncc/report/summary.js
var summary = __webpack_require__(3946);
;// CONCATENATED MODULE: ./build/ncc/report/rollback-report.js


function rollbackSummary(result, runUrl) {
    const verdict = result.outcome === 'planned'
        ? `📝 Dry run: would roll **${result.environment}** back from **${result.fromVersion}** to **${result.version}**`
        : result.outcome === 'success'
            ? `⏪ Rolled **${result.environment}** back from **${result.fromVersion}** to **${result.version}**`
            : `❌ Rollback of **${result.environment}** to **${result.version}** failed: ${result.error ?? 'unknown error'}`;
    const facts = [
        ['Environment', result.environment],
        ['Was live', `${result.fromVersion} (deployment ${result.fromDeploymentId || '—'})`],
        ['Live now', result.outcome === 'success' ? result.version : result.fromVersion],
        [
            'Target',
            `${result.version} (${result.targetVerified ? 'verified' : 'unverified: deployed, no check recorded'})`
        ],
        ['Why', result.reason],
        ['Driver phase took', (0,wording/* spokenDuration */.Vz)(result.driverMs)],
        ['Driver', result.driver],
        ['Ledger', result.ledger + (result.deploymentId ? ` (deployment ${result.deploymentId})` : '')]
    ];
    if (result.release)
        facts.push(['Release', result.release]);
    const tables = [
        {
            caption: 'Phases',
            header: ['phase', 'duration'],
            rows: result.phases.map(p => [p.name, (0,wording/* spokenDuration */.Vz)(p.ms)])
        }
    ];
    if (result.hosts.length) {
        tables.push({
            caption: 'Hosts',
            header: ['host', 'release', 'switch'],
            rows: result.hosts.map(h => [
                h.host,
                h.release ?? '—',
                h.phases.switch === undefined ? '—' : (0,wording/* spokenDuration */.Vz)(h.phases.switch)
            ])
        });
    }
    if (result.plan)
        tables.push((0,summary/* planTable */.k0)(result.plan));
    const links = [];
    if (result.environmentUrl)
        links.push(['Open environment', result.environmentUrl]);
    if (runUrl)
        links.push(['Run log', runUrl]);
    return { title: 'Shiprail rollback', verdict, facts, tables, links };
}
function rollbackOutputs(result) {
    return {
        version: result.outcome === 'failure' ? result.fromVersion : result.version,
        'from-version': result.fromVersion,
        'deployment-id': result.deploymentId,
        result: JSON.stringify(result)
    };
}
/** One line saying why the step failed, or undefined when it did not. */
function rollbackFailure(result) {
    return result.outcome === 'failure'
        ? `Rollback of ${result.environment} to ${result.version} failed: ${result.error}`
        : undefined;
}

// EXTERNAL MODULE: ./build/ncc/runtime/steps.js
var steps = __webpack_require__(2031);
;// CONCATENATED MODULE: ./build/ncc/runtime/handlers/rollback.js




/** The rollback step, loaded only when it runs (see loadStepHandler). */
const ROLLBACK = (0,steps/* defineStep */.o)({
    parse: (raw, defaults) => parseRollbackSettings(raw, defaults),
    async run(settings, ctx) {
        const result = await rollback(settings, ctx);
        return {
            data: result,
            outputs: rollbackOutputs(result),
            summary: runUrl => rollbackSummary(result, runUrl),
            failure: rollbackFailure(result)
        };
    }
});


/***/ })

};
