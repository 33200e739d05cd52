export const id = 706;
export const ids = [706];
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
        const { createContainersDriver } = await __webpack_require__.e(/* import() */ 584).then(__webpack_require__.bind(__webpack_require__, 2584));
        return createContainersDriver(settings);
    }
    // Loaded on demand: the releases driver pulls in SSH and rsync handling a command deploy never needs.
    const { createReleasesDriver } = await Promise.all(/* import() */[__webpack_require__.e(916), __webpack_require__.e(333)]).then(__webpack_require__.bind(__webpack_require__, 7333));
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

/***/ 6775:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _b: () => (/* binding */ VERSION_FORM),
  Q6: () => (/* binding */ VERSION_PATTERN),
  Zq: () => (/* binding */ isProductionName),
  c2: () => (/* binding */ parseDeploySettings),
  wi: () => (/* binding */ parseDriver),
  OO: () => (/* binding */ parseHostAccess)
});

// UNUSED EXPORTS: parseHosts, parsePathInput, parseRef

// EXTERNAL MODULE: ./build/ncc/core/errors.js
var errors = __webpack_require__(5052);
// EXTERNAL MODULE: ./build/ncc/core/settings/common.js
var settings_common = __webpack_require__(8532);
// EXTERNAL MODULE: ./build/ncc/core/settings/input-reader.js
var input_reader = __webpack_require__(4657);
;// CONCATENATED MODULE: ./build/ncc/core/settings/containers-settings.js



const SERVICE_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,62}$/;
/** Docker's reference grammar, simplified: [registry[:port]/]path[:tag][@sha256:digest]. */
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE_PATTERN = new RegExp(`^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\\d{1,5})?/)?${COMPONENT}(?:/${COMPONENT})*` +
    `(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$`);
const IMAGE_FORM = '`name:tag`, `registry/name:tag` or `name@sha256:<64 hex>`';
const PUBLISH_PATTERN = /^(?:(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:]+\]):)?(?:\d{1,5}:)?\d{1,5}(?:\/(?:tcp|udp))?$/;
/** Flags whose job Shiprail does; a user value would break naming, publishing or cleanup. */
const OWN_LONG_FLAGS = ['--name', '--publish', '--detach', '--rm'];
/** Short flags that take no value: a cluster like `-itd` is read letter by letter. */
const SHORT_BOOLEAN = new Set(['i', 't', 'P', 'q']);
const OWN_SHORT = new Set(['p', 'd']);
/** The reason a docker-args line is refused, or undefined when it is accepted. Pure. */
function dockerArgProblem(arg) {
    if (/[\0\r\n]/.test(arg))
        return 'contains a control character';
    if (!arg.startsWith('-') || arg === '--' || arg === '-')
        return 'is not an option (one `--flag=value` per line)';
    if (arg.startsWith('--')) {
        const flag = arg.split('=')[0];
        if (OWN_LONG_FLAGS.includes(flag))
            return `sets ${flag}, which Shiprail manages`;
        return undefined;
    }
    for (const letter of arg.slice(1)) {
        if (OWN_SHORT.has(letter))
            return `sets -${letter}, which Shiprail manages`;
        if (!SHORT_BOOLEAN.has(letter))
            break;
    }
    return undefined;
}
function parseDockerArgs(text) {
    const args = text
        .split('\n')
        .map(s => s.trim())
        .filter(Boolean);
    for (const arg of args) {
        const problem = dockerArgProblem(arg);
        if (problem) {
            throw new errors/* InputError */.dz('docker-args', `has ${(0,input_reader/* showValue */.vp)(arg)}, which ${problem}`, 'extra `docker run` options, one `--flag=value` per line, without `--name`, `--publish`/`-p`, `--detach`/`-d` or `--rm`');
        }
    }
    return args;
}
function parseStatePath(reader, service) {
    const value = reader.string('path');
    if (value === '')
        return `~/.shiprail/${service}`;
    const ok = (value.startsWith('/') || value.startsWith('~/')) &&
        !/[\0\n\r]/.test(value) &&
        !value.split('/').includes('..');
    if (!ok) {
        throw new errors/* InputError */.dz('path', `is ${(0,input_reader/* showValue */.vp)(value)}`, 'an absolute path or one under `~/`, without `..` (default `~/.shiprail/<service>`)');
    }
    return value.replace(/\/+$/, '') || '/';
}
function parseAbsoluteFile(reader, name, why) {
    const value = reader.string(name);
    if (value === '')
        throw new errors/* InputError */.dz(name, `is required${why}`, 'an absolute file path');
    if (!value.startsWith('/') || /[\0\n\r]/.test(value) || value.split('/').includes('..')) {
        throw new errors/* InputError */.dz(name, `is ${(0,input_reader/* showValue */.vp)(value)}`, 'an absolute file path without `..`');
    }
    return value;
}
function parseContainersDriver(reader, operation) {
    const service = reader.required('service', '`[a-z0-9][a-z0-9_.-]{0,62}`', ' with `driver: containers`');
    if (!SERVICE_PATTERN.test(service))
        throw new errors/* InputError */.dz('service', `is ${(0,input_reader/* showValue */.vp)(service)}`, '`[a-z0-9][a-z0-9_.-]{0,62}`');
    const image = operation === 'deploy' ? reader.required('image', IMAGE_FORM, ' with `driver: containers`') : '';
    if (image && !IMAGE_PATTERN.test(image))
        throw new errors/* InputError */.dz('image', `is ${(0,input_reader/* showValue */.vp)(image)}`, IMAGE_FORM);
    const imageArchive = operation === 'deploy' ? reader.string('image-archive') : '';
    if (imageArchive &&
        (!/\.(tar|tar\.gz|tgz)$/.test(imageArchive) || /[\0\n\r]/.test(imageArchive))) {
        throw new errors/* InputError */.dz('image-archive', `is ${(0,input_reader/* showValue */.vp)(imageArchive)}`, 'a `docker save` tarball (`.tar` or `.tar.gz`) on the runner');
    }
    // Set for a migration, it would be silently skipped: this driver's before-switch is the one.
    if (reader.text('before-switch-once').trim() !== '') {
        throw new errors/* InputError */.dz('before-switch-once', 'is for `driver: releases`; with `driver: containers`, `before-switch` already runs once, on the first host', '`before-switch` for a migration');
    }
    const { hosts, strict, knownHosts } = parseHostAccess(reader);
    const proxy = reader.oneOf('proxy', ['none', 'nginx']);
    const containerPort = reader.has('container-port')
        ? reader.int('container-port', 1, 65535)
        : undefined;
    const publish = reader.string('publish');
    if (publish && !PUBLISH_PATTERN.test(publish)) {
        throw new errors/* InputError */.dz('publish', `is ${(0,input_reader/* showValue */.vp)(publish)}`, 'a `docker run --publish` value such as `80:8080` or `127.0.0.1:3000:3000`');
    }
    if (publish && proxy === 'nginx') {
        throw new errors/* InputError */.dz('publish', 'is set with `proxy: nginx`, which publishes each container on a free 127.0.0.1 port itself', '`container-port` with `proxy: nginx`, or `publish` with `proxy: none`');
    }
    let upstreamFile = '';
    if (proxy === 'nginx') {
        upstreamFile = parseAbsoluteFile(reader, 'upstream-file', ' with `proxy: nginx`');
        if (containerPort === undefined) {
            throw new errors/* InputError */.dz('container-port', 'is required with `proxy: nginx`', 'the port the app listens on inside the container, e.g. `8080`');
        }
    }
    const healthPath = reader.string('health-path');
    if (healthPath && (!/^\/[\x21-\x7e]*$/.test(healthPath) || healthPath.length > 500)) {
        throw new errors/* InputError */.dz('health-path', `is ${(0,input_reader/* showValue */.vp)(healthPath)}`, 'an HTTP path such as `/health`');
    }
    if (healthPath && proxy === 'none' && !publish) {
        throw new errors/* InputError */.dz('health-path', 'needs a port to poll, but `proxy: none` has no `publish`', '`publish` (e.g. `127.0.0.1:3000:3000`), or no health-path');
    }
    return {
        kind: 'containers',
        image,
        imageArchive,
        service,
        hosts,
        path: parseStatePath(reader, service),
        sshKey: reader.text('ssh-key'),
        knownHosts,
        strictHostKeyChecking: strict,
        containerPort,
        healthPath,
        healthTimeoutSeconds: reader.int('health-timeout', 1, 3600),
        dockerArgs: parseDockerArgs(reader.text('docker-args')),
        proxy,
        publish,
        upstreamFile,
        proxyReload: reader.text('proxy-reload'),
        drainSeconds: reader.int('drain-seconds', 0, 3600),
        keepReleases: reader.int('keep-releases', 1, 1000),
        beforeSwitch: reader.text('before-switch'),
        afterSwitch: reader.text('after-switch'),
        parallel: reader.int('parallel', 1, 256),
        lockTimeoutSeconds: reader.int('lock-timeout', 0, 24 * 3600)
    };
}

;// CONCATENATED MODULE: ./build/ncc/core/settings/deploy-settings.js




const VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/;
const VERSION_FORM = '`[A-Za-z0-9][A-Za-z0-9._+-]{0,127}` (e.g. `1.4.2`, `a1b2c3d`, `v2.0.0-rc.1`)';
const HOST_PATTERN = /^(?:(?<user>[A-Za-z_][A-Za-z0-9._-]{0,31})@)?(?<host>[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\[[0-9A-Fa-f:.]+\])(?::(?<port>\d{1,5}))?$/;
function parseHosts(text) {
    const items = text
        .split(/[\n,]/)
        .map(s => s.trim())
        .filter(Boolean);
    if (items.length === 0)
        throw new errors/* InputError */.dz('hosts', 'is empty', '`local` or `[user@]host[:port]`, one per line or comma-separated');
    const hosts = items.map(item => {
        if (item === 'local')
            return { label: item, local: true, host: 'local' };
        const m = HOST_PATTERN.exec(item);
        const port = m?.groups?.port ? Number(m.groups.port) : undefined;
        if (!m?.groups || (port !== undefined && (port < 1 || port > 65535))) {
            throw new errors/* InputError */.dz('hosts', `has ${(0,input_reader/* showValue */.vp)(item)}`, '`local` or `[user@]host[:port]`, one per line or comma-separated');
        }
        return {
            label: item,
            local: false,
            user: m.groups.user,
            host: m.groups.host.replace(/^\[|\]$/g, ''),
            port
        };
    });
    const labels = new Set();
    for (const h of hosts) {
        if (labels.has(h.label))
            throw new errors/* InputError */.dz('hosts', `lists ${(0,input_reader/* showValue */.vp)(h.label)} twice`, 'each host once');
        labels.add(h.label);
    }
    return hosts;
}
function parsePathInput(reader, name) {
    const value = reader.required(name, 'an absolute path, e.g. `/srv/app`', ' with `driver: releases`');
    if (!value.startsWith('/') || /[\0\n\r]/.test(value) || value.split('/').includes('..')) {
        throw new errors/* InputError */.dz(name, `is ${(0,input_reader/* showValue */.vp)(value)}`, 'an absolute path without `..`, e.g. `/srv/app`');
    }
    return value.replace(/\/+$/, '') || '/';
}
function parseDriver(reader, operation) {
    const kind = reader.oneOf('driver', ['command', 'releases', 'containers']);
    if (kind === 'containers')
        return parseContainersDriver(reader, operation);
    if (kind === 'command') {
        const run = reader.text('run');
        const rollbackRun = reader.text('rollback-run');
        if (run.trim() === '' && !(operation === 'rollback' && rollbackRun.trim() !== '')) {
            throw new errors/* InputError */.dz('run', 'is required with `driver: command`', 'a bash script that deploys $SHIPRAIL_VERSION');
        }
        return {
            kind,
            run,
            rollbackRun,
            timeoutSeconds: reader.int('run-timeout', 1, 6 * 3600),
            lockTimeoutSeconds: reader.int('lock-timeout', 0, 24 * 3600)
        };
    }
    const { hosts, strict, knownHosts } = parseHostAccess(reader);
    const source = operation === 'deploy'
        ? reader.required('source', 'a directory or a .tar.gz/.tgz file', ' with `driver: releases`')
        : '';
    if (source && /[\0\n\r]/.test(source)) {
        throw new errors/* InputError */.dz('source', `is ${(0,input_reader/* showValue */.vp)(source)}`, 'a directory or a .tar.gz/.tgz file');
    }
    const shared = parseSharedPaths(reader);
    return {
        kind,
        source,
        hosts,
        path: parsePathInput(reader, 'path'),
        sshKey: reader.text('ssh-key'),
        knownHosts,
        strictHostKeyChecking: strict,
        keepReleases: reader.int('keep-releases', 1, 1000),
        shared,
        sharedPathsInput: reader.text('shared-paths').trim() !== '',
        beforeSwitch: reader.text('before-switch'),
        beforeSwitchOnce: reader.text('before-switch-once'),
        afterSwitch: reader.text('after-switch'),
        parallel: reader.int('parallel', 1, 256),
        lockTimeoutSeconds: reader.int('lock-timeout', 0, 24 * 3600)
    };
}
/**
 * shared-files, shared-dirs, and the deprecated shared-paths (an entry ending in `/` is a
 * directory, any other a file: so a forgotten `.env` fails instead of becoming a directory).
 */
function parseSharedPaths(reader) {
    const listed = (name) => reader
        .text(name)
        .split(/[\n,]/)
        .map(s => s.trim())
        .filter(Boolean)
        .map(text => ({ name, text }));
    const entries = [...listed('shared-files'), ...listed('shared-dirs'), ...listed('shared-paths')];
    const seen = new Map();
    return entries.map(({ name, text }) => {
        // `.` or `a/./.` names the release itself (or a parent): linking it would replace the
        // release with the shared directory, and the host refuses it only after the upload.
        const path = text.replace(/\/+$/, '');
        const parts = text.replace(/\/$/, '').split('/');
        if (text.startsWith('/') ||
            parts.some(s => ['', '.', '..'].includes(s)) ||
            /[\0\n\r]/.test(text)) {
            throw new errors/* InputError */.dz(name, `has ${(0,input_reader/* showValue */.vp)(text)}`, 'paths inside the release such as `.env` or `storage`, without `.`, `..` or empty parts');
        }
        const other = seen.get(path);
        if (other !== undefined) {
            throw new errors/* InputError */.dz(name, `has ${(0,input_reader/* showValue */.vp)(path)}, already in ${other}`, 'each shared path once');
        }
        seen.set(path, name);
        const dir = name === 'shared-dirs' || (name === 'shared-paths' && text.endsWith('/'));
        return { path, kind: dir ? 'dir' : 'file' };
    });
}
function parseRef(reader, defaults, required) {
    const value = reader.has('ref') ? reader.string('ref') : (defaults.sha ?? '');
    if (value === '') {
        if (required)
            throw new errors/* InputError */.dz('ref', 'is required with `ledger: github`', "a full 40-character commit SHA (default: the run's commit)");
        return '';
    }
    if (!/^[0-9a-fA-F]{40}$/.test(value)) {
        throw new errors/* InputError */.dz('ref', `is ${(0,input_reader/* showValue */.vp)(value)}`, 'a full 40-character commit SHA, e.g. `${{ github.sha }}`');
    }
    return value.toLowerCase();
}
function isProductionName(environment) {
    return ['production', 'prod'].includes(environment.toLowerCase());
}
function parseDeploySettings(raw, defaults) {
    const reader = new input_reader/* InputReader */.i_(raw);
    const common = (0,settings_common/* parseCommon */.dw)(reader, defaults, true);
    const version = reader.required('version', VERSION_FORM);
    if (!VERSION_PATTERN.test(version))
        throw new errors/* InputError */.dz('version', `is ${(0,input_reader/* showValue */.vp)(version)}`, VERSION_FORM);
    const production = reader.has('production-environment')
        ? reader.bool('production-environment')
        : isProductionName(common.environment);
    const promoteFrom = (0,settings_common/* parseEnvironment */.Nq)(reader, 'promote-from', false);
    if (promoteFrom !== '' && promoteFrom === common.environment) {
        throw new errors/* InputError */.dz('promote-from', `names the environment being deployed (${(0,input_reader/* showValue */.vp)(promoteFrom)})`, 'the environment the version comes from, e.g. `staging`');
    }
    if (promoteFrom !== '' && common.ledger === 'none') {
        throw new errors/* InputError */.dz('promote-from', 'needs a ledger to check', '`ledger: github` or `ledger: file`');
    }
    // promote-from compares commits, so the commit being deployed must be known.
    const ref = parseRef(reader, defaults, common.ledger === 'github' && !common.dryRun);
    if (promoteFrom !== '' && ref === '') {
        throw new errors/* InputError */.dz('ref', 'is required with `promote-from`', "the full 40-character commit SHA of the build (default: the run's commit)");
    }
    return {
        ...common,
        version,
        ref,
        environmentUrl: reader.url('environment-url'),
        productionEnvironment: production,
        notifyUrl: reader.url('notify-url', true),
        promoteFrom,
        driver: parseDriver(reader, 'deploy')
    };
}
/**
 * The hosts and how their keys are checked, for every driver that works on hosts: remote hosts
 * need `known-hosts` unless verification was turned off explicitly.
 */
function parseHostAccess(reader) {
    const hosts = parseHosts(reader.string('hosts'));
    const strict = reader.bool('ssh-strict-host-key-checking');
    const knownHosts = reader.text('known-hosts');
    if (strict && knownHosts.trim() === '' && hosts.some(h => !h.local)) {
        throw new errors/* InputError */.dz('known-hosts', 'is required for remote hosts', 'known_hosts lines (ssh-keyscan output you have checked), or `ssh-strict-host-key-checking: false` to skip verification');
    }
    return { hosts, strict, knownHosts };
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


/***/ })

};
