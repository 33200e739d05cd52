export const id = 867;
export const ids = [867];
export const modules = {

/***/ 778:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  f: () => (/* binding */ createDriver)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/ncc/core/errors.js
var errors = __webpack_require__(5052);
// EXTERNAL MODULE: ./build/ncc/core/process-runner.js + 1 modules
var process_runner = __webpack_require__(787);
// EXTERNAL MODULE: ./build/ncc/core/drivers/driver.js
var driver = __webpack_require__(2761);
;// CONCATENATED MODULE: ./build/ncc/core/drivers/command-driver.js






/** Lines of a failed script's output the summary shows. */
const TAIL_LINES = 10;
/**
 * Runs the user's bash script the way a `run:` step does (`bash -eo pipefail file`), with every
 * value in environment variables so no version or environment name becomes shell text.
 */
function createCommandDriver(settings, baseEnv) {
    const scriptFor = (request) => request.operation === 'rollback' && settings.rollbackRun.trim() !== ''
        ? settings.rollbackRun
        : settings.run;
    return {
        name: 'command',
        async preflight() { },
        plan(request) {
            const label = request.operation === 'rollback' && settings.rollbackRun.trim() ? 'rollback-run' : 'run';
            return [
                `run the \`${label}\` script with bash -eo pipefail (timeout ${settings.timeoutSeconds} s)`,
                ...Object.entries((0,driver/* requestVariables */.x5)(request)).map(([k, v]) => `  ${k}=${v}`)
            ];
        },
        async apply(request, ctx) {
            const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(ctx.run.tempDir ?? (0,external_node_os_.tmpdir)(), 'shiprail-run-'));
            try {
                const file = (0,external_node_path_.join)(dir, 'script.sh');
                await (0,promises_.writeFile)(file, scriptFor(request), { mode: 0o600 });
                const timeoutMs = settings.timeoutSeconds * 1000;
                const tail = [];
                const result = await (0,process_runner/* runProcess */.R)('bash', {
                    args: ['--noprofile', '--norc', '-eo', 'pipefail', file],
                    cwd: ctx.run.workspace,
                    env: { ...baseEnv, ...(0,driver/* requestVariables */.x5)(request) },
                    timeoutMs,
                    signal: ctx.signal,
                    onLine: line => {
                        const masked = ctx.secrets.redact(line);
                        ctx.logger.info(masked);
                        tail.push(masked);
                        if (tail.length > TAIL_LINES)
                            tail.shift();
                    }
                });
                if (result.exitCode !== 0) {
                    throw new errors/* CheckFailedError */.CO(`The ${request.operation} script ${(0,process_runner/* describeExit */.K)(result, timeoutMs)}.`, tail);
                }
                return {};
            }
            finally {
                await (0,promises_.rm)(dir, { recursive: true, force: true });
            }
        }
    };
}

;// CONCATENATED MODULE: ./build/ncc/core/drivers/create-driver.js

async function createDriver(settings, ctx) {
    if (settings.kind === 'command')
        return createCommandDriver(settings, ctx.run.env);
    if (settings.kind === 'containers') {
        const { createContainersDriver } = await Promise.all(/* import() */[__webpack_require__.e(902), __webpack_require__.e(584)]).then(__webpack_require__.bind(__webpack_require__, 2584));
        return createContainersDriver(settings);
    }
    // Loaded on demand: the releases driver pulls in SSH and rsync handling a command deploy never needs.
    const { createReleasesDriver } = await Promise.all(/* import() */[__webpack_require__.e(902), __webpack_require__.e(846), __webpack_require__.e(333)]).then(__webpack_require__.bind(__webpack_require__, 7333));
    return createReleasesDriver(settings);
}


/***/ }),

/***/ 2761:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hv: () => (/* binding */ hookVariables),
/* harmony export */   x5: () => (/* binding */ requestVariables)
/* harmony export */ });
/* unused harmony export HOOK_VARIABLES */
/**
 * Every SHIPRAIL_* variable hooks and scripts receive: docs/behaviour.md's table is generated
 * from this list, and a test checks each driver sets exactly its names.
 */
const HOOK_VARIABLES = [
    { name: 'SHIPRAIL_ENVIRONMENT', scope: 'every', description: 'the environment (`environment`)' },
    {
        name: 'SHIPRAIL_VERSION',
        scope: 'every',
        description: 'the version going live; in a rollback, the version rolled back to'
    },
    {
        name: 'SHIPRAIL_PREVIOUS_VERSION',
        scope: 'every',
        description: 'the version live before (empty on a first deploy)'
    },
    {
        name: 'SHIPRAIL_REF',
        scope: 'every',
        description: 'the full 40-hex commit SHA (empty when unknown)'
    },
    {
        name: 'SHIPRAIL_DEPLOYMENT_ID',
        scope: 'every',
        description: "the ledger's id of this deploy or rollback (empty with `ledger: none`)"
    },
    { name: 'SHIPRAIL_OPERATION', scope: 'every', description: '`deploy` or `rollback`' },
    { name: 'SHIPRAIL_PATH', scope: 'releases', description: 'the deploy root on the host (`path`)' },
    {
        name: 'SHIPRAIL_RELEASE',
        scope: 'releases',
        description: 'the release going live, a directory name such as `20261130T120000Z-1.4.2`'
    },
    {
        name: 'SHIPRAIL_RELEASE_PATH',
        scope: 'releases',
        description: "that release's directory, `<path>/releases/<release>`: the hook's working directory"
    },
    { name: 'SHIPRAIL_SERVICE', scope: 'containers', description: 'the service (`service`)' },
    {
        name: 'SHIPRAIL_CONTAINER',
        scope: 'containers',
        description: 'the container going live, `<service>-<release>`'
    }
];
/** The values of the variables with scope `every`, for one deploy or rollback. */
function requestVariables(request) {
    return {
        SHIPRAIL_ENVIRONMENT: request.environment,
        SHIPRAIL_VERSION: request.version,
        SHIPRAIL_PREVIOUS_VERSION: request.previousVersion ?? '',
        SHIPRAIL_REF: request.ref,
        SHIPRAIL_DEPLOYMENT_ID: request.deploymentId,
        SHIPRAIL_OPERATION: request.operation
    };
}
/**
 * requestVariables as name, value pairs in one flat list (the host scripts read them as
 * positional parameters, never as shell text).
 */
function hookVariables(request) {
    return Object.entries(requestVariables(request)).flat();
}


/***/ }),

/***/ 5681:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ supersedeEarlier)
/* harmony export */ });
/* unused harmony export SUPERSEDE_SCAN_LIMIT */
/* harmony import */ var _deployment_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4570);
/* harmony import */ var _ledger_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6192);


/** A supersede walk looks at no more deployments than this. */
const SUPERSEDE_SCAN_LIMIT = 100;
/**
 * After a deployment succeeds, every earlier deployment of the environment that still counts as
 * live is marked inactive (GitHub never does this for production environments). The walk stops
 * at the first deployment already inactive: whoever made it inactive handled everything older,
 * so the usual cost is two status reads and one write, however long the history.
 */
async function supersedeEarlier(ledger, environment, currentId, logger) {
    let scanned = 0;
    let marked = 0;
    // History is newest first: anything before the current deployment is newer (a concurrent
    // deploy that started later) and is not ours to supersede.
    let older = false;
    for await (const record of ledger.history(environment)) {
        if (!older) {
            older = record.id === currentId;
            continue;
        }
        const state = (0,_deployment_state_js__WEBPACK_IMPORTED_MODULE_0__/* .deploymentState */ .DY)(record);
        if (state.inactive)
            break;
        if (state.deployed) {
            await ledger.addStatus(record.id, (0,_ledger_js__WEBPACK_IMPORTED_MODULE_1__/* .shiprailInactive */ .kW)(`superseded by deployment ${currentId}`));
            marked++;
        }
        if (++scanned >= SUPERSEDE_SCAN_LIMIT) {
            logger.warning(`Stopped marking earlier deployments inactive after ${scanned}; older ones are left as they are.`);
            break;
        }
    }
    return marked;
}


/***/ }),

/***/ 4370:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ notify)
/* harmony export */ });
/* unused harmony export slackText */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5052);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7725);


/**
 * Text as Slack shows it literally: `&`, `<` and `>` escaped as Slack documents, so a version,
 * reason or error that holds `<!channel>`, `<!here>`, `<@U123>`, `<#C123>` or
 * `<!subteam^S123>` reaches the channel as text, never as a mention or a link.
 * https://api.slack.com/reference/surfaces/formatting#escaping
 */
function slackText(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** A `<url|label>` link whose URL cannot close the link early or start another. */
function slackLink(url, label) {
    return `<${url.replace(/[<>| ]/g, c => encodeURIComponent(c))}|${label}>`;
}
/**
 * Posts a Slack-compatible message (`{"text": ...}`, also accepted by Mattermost, Rocket.Chat,
 * Discord's /slack endpoint and Teams workflows) to the notify-url webhook. A failed
 * notification is a warning: it never changes the step's outcome. `text` is shown literally;
 * the run's URL is appended as a link.
 */
async function notify(ctx, url, text) {
    if (!url)
        return;
    const message = slackText(text) + (ctx.run.runUrl ? ` ${slackLink(ctx.run.runUrl, 'run')}` : '');
    try {
        await (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L)(async () => {
            const response = await fetch(url, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ text: message }),
                signal: AbortSignal.timeout(10_000)
            });
            if (response.status >= 500 || response.status === 429)
                throw new Error(`HTTP ${response.status}`);
            if (!response.ok)
                throw Object.assign(new Error(`HTTP ${response.status}`), { final: true });
        }, {
            attempts: 3,
            initialDelayMs: 1000,
            clock: ctx.clock,
            retryable: err => !err.final
        });
    }
    catch (err) {
        // The URL is a secret: say what failed, never where.
        ctx.logger.warning(`The notify-url webhook failed: ${ctx.secrets.redact((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err))}.`);
    }
}


/***/ }),

/***/ 648:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ applyDeployment)
});

// EXTERNAL MODULE: ./build/ncc/core/errors.js
var errors = __webpack_require__(5052);
;// CONCATENATED MODULE: ./build/ncc/core/ledger/environment-lock.js

function describeHolder(h) {
    const where = h.process ? `, ${h.process}` : '';
    return `deployment ${h.deploymentId} of ${h.version} (run ${h.runUrl ?? 'none recorded'}${where}), since ${h.since}`;
}
/** First wait when the environment is held; doubles up to MAX_WAIT_MS, with jitter. */
const FIRST_WAIT_MS = 1000;
const MAX_WAIT_MS = 15_000;
/**
 * Takes the environment for `own`, waiting up to `timeoutSeconds` with back-off. 0 refuses at
 * once. A refusal throws CheckFailedError naming the holder; the caller ends its own record.
 */
async function lockEnvironment(locking, own, timeoutSeconds, ctx) {
    const deadline = ctx.clock.now().getTime() + timeoutSeconds * 1000;
    let wait = FIRST_WAIT_MS;
    let said = false;
    for (;;) {
        const attempt = await locking.tryLock(own, ctx);
        if (attempt.acquired)
            return attempt.release;
        const holder = describeHolder(attempt.holder);
        const left = deadline - ctx.clock.now().getTime();
        if (left <= 0) {
            const waited = timeoutSeconds > 0 ? ` after waiting ${timeoutSeconds} s` : '';
            throw new errors/* CheckFailedError */.CO(`${own.environment} is locked by another deploy${waited}: ${holder}. One deploy per environment at a time; set lock-timeout to wait for it.`);
        }
        if (!said) {
            ctx.logger.info(`Waiting up to ${timeoutSeconds} s for ${own.environment}, held by ${holder}`);
            said = true;
        }
        await ctx.clock.sleep(Math.min(left, wait * (0.75 + Math.random() / 2)), ctx.signal);
        wait = Math.min(MAX_WAIT_MS, wait * 2);
    }
}

// EXTERNAL MODULE: ./build/ncc/core/ledger/ledger.js
var ledger = __webpack_require__(6192);
// EXTERNAL MODULE: ./build/ncc/core/steps/phases.js
var steps_phases = __webpack_require__(5239);
;// CONCATENATED MODULE: ./build/ncc/core/steps/apply-deployment.js




/**
 * The sequence deploy and rollback share: for a deploy, let the driver resolve what the record
 * must carry (containers: the image ID on every host); record the deployment as in progress,
 * let the driver put the version live, then record its outcome. A driver failure (resolving
 * included) becomes outcome `failure` (the ledger says so too); only ledger errors throw. The
 * post step is told about the record as soon as it exists, so a cancelled job still ends it
 * with a terminal status.
 */
async function applyDeployment(ctx, driver, phases, plan) {
    const resolved = await resolveFirst(ctx, driver, phases, plan.request);
    const record = await (0,steps_phases/* timed */.a)(ctx, phases, 'record start', () => ctx.ledger.create({ ...plan.record, payload: { ...plan.record.payload, ...resolved?.payload } }));
    const request = {
        ...plan.request,
        deploymentId: record.id,
        ...(resolved ? { images: resolved.payload } : {})
    };
    if (record.id)
        ctx.onDeploymentStarted?.(record.id);
    const release = await holdEnvironment(ctx, phases, record, plan);
    try {
        return await applyHeld(ctx, driver, phases, plan, record, request, resolved?.error);
    }
    finally {
        await release();
    }
}
/**
 * driver.resolve's payload fields for a deploy, or the error that fails the deploy once it is
 * recorded (a deploy that could not get its image is in the ledger as failed, like any other).
 */
async function resolveFirst(ctx, driver, phases, request) {
    if (!driver.resolve || request.operation !== 'deploy')
        return undefined;
    try {
        return {
            payload: await (0,steps_phases/* timed */.a)(ctx, phases, `${driver.name} resolve`, () => driver.resolve(request, ctx))
        };
    }
    catch (error) {
        return { payload: {}, error };
    }
}
/**
 * One deploy per environment at a time, whatever the driver: the ledger holds the environment
 * from the record's creation until its outcome is recorded. A refused record (locked, or the
 * plan no longer holds once the lock is taken) is ended with `error`, so it never counts as
 * live, and the lock is let go.
 */
async function holdEnvironment(ctx, phases, record, plan) {
    const locking = ctx.ledger.locking;
    if (!locking || !record.id)
        return async () => undefined;
    let release;
    try {
        release = await (0,steps_phases/* timed */.a)(ctx, phases, 'lock environment', () => lockEnvironment(locking, record, plan.lockTimeoutSeconds, ctx));
        await plan.confirm?.();
        return release;
    }
    catch (err) {
        await release?.();
        const why = ctx.secrets.redact((0,errors/* errorMessage */.gJ)(err));
        await ctx.ledger.addStatus(record.id, {
            state: 'error',
            description: (0,ledger/* clampDescription */.gs)(`Not run: ${why}`),
            logUrl: ctx.run.runUrl
        });
        ctx.onDeploymentFinished?.(record.id);
        throw err;
    }
}
async function applyHeld(ctx, driver, phases, plan, record, request, resolveError) {
    const applied = {
        outcome: 'failure',
        deploymentId: record.id,
        release: null,
        hosts: [],
        driverMs: 0
    };
    const driverPhase = `${plan.record.payload.driver} driver`;
    try {
        const outcome = await (0,steps_phases/* timed */.a)(ctx, phases, driverPhase, () => resolveError === undefined ? driver.apply(request, ctx) : Promise.reject(resolveError));
        applied.release = outcome.release ?? null;
        applied.hosts = outcome.hosts ?? [];
        applied.outcome = 'success';
    }
    catch (err) {
        applied.error = ctx.secrets.redact((0,errors/* errorMessage */.gJ)(err));
        applied.failedPhase = driverPhase;
        if (err instanceof errors/* CheckFailedError */.CO && err.lastLines.length)
            applied.lastLines = err.lastLines.map(line => ctx.secrets.redact(line));
    }
    applied.driverMs = phases[phases.length - 1].ms;
    await (0,steps_phases/* timed */.a)(ctx, phases, 'record outcome', async () => {
        if (!record.id)
            return;
        const ok = applied.outcome === 'success';
        await ctx.ledger.addStatus(record.id, {
            state: ok ? 'success' : 'failure',
            description: (0,ledger/* clampDescription */.gs)(ok ? plan.successDescription : plan.failureDescription(applied.error ?? '')),
            logUrl: ctx.run.runUrl,
            environmentUrl: ok ? plan.environmentUrl : undefined
        });
        ctx.onDeploymentFinished?.(record.id);
        if (ok)
            await plan.afterSuccess(record.id);
    });
    return applied;
}


/***/ }),

/***/ 9219:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ doctor)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/ncc/core/checks/http-probe.js
var http_probe = __webpack_require__(1634);
// EXTERNAL MODULE: ./build/ncc/core/errors.js
var errors = __webpack_require__(5052);
// EXTERNAL MODULE: ./build/ncc/core/drivers/host-transport.js
var host_transport = __webpack_require__(6285);
// EXTERNAL MODULE: ./build/ncc/core/drivers/release-lock.js
var release_lock = __webpack_require__(9124);
// EXTERNAL MODULE: ./build/ncc/core/doctor/host-checks.js
var host_checks = __webpack_require__(6599);
// EXTERNAL MODULE: ./build/ncc/core/drivers/release-history.js
var release_history = __webpack_require__(6911);
// EXTERNAL MODULE: ./build/ncc/core/drivers/release-scripts.js + 1 modules
var release_scripts = __webpack_require__(9504);
;// CONCATENATED MODULE: ./build/ncc/core/doctor/host-probe.js


/**
 * What doctor learns about one host in one round trip, strictly read-only: the script below
 * only tests, lists and reads (`command -v`, `test -w`, `df`, `readlink`, `head`, `tail`); it
 * creates nothing, not even the layout a deploy would create. Every value is a positional
 * parameter (see hostScript), so nothing a user typed becomes code.
 *
 * $1: deploy root (a leading `~/` means the login user's home, as for the containers driver's
 * default), $2: bytes of history to read from its tail, $3...: programs to look for.
 */
const PROBE_SCRIPT = `
root=$1
tail_bytes=$2
shift 2
case $root in '~/'*) root=$HOME/\${root#'~/'} ;; esac
printf 'user\\t%s\\n' "$(id -un 2>/dev/null)"
printf 'root\\t%s\\n' "$root"
for p in "$@"; do
  if found=$(command -v -- "$p" 2>/dev/null); then
    printf 'program\\t%s\\t%s\\n' "$p" "$found"
  else
    printf 'missing\\t%s\\n' "$p"
  fi
done
# The containers driver talks to dockerd as the login user: a missing docker group shows here.
case " $* " in *' docker '*)
  if command -v docker >/dev/null 2>&1; then
    if server=$(docker version --format '{{.Server.Version}}' 2>&1); then
      printf 'dockerd\t%s\n' "$server"
    else
      printf 'dockerdenied\t%s\n' "$(printf '%s' "$server" | tail -n 1)"
    fi
  fi ;;
esac
probe=$root
while [ ! -e "$probe" ] && [ ! -L "$probe" ] && [ "$probe" != / ]; do probe=$(dirname -- "$probe"); done
printf 'existing\\t%s\\n' "$probe"
[ -d "$probe" ] || printf 'notdir\\t%s\\n' "$probe"
# The root itself, or the directory a first deploy would create it in, then what a deploy writes.
for d in "$probe" "$root/releases" "$root/shared" "$root/.shiprail"; do
  [ -e "$d" ] || continue
  if [ ! -w "$d" ]; then printf 'unwritable\\t%s\\t%s\\n' "$d" "$(stat -c %U -- "$d" 2>/dev/null)"; fi
done
if [ -d "$probe" ]; then${(0,release_scripts/* freeSpace */.FP)('probe')}
fi
if [ -L "$root/current" ]; then
  printf 'current\\t%s\\n' "$(readlink -- "$root/current")"
  if resolved=$(cd -P -- "$root/current" 2>/dev/null && pwd -P); then
    printf 'resolved\\t%s\\n' "$resolved"
  fi
elif [ -e "$root/current" ]; then
  printf 'notlink\\n'
fi
if [ -d "$root/.shiprail/lock" ]; then
  printf 'lockdir\\n'
elif [ -f "$root/.shiprail/lock" ]; then
  printf -- '--lock--\\n'
  head -c 4096 -- "$root/.shiprail/lock"
  printf '\\n--end-lock--\\n'
fi
printf -- '--history--\\n'
if [ -f "$root/.shiprail/history.jsonl" ]; then tail -c "$tail_bytes" -- "$root/.shiprail/history.jsonl"; fi
`;
/** History is read from its tail: doctor only needs the newest lines. */
const PROBE_HISTORY_BYTES = 64 * 1024;
/** Reads the probe's answer. Pure. */
function parseProbe(stdout) {
    const facts = {
        user: '',
        root: '',
        programs: {},
        missing: [],
        existing: '',
        existingNotDir: false,
        unwritable: [],
        currentNotLink: false,
        lockIsDir: false,
        history: []
    };
    const historyAt = stdout.indexOf('--history--\n');
    let head = historyAt >= 0 ? stdout.slice(0, historyAt) : stdout;
    if (historyAt >= 0)
        facts.history = (0,release_history/* parseHistory */.i6)(stdout.slice(historyAt + '--history--\n'.length));
    const lockAt = head.indexOf('--lock--\n');
    if (lockAt >= 0) {
        const end = head.indexOf('\n--end-lock--\n', lockAt);
        facts.lock = head.slice(lockAt + '--lock--\n'.length, end >= 0 ? end : undefined).trim();
        head = head.slice(0, lockAt) + (end >= 0 ? head.slice(end + '\n--end-lock--\n'.length) : '');
    }
    for (const line of head.split('\n')) {
        const [key, ...rest] = line.split('\t');
        const value = rest.join('\t');
        if (key === 'user')
            facts.user = value;
        else if (key === 'root')
            facts.root = value;
        else if (key === 'program')
            facts.programs[rest[0]] = rest.slice(1).join('\t');
        else if (key === 'missing')
            facts.missing.push(value);
        else if (key === 'existing')
            facts.existing = value;
        else if (key === 'notdir')
            facts.existingNotDir = true;
        else if (key === 'unwritable')
            facts.unwritable.push({ path: rest[0], owner: rest[1] ?? '' });
        else if (key === 'free') {
            facts.freeKiB = Number(rest[0]);
            facts.mount = rest.slice(1).join('\t');
        }
        else if (key === 'current')
            facts.current = value;
        else if (key === 'resolved')
            facts.currentResolved = value;
        else if (key === 'notlink')
            facts.currentNotLink = true;
        else if (key === 'lockdir')
            facts.lockIsDir = true;
        else if (key === 'dockerd')
            facts.dockerServer = value;
        else if (key === 'dockerdenied')
            facts.dockerError = value;
    }
    return facts;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./build/ncc/core/doctor/release-size.js



/**
 * Bytes a first deploy of `source` writes on a host: the sum of its files' sizes (a directory),
 * or the uncompressed size of a .tar.gz/.tgz, from the gzip trailer (ISIZE, RFC 1952 §2.3.1:
 * the size modulo 2^32, so an archive over 4 GiB is counted at least at its compressed size).
 * Later deploys hard-link unchanged files and need less: this is the upper bound.
 */
async function releaseSize(source) {
    const info = await (0,promises_.lstat)(source).catch(() => undefined);
    if (!info) {
        throw new errors/* UserError */.yo(`Input 'source' is ${JSON.stringify(source)}, which does not exist; expected a directory or a .tar.gz/.tgz file.`);
    }
    if (info.isDirectory())
        return directorySize(source);
    if (info.isFile() && /\.(tar\.gz|tgz)$/.test(source)) {
        const handle = await (0,promises_.open)(source, 'r');
        try {
            const trailer = Buffer.alloc(4);
            await handle.read(trailer, 0, 4, Math.max(0, info.size - 4));
            return Math.max(trailer.readUInt32LE(0), info.size);
        }
        finally {
            await handle.close();
        }
    }
    throw new errors/* UserError */.yo(`Input 'source' is ${JSON.stringify(source)}; expected a directory or a .tar.gz/.tgz file.`);
}
async function directorySize(root) {
    let total = 0;
    const pending = [root];
    while (pending.length) {
        const dir = pending.pop();
        for (const entry of await (0,promises_.readdir)(dir, { withFileTypes: true })) {
            const full = (0,external_node_path_.join)(dir, entry.name);
            if (entry.isDirectory())
                pending.push(full);
            else if (entry.isFile())
                total += (await (0,promises_.lstat)(full)).size;
        }
    }
    return total;
}

// EXTERNAL MODULE: ./build/ncc/core/doctor/ssh-diagnosis.js
var ssh_diagnosis = __webpack_require__(1357);
;// CONCATENATED MODULE: ./build/ncc/core/steps/doctor.js









const CONNECT_TIMEOUT_MS = 30_000;
const PROBE_TIMEOUT_MS = 30_000;
const URL_TIMEOUT_MS = 10_000;
/** Hosts checked at once, as the releases driver's default `parallel`. */
const PARALLEL = 10;
/**
 * `shiprail doctor`: checks, read-only, that every host is ready for a deploy (SSH, host key,
 * programs, path, disk, lock, what is live) and that `url` answers. It reuses the deploy's own
 * SSH transport, lock rules and history parser, so it sees the hosts as a deploy will.
 */
async function doctor(settings, ctx) {
    ctx.secrets.add(settings.sshKey);
    const releaseBytes = settings.source
        ? await releaseSize((0,external_node_path_.resolve)(ctx.run.workspace, settings.source))
        : undefined;
    const programs = ['bash', 'rsync', 'tar', ...(settings.driver === 'containers' ? ['docker'] : [])];
    const env = ctx.run.env;
    const remote = settings.hosts.some(h => !h.local);
    const credentials = remote
        ? await host_transport/* SshCredentials */.B2.create(settings.sshKey, settings.knownHosts, settings.strictHostKeyChecking, ctx.run.tempDir)
        : undefined;
    try {
        const hosts = settings.hosts.map(h => ({ host: h.label, checks: [] }));
        let next = 0;
        const worker = async () => {
            for (let i = next++; i < settings.hosts.length; i = next++) {
                const spec = settings.hosts[i];
                const transport = spec.local
                    ? new host_transport/* LocalTransport */.Vu(env)
                    : new host_transport/* SshTransport */.e1(spec, credentials, i, env);
                hosts[i].checks = await checkHost(spec, transport, settings, { programs, releaseBytes }, ctx);
                const problems = hosts[i].checks.filter(c => !c.ok).map(c => c.name);
                ctx.logger.info(`${spec.label}: ${problems.length ? `problems: ${problems.join(', ')}` : 'ready'}`);
            }
        };
        // One group for all hosts: they are checked at once, so per-host groups would interleave.
        await ctx.logger.group('Check hosts (read-only)', () => Promise.all(Array.from({ length: Math.min(PARALLEL, hosts.length) }, worker)));
        if (settings.url)
            hosts.push({ host: settings.url, checks: [await urlCheck(settings.url, ctx)] });
        return { ok: hosts.every(h => h.checks.every(c => c.ok)), hosts };
    }
    finally {
        await credentials?.dispose();
    }
}
async function checkHost(spec, transport, settings, needs, ctx) {
    const checks = [];
    try {
        if (!spec.local) {
            const trouble = await connect(spec, transport, ctx.signal);
            checks.push(...sshChecks(spec, settings, trouble));
            if (trouble)
                return checks;
        }
        const result = await transport.run(PROBE_SCRIPT, [settings.path, String(PROBE_HISTORY_BYTES), ...needs.programs], { timeoutMs: PROBE_TIMEOUT_MS, signal: ctx.signal });
        // The login shell could not start bash: nothing else can be learnt, and nothing deploys.
        if (result.exitCode === 127) {
            checks.push((0,host_checks/* failed */.gz)('programs', `bash not found on the host (${result.stderr.trim().split('\n').pop() ?? ''})`, 'Install bash on the host (Debian/Ubuntu: sudo apt-get install -y bash rsync tar).'));
            return checks;
        }
        if (result.exitCode !== 0) {
            checks.push((0,host_checks/* failed */.gz)('probe', `the read-only check script failed (exit ${result.exitCode}): ${(0,host_transport/* lastLines */.w$)(`${result.stderr}\n${result.stdout}`)}`, "The host's shell failed the command: the login user needs a real shell (not nologin); see the error."));
            return checks;
        }
        checks.push(...(0,host_checks/* hostChecks */.mj)(parseProbe(result.stdout), {
            driver: settings.driver === 'containers' ? 'containers' : 'releases',
            programs: needs.programs,
            releaseBytes: needs.releaseBytes,
            now: ctx.clock.now(),
            machine: (0,release_lock/* currentMachine */.j4)(),
            isAlive: release_lock/* pidAlive */.pl
        }));
    }
    catch (err) {
        checks.push((0,host_checks/* failed */.gz)('probe', (0,errors/* errorMessage */.gJ)(err), 'Check the connection to the host and run doctor again.'));
    }
    finally {
        await transport.close();
    }
    return checks;
}
/** Connects; returns undefined on success, else what went wrong in OpenSSH's words. */
async function connect(spec, transport, signal) {
    try {
        await transport.connect(CONNECT_TIMEOUT_MS, signal);
        return undefined;
    }
    catch (err) {
        if (err instanceof host_transport/* SshConnectError */.zN)
            return err.diagnosis.detail;
        const message = (0,errors/* errorMessage */.gJ)(err);
        return err instanceof host_transport/* HostError */.dh
            ? message.slice(spec.label.length + 2).replace(/^could not connect:\s*/, '')
            : message;
    }
}
/**
 * Three checks from one connect: reachable, host key, authentication. A failure at one stage
 * says nothing about the later ones, so they are left out rather than guessed.
 */
function sshChecks(spec, settings, trouble) {
    const hostKeyOk = settings.strictHostKeyChecking
        ? (0,host_checks/* passed */.bF)('host-key', 'matches known-hosts')
        : (0,host_checks/* passed */.bF)('host-key', 'not verified: ssh-strict-host-key-checking is false');
    if (trouble === undefined) {
        return [
            (0,host_checks/* passed */.bF)('ssh', `reachable on port ${spec.port ?? 22}`),
            hostKeyOk,
            (0,host_checks/* passed */.bF)('ssh-auth', `logged in${spec.user ? ` as ${spec.user}` : ''} with the key`)
        ];
    }
    const { kind, detail } = (0,ssh_diagnosis/* diagnoseSsh */.z)(trouble);
    const fix = (0,ssh_diagnosis/* sshFix */.W)(kind, spec);
    if (kind === 'unreachable')
        return [(0,host_checks/* failed */.gz)('ssh', `cannot connect: ${detail}`, fix)];
    const reachable = (0,host_checks/* passed */.bF)('ssh', `reachable on port ${spec.port ?? 22}`);
    if (kind === 'auth-refused')
        return [reachable, hostKeyOk, (0,host_checks/* failed */.gz)('ssh-auth', `refused: ${detail}`, fix)];
    const what = kind === 'host-key-changed' ? 'changed' : 'unknown';
    return [reachable, (0,host_checks/* failed */.gz)('host-key', `${what}: ${detail}`, fix)];
}
async function urlCheck(url, ctx) {
    const answer = await (0,http_probe/* httpProbe */.HB)({
        url,
        method: 'GET',
        timeoutMs: URL_TIMEOUT_MS,
        signal: ctx.signal
    });
    if (answer.type === 'error') {
        return (0,host_checks/* failed */.gz)('url', `no answer: ${answer.message}`, 'Check that the service runs on the host (systemctl status), that nginx proxies to it, and that the URL is the public one (docs/hosts.md).');
    }
    const detail = `${answer.status} in ${answer.latencyMs} ms${answer.redirects ? ` after ${answer.redirects} redirect(s) to ${answer.url}` : ''}`;
    if (answer.status >= 400) {
        return (0,host_checks/* failed */.gz)('url', detail, answer.status >= 500
            ? "The app or the proxy fails: read the service's log (journalctl -u <unit>) and nginx's error log."
            : 'The URL answers but not with success: check its path and any authentication.');
    }
    return (0,host_checks/* passed */.bF)('url', detail);
}


/***/ }),

/***/ 5239:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ timed)
/* harmony export */ });
/** Runs one phase of a step in its own log group and records how long it took. */
async function timed(ctx, phases, name, fn) {
    const start = ctx.clock.now().getTime();
    try {
        return await ctx.logger.group(name, fn);
    }
    finally {
        phases.push({ name, ms: ctx.clock.now().getTime() - start });
    }
}


/***/ }),

/***/ 2702:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ot: () => (/* binding */ doctorSummary),
/* harmony export */   cT: () => (/* binding */ doctorFailure),
/* harmony export */   mH: () => (/* binding */ doctorTable)
/* harmony export */ });
/** A row per check, the fix beside each problem (doctor, and a deploy's dry run). */
function doctorTable(hosts, caption) {
    return {
        ...(caption ? { caption } : {}),
        header: ['host', 'check', 'ok', 'detail', 'fix'],
        rows: hosts.flatMap(h => h.checks.map(c => [h.host, c.name, c.ok ? 'ok' : 'FAIL', c.detail, c.fix]))
    };
}
/** One table for people: a row per check, the fix beside each problem. */
function doctorSummary(result) {
    const problems = result.hosts.flatMap(h => h.checks.filter(c => !c.ok));
    const verdict = result.ok
        ? `✅ Ready: every check passed on ${plural(result.hosts.length, 'target')}`
        : `❌ ${plural(problems.length, 'problem')} on ${result.hosts
            .filter(h => h.checks.some(c => !c.ok))
            .map(h => h.host)
            .join(', ')}`;
    return {
        title: 'Shiprail doctor',
        verdict,
        facts: [],
        tables: [doctorTable(result.hosts)]
    };
}
/** The line the CLI prints on stderr when something needs fixing. */
function doctorFailure(result) {
    if (result.ok)
        return undefined;
    const problems = result.hosts.flatMap(h => h.checks.filter(c => !c.ok).map(c => `${h.host} ${c.name}`));
    return `doctor found ${plural(problems.length, 'problem')}: ${problems.join(', ')}; each row above says how to fix it.`;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}


/***/ }),

/***/ 2867:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEPLOY: () => (/* binding */ DEPLOY)
});

// EXTERNAL MODULE: ./build/ncc/core/settings/deploy-settings.js + 1 modules
var deploy_settings = __webpack_require__(6775);
// EXTERNAL MODULE: ./build/ncc/core/drivers/create-driver.js + 1 modules
var create_driver = __webpack_require__(778);
// EXTERNAL MODULE: ./build/ncc/core/errors.js
var errors = __webpack_require__(5052);
// EXTERNAL MODULE: ./build/ncc/core/ledger/ledger.js
var ledger = __webpack_require__(6192);
// EXTERNAL MODULE: ./build/ncc/core/ledger/deployment-state.js
var deployment_state = __webpack_require__(4570);
;// CONCATENATED MODULE: ./build/ncc/core/ledger/promotion.js

/** A commit as people quote it: the first 12 hex digits. */
function promotion_short(ref) {
    return ref ? ref.slice(0, 12) : '(no commit recorded)';
}
/**
 * promote-from: the version must have deployed in the source environment, from the same commit,
 * and passed every check run against it there. A version label can be reused for another build,
 * so the label alone proves nothing: the commit SHA (`ref`) must match too. Records are newest
 * first; only the newest record of the version counts, so a later failed redeploy of the same
 * version blocks promotion.
 */
function checkPromotion(records, version, ref, sourceEnvironment) {
    const states = (0,deployment_state/* stateNames */.U0)(records);
    const context = records.length
        ? `${sourceEnvironment} has: ${records
            .slice(0, 3)
            .map((r, i) => (0,deployment_state/* describeRecord */.TV)(r, states[i]))
            .join(', ')}`
        : `${sourceEnvironment} has no deployments`;
    const index = records.findIndex(r => r.payload.version === version);
    if (index < 0) {
        return {
            allowed: false,
            reason: `version ${version} was never deployed to ${sourceEnvironment} (${context}).`
        };
    }
    const latest = records[index];
    if (latest.ref.toLowerCase() !== ref.toLowerCase()) {
        const verified = records.find(r => r.payload.version === version && (0,deployment_state/* deploymentState */.DY)(r).verified);
        const there = verified === latest
            ? `verified commit ${promotion_short(latest.ref)}`
            : `is commit ${promotion_short(latest.ref)} (${(0,deployment_state/* describeRecord */.TV)(latest, states[index])})${verified ? `; it verified commit ${promotion_short(verified.ref)} before that` : ''}`;
        return {
            allowed: false,
            reason: `version ${version} in ${sourceEnvironment} ${there}, not ${promotion_short(ref)}: the same label was built from another commit (${context}).`
        };
    }
    if (!(0,deployment_state/* deploymentState */.DY)(latest).verified) {
        const others = records
            .slice(0, 3)
            .map((r, i) => (i === index ? '' : (0,deployment_state/* describeRecord */.TV)(r, states[i])))
            .filter(Boolean);
        const also = others.length ? ` (${sourceEnvironment} also has: ${others.join(', ')})` : '';
        // Deployed with no verdict yet: say so, or "2 (live)" reads as if being live were the fault.
        const unchecked = (0,deployment_state/* deploymentState */.DY)(latest).deployed && (0,deployment_state/* deploymentState */.DY)(latest).verdicts.length === 0
            ? ', no check has recorded a verdict on it'
            : '';
        return {
            allowed: false,
            reason: `version ${version} is not verified in ${sourceEnvironment}: ${(0,deployment_state/* describeRecord */.TV)(latest, states[index])}${unchecked}${also}.`
        };
    }
    return { allowed: true, from: latest };
}

// EXTERNAL MODULE: ./build/ncc/core/ledger/supersede.js
var supersede = __webpack_require__(5681);
// EXTERNAL MODULE: ./build/ncc/core/ledger/verdict.js
var ledger_verdict = __webpack_require__(3496);
// EXTERNAL MODULE: ./build/ncc/core/notify.js
var notify = __webpack_require__(4370);
// EXTERNAL MODULE: ./build/ncc/core/steps/apply-deployment.js + 1 modules
var apply_deployment = __webpack_require__(648);
// EXTERNAL MODULE: ./build/ncc/core/settings/doctor-settings.js
var doctor_settings = __webpack_require__(5882);
// EXTERNAL MODULE: ./build/ncc/core/steps/doctor.js + 2 modules
var doctor = __webpack_require__(9219);
// EXTERNAL MODULE: ./build/ncc/core/steps/phases.js
var steps_phases = __webpack_require__(5239);
;// CONCATENATED MODULE: ./build/ncc/core/steps/deploy.js











async function checkPromoteFrom(settings, ctx) {
    if (!settings.promoteFrom)
        return;
    const records = [];
    for await (const record of ctx.ledger.history(settings.promoteFrom)) {
        records.push(record);
        if (record.payload.version === settings.version || records.length >= ledger_verdict/* LIVE_SCAN_LIMIT */.TH)
            break;
    }
    const verdict = checkPromotion(records, settings.version, settings.ref, settings.promoteFrom);
    if (!verdict.allowed) {
        throw new errors/* CheckFailedError */.CO(`Refusing to deploy to ${settings.environment}: ${verdict.reason}`);
    }
    ctx.logger.info(`promote-from: ${settings.version} is verified in ${settings.promoteFrom} at commit ${settings.ref} (deployment ${verdict.from.id}).`);
}
/**
 * The deploy step: read what is live, check promotion, record the deployment as in progress,
 * let the driver put the version live, then record success (superseding earlier deployments)
 * or failure. A failed deploy returns outcome `failure`; bad input throws before anything changes.
 */
async function deploy(settings, ctx) {
    const startedAt = ctx.clock.now();
    const driver = await (0,create_driver/* createDriver */.f)(settings.driver, ctx);
    // A dry run changes nothing and connects only through doctor.
    if (!settings.dryRun)
        driver.warm?.(ctx);
    try {
        return await deployWith(driver, settings, startedAt, ctx);
    }
    finally {
        await driver.dispose?.();
    }
}
async function deployWith(driver, settings, startedAt, ctx) {
    const phases = [];
    await driver.preflight(ctx);
    const live = await (0,steps_phases/* timed */.a)(ctx, phases, 'plan', async () => {
        const found = await (0,ledger_verdict/* findLive */.KI)(ctx, settings.environment);
        await checkPromoteFrom(settings, ctx);
        return found;
    });
    const previousVersion = live?.payload.version || null;
    const result = {
        step: 'deploy',
        outcome: 'planned',
        environment: settings.environment,
        version: settings.version,
        previousVersion,
        ref: settings.ref,
        driver: settings.driver.kind,
        ledger: ctx.ledger.kind,
        deploymentId: '',
        environmentUrl: settings.environmentUrl ?? null,
        productionEnvironment: settings.productionEnvironment,
        release: null,
        hosts: [],
        phases,
        startedAt: startedAt.toISOString(),
        durationMs: 0
    };
    const request = {
        operation: 'deploy',
        environment: settings.environment,
        version: settings.version,
        previousVersion: previousVersion ?? undefined,
        ref: settings.ref,
        deploymentId: ''
    };
    if (settings.dryRun) {
        result.plan = [
            `deploy ${settings.version} to ${settings.environment} (live now: ${previousVersion ?? 'nothing'})`,
            ctx.ledger.kind === 'none'
                ? 'record nothing (ledger: none)'
                : `record a deployment in the ${ctx.ledger.kind} ledger, then mark earlier ones inactive`,
            ...driver.plan(request)
        ];
        for (const line of result.plan)
            ctx.logger.info(`[dry-run] ${line}`);
        if (settings.driver.kind === 'releases') {
            const driverSettings = settings.driver;
            const checked = await (0,steps_phases/* timed */.a)(ctx, phases, 'doctor', () => (0,doctor/* doctor */.A)((0,doctor_settings/* doctorSettingsForDeploy */.TP)(driverSettings), ctx));
            result.preflight = checked.hosts;
            const problems = checked.hosts.flatMap(h => h.checks.filter(c => !c.ok).map(c => `${h.host} ${c.name}: ${c.detail}`));
            if (problems.length) {
                result.outcome = 'failure';
                result.failedPhase = 'doctor';
                result.error = `dry run: the hosts are not ready (${problems.join('; ')}); shiprail doctor gives the fix for each`;
            }
        }
        result.durationMs = ctx.clock.now().getTime() - startedAt.getTime();
        return result;
    }
    const applied = await (0,apply_deployment/* applyDeployment */.A)(ctx, driver, phases, {
        record: {
            environment: settings.environment,
            ref: settings.ref,
            description: (0,ledger/* clampDescription */.gs)(`Deploying ${settings.version} with Shiprail`),
            productionEnvironment: settings.productionEnvironment,
            logUrl: ctx.run.runUrl,
            payload: {
                version: settings.version,
                driver: settings.driver.kind,
                previous_version: previousVersion,
                operation: 'deploy',
                run_url: ctx.run.runUrl ?? null,
                previous_deployment_id: live?.id ?? null,
                ...(settings.driver.kind === 'containers' ? { image: settings.driver.image } : {})
            }
        },
        request,
        successDescription: `Deployed ${settings.version}`,
        failureDescription: error => `Deploy of ${settings.version} failed: ${error}`,
        environmentUrl: settings.environmentUrl,
        lockTimeoutSeconds: settings.driver.lockTimeoutSeconds,
        async afterSuccess(id) {
            const marked = await (0,supersede/* supersedeEarlier */.N)(ctx.ledger, settings.environment, id, ctx.logger);
            if (marked)
                ctx.logger.info(`Marked ${marked} earlier deployment(s) of ${settings.environment} inactive.`);
        }
    });
    result.deploymentId = applied.deploymentId;
    result.release = applied.release;
    result.hosts = applied.hosts;
    result.outcome = applied.outcome;
    if (applied.error !== undefined)
        result.error = applied.error;
    if (applied.failedPhase !== undefined)
        result.failedPhase = applied.failedPhase;
    if (applied.lastLines !== undefined)
        result.lastLines = applied.lastLines;
    result.durationMs = ctx.clock.now().getTime() - startedAt.getTime();
    await (0,notify/* notify */.m)(ctx, settings.notifyUrl, deployMessage(result));
    return result;
}
function deployMessage(result) {
    const icon = result.outcome === 'success' ? ':white_check_mark:' : ':x:';
    const verb = result.outcome === 'success' ? 'deployed' : 'failed to deploy';
    const from = result.previousVersion ? ` (was ${result.previousVersion})` : '';
    const why = result.error ? `: ${result.error}` : '';
    return `${icon} Shiprail ${verb} ${result.version} to ${result.environment}${from}${why}`;
}

// EXTERNAL MODULE: ./build/ncc/core/doctor/host-checks.js
var host_checks = __webpack_require__(6599);
// EXTERNAL MODULE: ./build/ncc/core/wording.js
var wording = __webpack_require__(2247);
// EXTERNAL MODULE: ./build/ncc/report/doctor-report.js
var doctor_report = __webpack_require__(2702);
// EXTERNAL MODULE: ./build/ncc/report/summary.js
var summary = __webpack_require__(3946);
;// CONCATENATED MODULE: ./build/ncc/report/deploy-report.js




function deploySummary(result, runUrl) {
    const verdict = result.outcome === 'planned'
        ? `📝 Dry run: would deploy **${result.version}** to **${result.environment}**`
        : result.outcome === 'success'
            ? `✅ Deployed **${result.version}** to **${result.environment}**`
            : `❌ Deploy of **${result.version}** to **${result.environment}** failed: ${result.error ?? 'unknown error'}`;
    const facts = [
        ['Environment', result.environment + (result.productionEnvironment ? ' (production)' : '')],
        ['Version', result.version],
        ['Previous version', result.previousVersion ?? '—'],
        ['Commit', result.ref ? `\`${result.ref}\`` : '—'],
        ['Driver', result.driver],
        ['Ledger', result.ledger + (result.deploymentId ? ` (deployment ${result.deploymentId})` : '')],
        ['Duration', (0,wording/* spokenDuration */.Vz)(result.durationMs)]
    ];
    if (result.outcome === 'failure')
        facts.push(['Live now', liveAfterFailure(result)]);
    if (result.release)
        facts.push(['Release', result.release]);
    if (result.environmentUrl && result.outcome !== 'failure')
        facts.push(['URL', result.environmentUrl]);
    const failed = result.failedPhase;
    const tables = [
        {
            caption: 'Phases',
            header: failed ? ['phase', 'duration', 'result'] : ['phase', 'duration'],
            rows: result.phases.map(p => [
                p.name,
                (0,wording/* spokenDuration */.Vz)(p.ms),
                ...(failed ? [p.name === failed ? '❌ failed here' : '✅'] : [])
            ])
        }
    ];
    if (result.lastLines?.length) {
        tables.push({
            caption: `Last ${result.lastLines.length} line(s) of the script's output (secrets masked)`,
            header: ['output'],
            rows: result.lastLines.map(line => [line === '' ? ' ' : `\`${line.replace(/`/g, "'")}\``]),
            logged: true
        });
    }
    if (result.hosts.length) {
        const phaseNames = [...new Set(result.hosts.flatMap(h => Object.keys(h.phases)))];
        // How the releases driver found unchanged files; a fallback says why it read every file.
        const found = result.hosts.some(h => h.unchangedBy);
        // The containers driver sends no files; what a host runs is its image ID.
        const images = result.hosts.some(h => h.image !== undefined);
        tables.push({
            caption: 'Hosts',
            header: [
                'host',
                'release',
                ...(images ? ['image'] : ['bytes sent', 'files linked']),
                ...(found ? ['unchanged files found by'] : []),
                ...phaseNames
            ],
            rows: result.hosts.map(h => [
                h.host,
                h.release ?? '—',
                ...(images
                    ? [h.image?.slice(0, 19) ?? '—']
                    : [
                        h.bytesSent === undefined ? '—' : (0,host_checks/* formatBytes */.z3)(h.bytesSent),
                        h.filesLinked === undefined ? '—' : String(h.filesLinked)
                    ]),
                ...(found
                    ? [
                        h.unchangedBy === 'checksum'
                            ? `comparing every file (${h.fallback ?? 'no manifest'})`
                            : (h.unchangedBy ?? '—')
                    ]
                    : []),
                ...phaseNames.map(p => (h.phases[p] === undefined ? '—' : (0,wording/* spokenDuration */.Vz)(h.phases[p])))
            ])
        });
    }
    if (result.plan)
        tables.push((0,summary/* planTable */.k0)(result.plan));
    if (result.preflight)
        tables.push((0,doctor_report/* doctorTable */.mH)(result.preflight, 'Hosts (read-only check)'));
    const links = [];
    // After a failure the URL serves whatever was live before, not this version.
    if (result.environmentUrl && result.outcome === 'success')
        links.push(['Open environment', result.environmentUrl]);
    if (runUrl)
        links.push(['Run log', runUrl]);
    return { title: 'Shiprail deploy', verdict, facts, tables, links };
}
/** What the environment runs after a failed deploy, as far as Shiprail knows. */
function liveAfterFailure(result) {
    const before = result.previousVersion ?? 'nothing';
    if (result.failedPhase === 'doctor')
        return `${before} (a dry run changes nothing)`;
    if (/No host was switched/.test(result.error ?? ''))
        return `${before} on every host (no host was switched)`;
    return result.driver === 'command'
        ? `${before} per the ledger (the failed script may have changed part of the system before it stopped)`
        : `${before} per the ledger (the error above says which hosts were switched)`;
}
function deployOutputs(result) {
    return {
        'deployment-id': result.deploymentId,
        version: result.version,
        'previous-version': result.previousVersion ?? '',
        'environment-url': result.environmentUrl ?? '',
        release: result.release ?? '',
        result: JSON.stringify(result)
    };
}
/** One line saying why the step failed, or undefined when it did not. */
function deployFailure(result) {
    return result.outcome === 'failure'
        ? `Deploy of ${result.version} to ${result.environment} failed: ${result.error}`
        : undefined;
}

// EXTERNAL MODULE: ./build/ncc/runtime/steps.js
var steps = __webpack_require__(2031);
;// CONCATENATED MODULE: ./build/ncc/runtime/handlers/deploy.js




/** The deploy step, loaded only when it runs (see loadStepHandler). */
const DEPLOY = (0,steps/* defineStep */.o)({
    parse: (raw, defaults) => (0,deploy_settings/* parseDeploySettings */.c2)(raw, defaults),
    async run(settings, ctx) {
        const result = await deploy(settings, ctx);
        return {
            data: result,
            outputs: deployOutputs(result),
            summary: runUrl => deploySummary(result, runUrl),
            failure: deployFailure(result)
        };
    }
});


/***/ })

};
