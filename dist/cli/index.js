#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 2056:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: EXIT

;// CONCATENATED MODULE: ./build/ncc/core/context.js
/** Remembers secrets and blanks them out of any text before it is shown. */
class Redactor {
    values = new Set();
    listeners = [];
    add(secret) {
        if (!secret)
            return;
        for (const value of [secret, ...secret.split(/\r?\n/)]) {
            const v = value.trim();
            // Very short values would blank out ordinary words; the runner applies the same rule.
            if (v.length < 4 || this.values.has(v))
                continue;
            this.values.add(v);
            for (const listener of this.listeners)
                listener(v);
        }
    }
    onAdd(listener) {
        this.listeners.push(listener);
        for (const v of this.values)
            listener(v);
    }
    redact(text) {
        let out = text;
        // Longest first, so a secret that contains another is blanked whole.
        for (const v of [...this.values].sort((a, b) => b.length - a.length)) {
            out = out.split(v).join('***');
        }
        return out;
    }
}
const systemClock = {
    now: () => new Date(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    })
};

// EXTERNAL MODULE: ./build/ncc/core/errors.js
var errors = __nccwpck_require__(5052);
;// CONCATENATED MODULE: ./build/ncc/runtime/run-environment.js
/** Canonical repository of Shiprail itself: the one place its name is written in code. */
const SHIPRAIL_REPOSITORY = 'shiprail/shiprail';
/**
 * What the edges (action, CLI) learn from the environment they run in: GitHub Actions' variables, or
 * the equivalents of GitLab CI, Jenkins and CircleCI for the CLI.
 * https://docs.github.com/en/actions/reference/variables-reference#default-environment-variables
 */
function readRunEnvironment(env, cwd) {
    const insideActions = env.GITHUB_ACTIONS === 'true';
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    const githubRunUrl = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''}`
        : undefined;
    return {
        defaults: {
            insideActions,
            sha: env.GITHUB_SHA || env.CI_COMMIT_SHA || env.GIT_COMMIT || env.CIRCLE_SHA1 || undefined,
            repository: env.GITHUB_REPOSITORY || undefined,
            manual: insideActions ? env.GITHUB_EVENT_NAME === 'workflow_dispatch' : env.CI !== 'true'
        },
        runUrl: githubRunUrl || env.CI_JOB_URL || env.BUILD_URL || env.CIRCLE_BUILD_URL || undefined,
        actor: env.GITHUB_ACTOR ||
            env.GITLAB_USER_LOGIN ||
            env.BUILD_USER_ID ||
            env.CIRCLE_USERNAME ||
            env.USER ||
            undefined,
        workspace: env.GITHUB_WORKSPACE || cwd,
        apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
        tempDir: env.RUNNER_TEMP || undefined
    };
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __nccwpck_require__(8474);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: ./build/ncc/core/ledger/ledger.js
var ledger = __nccwpck_require__(6192);
;// CONCATENATED MODULE: ./build/ncc/core/ledger/file-environment-lock.js




/**
 * `ledger: file`: one lock file per environment beside the ledger
 * (`<ledger-file>.<environment>.lock`), created exclusively (O_EXCL) and naming its holder.
 * A lock whose process is gone on this machine is stale: removed, its deployment ended with
 * `error`, said in the log. A lock from another machine cannot be checked and is never guessed
 * stale; the refusal names the file to remove.
 */
class FileEnvironmentLock {
    ledgerPath;
    endAbandoned;
    constructor(ledgerPath, 
    /** Ends an abandoned holder's deployment. */
    endAbandoned) {
        this.ledgerPath = ledgerPath;
        this.endAbandoned = endAbandoned;
    }
    pathFor(environment) {
        // Environment names may hold `/`; the lock stays one file beside the ledger.
        return `${this.ledgerPath}.${environment.replace(/\//g, '%2F')}.lock`;
    }
    async tryLock(own, ctx) {
        const path = this.pathFor(own.environment);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
        const mine = {
            environment: own.environment,
            deploymentId: own.id,
            version: own.payload.version,
            runUrl: own.payload.run_url,
            since: ctx.clock.now().toISOString(),
            pid: process.pid,
            host: (0,external_node_os_.hostname)()
        };
        for (let attempt = 0;; attempt++) {
            try {
                const handle = await (0,promises_.open)(path, 'wx');
                try {
                    await handle.writeFile(JSON.stringify(mine, null, 2) + '\n');
                }
                finally {
                    await handle.close();
                }
                return { acquired: true, release: () => this.release(path, own.id) };
            }
            catch (err) {
                if (err.code !== 'EEXIST')
                    throw err;
            }
            const held = await readLock(path);
            // Vanished, or still being written: look again (a few times) before naming anyone.
            if (!held) {
                if (attempt < 5)
                    continue;
                return { acquired: false, holder: unknownHolder(path) };
            }
            if (attempt < 5 && isDeadHere(held)) {
                ctx.logger.warning(`Removing the stale lock of ${own.environment} (${path}): deployment ${held.deploymentId} of ${held.version}, process ${held.pid}@${held.host} is gone.`);
                await (0,promises_.rm)(path, { force: true });
                await this.endAbandoned(held.deploymentId, (0,ledger/* clampDescription */.gs)(`${ledger/* SHIPRAIL_MARK */.d0} abandoned: its process ${held.pid}@${held.host} died`)).catch(() => undefined);
                continue;
            }
            return {
                acquired: false,
                holder: {
                    deploymentId: held.deploymentId,
                    version: held.version,
                    runUrl: held.runUrl,
                    since: held.since,
                    process: `pid ${held.pid}@${held.host}, ${path}`
                }
            };
        }
    }
    async release(path, id) {
        // Only our own lock is removed: a lock taken over as stale belongs to someone else now.
        const held = await readLock(path);
        if (held?.deploymentId === id && held.pid === process.pid)
            await (0,promises_.rm)(path, { force: true });
    }
}
async function readLock(path) {
    try {
        const data = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
        if (typeof data.pid !== 'number' || typeof data.deploymentId !== 'string')
            return undefined;
        return data;
    }
    catch {
        return undefined;
    }
}
function isDeadHere(held) {
    if (held.host !== (0,external_node_os_.hostname)())
        return false;
    try {
        process.kill(held.pid, 0);
        return false;
    }
    catch (err) {
        return err.code === 'ESRCH';
    }
}
function unknownHolder(path) {
    return {
        deploymentId: '?',
        version: '?',
        runUrl: null,
        since: '?',
        process: `unreadable ${path}`
    };
}

;// CONCATENATED MODULE: ./build/ncc/core/ledger/ledger-file-schema.js
/**
 * The schema of the `ledger: file` JSON file, checked in full on every read: a hand-edited or
 * damaged file (`deployments: [null]`, a status of the wrong type, `nextId` missing) must stop
 * the step with the JSON path of the problem, before any rule reads it or any write repeats it.
 * Fields the schema does not name are allowed, so a newer Shiprail's additions do not break an
 * older one.
 */
function kindOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'an object';
    if (typeof value === 'string')
        return `the string ${JSON.stringify(value).slice(0, 40)}`;
    return `${typeof value} ${String(value)}`;
}
const ledger_file_schema_text = (v, path) => typeof v === 'string' ? undefined : [path, `is ${kindOf(v)}, expected a string`];
const optional = (rule) => (v, path) => v === undefined ? undefined : rule(v, path);
const nullable = (rule) => (v, path) => v === null || v === undefined ? undefined : rule(v, path);
const oneOf = (values) => (v, path) => values.includes(v)
    ? undefined
    : [path, `is ${kindOf(v)}, expected one of ${values.map(x => JSON.stringify(x)).join(', ')}`];
const wholeNumber = (v, path) => Number.isSafeInteger(v) && v >= 1
    ? undefined
    : [path, `is ${v === undefined ? 'missing' : kindOf(v)}, expected a whole number from 1`];
function object(fields, what) {
    return (v, path) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v))
            return [path, `is ${kindOf(v)}, expected ${what} (an object)`];
        for (const [name, rule] of Object.entries(fields)) {
            const value = v[name];
            const at = `${path}.${name}`;
            if (value === undefined && !rule(undefined, at))
                continue;
            const problem = rule(value, at);
            if (problem)
                return value === undefined ? [at, 'is missing'] : problem;
        }
        return undefined;
    };
}
function list(item) {
    return (v, path) => {
        if (!Array.isArray(v))
            return [path, `is ${kindOf(v)}, expected a list`];
        for (const [i, value] of v.entries()) {
            const problem = item(value, `${path}[${i}]`);
            if (problem)
                return problem;
        }
        return undefined;
    };
}
const STATES = ['in_progress', 'queued', 'pending', 'success', 'failure', 'error', 'inactive'];
const ledger_file_schema_status = object({
    state: oneOf(STATES),
    description: ledger_file_schema_text,
    environmentUrl: optional(ledger_file_schema_text),
    logUrl: optional(ledger_file_schema_text),
    createdAt: ledger_file_schema_text
}, 'a status');
const deployment = object({
    id: ledger_file_schema_text,
    environment: ledger_file_schema_text,
    ref: ledger_file_schema_text,
    createdAt: ledger_file_schema_text,
    creator: optional(ledger_file_schema_text),
    payload: object({
        version: ledger_file_schema_text,
        driver: ledger_file_schema_text,
        previous_version: nullable(ledger_file_schema_text),
        operation: oneOf(['deploy', 'rollback']),
        run_url: nullable(ledger_file_schema_text),
        previous_deployment_id: nullable(ledger_file_schema_text),
        rollback_of: nullable(ledger_file_schema_text),
        reason: nullable(ledger_file_schema_text),
        release: nullable(ledger_file_schema_text),
        image: nullable(ledger_file_schema_text),
        image_id: nullable(ledger_file_schema_text)
    }, 'a payload'),
    statuses: list(ledger_file_schema_status)
}, 'a deployment');
const ledgerFile = object({ schema: oneOf([1]), nextId: wholeNumber, deployments: list(deployment) }, 'a Shiprail ledger');
/**
 * Problems of a parsed ledger file, as one phrase naming the JSON path (`$.deployments[0] is
 * null, expected a deployment (an object)`), or undefined when it is sound. Besides the shapes:
 * ids are unique, and `nextId` is above every numeric id, so a new record never takes an old id.
 */
function ledgerFileProblem(data) {
    const problem = ledgerFile(data, '$');
    if (problem)
        return `${problem[0]} ${problem[1]}`;
    const { nextId, deployments } = data;
    const seen = new Set();
    for (const [i, d] of deployments.entries()) {
        if (seen.has(d.id))
            return `$.deployments[${i}].id repeats the id ${JSON.stringify(d.id)}`;
        seen.add(d.id);
        if (/^\d+$/.test(d.id) && Number(d.id) >= nextId)
            return `$.nextId is ${nextId}, expected more than the id ${d.id} of $.deployments[${i}]`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./build/ncc/core/ledger/file-ledger.js







/** What the file system says when a path cannot be written (or its directory made). */
const UNWRITABLE_CODES = ['EACCES', 'EPERM', 'EROFS', 'ENOTDIR'];
/**
 * A path this job cannot write is said as such, naming the ledger file and the input, not as
 * an unexpected error about its lock file.
 */
function cannotWrite(path, err) {
    if (!UNWRITABLE_CODES.includes(err.code ?? ''))
        return err;
    return new errors/* UserError */.yo(`Cannot write the ledger file ${path} (${(0,errors/* errorMessage */.gJ)(err)}): set ledger-file to a path in a directory this job can write.`);
}
/** How long a writer may hold the lock before another process treats it as abandoned. */
const STALE_LOCK_MS = 30_000;
/** How long a writer waits for the lock before giving up. */
const LOCK_WAIT_MS = 15_000;
/**
 * `ledger: file`: the deploy history as one JSON file. Every change is a read-modify-write under
 * an exclusive lock file, written to a temporary file and renamed into place, so a reader never
 * sees half a file and two processes never lose each other's records.
 */
class FileLedger {
    path;
    clock;
    commitTime;
    wallTime;
    kind = 'file';
    commitSource = 'the local git repository (git show -s --format=%cI)';
    locking;
    constructor(path, clock, 
    /** Reads a commit's time where the deployments' commits live (the local repository). */
    commitTime, 
    /**
     * Wall time for the lock's wait limit and staleness, which compare with file times; a test
     * passes its own to reach the limits without waiting them out.
     */
    wallTime = Date.now) {
        this.path = path;
        this.clock = clock;
        this.commitTime = commitTime;
        this.wallTime = wallTime;
        this.locking = new FileEnvironmentLock(path, (id, description) => this.addStatus(id, { state: 'error', description }));
    }
    async *history(environment) {
        const data = await this.read();
        const records = data.deployments.filter(d => d.environment === environment);
        for (let i = records.length - 1; i >= 0; i--)
            yield records[i];
    }
    async create(deployment) {
        return this.update(data => {
            const now = this.clock.now().toISOString();
            const record = {
                id: String(data.nextId++),
                environment: deployment.environment,
                ref: deployment.ref,
                createdAt: now,
                payload: deployment.payload,
                statuses: [
                    {
                        state: 'in_progress',
                        description: deployment.description,
                        logUrl: deployment.logUrl,
                        createdAt: now
                    }
                ]
            };
            data.deployments.push(record);
            return record;
        });
    }
    async addStatus(id, status) {
        await this.update(data => {
            const record = data.deployments.find(d => d.id === id);
            if (!record)
                throw new errors/* UserError */.yo(`Deployment ${id} is not in the ledger file ${this.path}.`);
            // Keep statuses strictly ordered even when two land in the same millisecond.
            const last = record.statuses[record.statuses.length - 1]?.createdAt ?? '';
            let createdAt = this.clock.now().toISOString();
            if (createdAt <= last)
                createdAt = new Date(Date.parse(last) + 1).toISOString();
            record.statuses.push({ ...status, createdAt });
        });
    }
    async read() {
        let text;
        try {
            text = await (0,promises_.readFile)(this.path, 'utf8');
        }
        catch (err) {
            const code = err.code;
            if (code === 'ENOENT')
                return { schema: 1, nextId: 1, deployments: [] };
            // Only a missing file is an empty history: reading any other failure as one would let a
            // rollback pick from nothing and a deploy overwrite every record.
            throw new errors/* UserError */.yo(`The ledger file ${this.path} cannot be read (${code ?? (0,errors/* errorMessage */.gJ)(err)}); fix or move it, or set ledger-file to a path this job can read and write.`);
        }
        let data;
        try {
            data = JSON.parse(text);
        }
        catch {
            throw new errors/* UserError */.yo(`The ledger file ${this.path} is not valid JSON; fix or move it.`);
        }
        const problem = ledgerFileProblem(data);
        if (problem) {
            throw new errors/* UserError */.yo(`The ledger file ${this.path} is not a Shiprail ledger: ${problem}; fix or move it.`);
        }
        return data;
    }
    async update(change) {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(this.path), { recursive: true }).catch(err => {
            throw cannotWrite(this.path, err);
        });
        const release = await this.lock();
        try {
            const data = await this.read();
            const result = change(data);
            const tmp = `${this.path}.${process.pid}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`;
            await (0,promises_.writeFile)(tmp, JSON.stringify(data, null, 2) + '\n');
            await (0,promises_.rename)(tmp, this.path);
            return result;
        }
        finally {
            await release();
        }
    }
    async lock() {
        const lockPath = `${this.path}.lock`;
        const deadline = this.wallTime() + LOCK_WAIT_MS;
        for (;;) {
            try {
                const handle = await (0,promises_.open)(lockPath, 'wx');
                await handle.writeFile(JSON.stringify({ pid: process.pid, host: (0,external_node_os_.hostname)(), since: new Date().toISOString() }));
                await handle.close();
                return () => (0,promises_.rm)(lockPath, { force: true });
            }
            catch (err) {
                if (err.code !== 'EEXIST')
                    throw cannotWrite(this.path, err);
            }
            if (await this.isStale(lockPath)) {
                await (0,promises_.rm)(lockPath, { force: true });
                continue;
            }
            if (this.wallTime() > deadline) {
                throw new errors/* UserError */.yo(`The ledger file ${this.path} stayed locked for ${LOCK_WAIT_MS / 1000} s (${lockPath}).`);
            }
            await this.clock.sleep(10 + Math.random() * 40);
        }
    }
    async isStale(lockPath) {
        try {
            const info = await (0,promises_.stat)(lockPath);
            if (this.wallTime() - info.mtimeMs > STALE_LOCK_MS)
                return true;
            const holder = JSON.parse(await (0,promises_.readFile)(lockPath, 'utf8'));
            if (holder.host === (0,external_node_os_.hostname)() && typeof holder.pid === 'number') {
                try {
                    process.kill(holder.pid, 0);
                }
                catch (err) {
                    return err.code === 'ESRCH';
                }
            }
            return false;
        }
        catch {
            // Vanished or half-written: let the next attempt decide.
            return false;
        }
    }
}

;// CONCATENATED MODULE: ./build/ncc/core/ledger/none-ledger.js
/** `ledger: none`: nothing is recorded and there is no history to read. */
class NoneLedger {
    kind = 'none';
    async *history() { }
    async create(deployment) {
        return {
            id: '',
            environment: deployment.environment,
            ref: deployment.ref,
            createdAt: new Date().toISOString(),
            payload: deployment.payload,
            statuses: []
        };
    }
    async addStatus() { }
}

// EXTERNAL MODULE: ./build/ncc/core/process-runner.js + 1 modules
var process_runner = __nccwpck_require__(787);
;// CONCATENATED MODULE: ./build/ncc/runtime/git-commit-time.js

/** A commit is asked for by its SHA only, so nothing else can reach git's command line. */
const SHA = /^[0-9a-f]{7,64}$/i;
/**
 * Commit times from the local git repository around the workspace, for the file ledger's lead
 * time. git gets no environment but PATH: it needs none of the run's variables (or secrets).
 */
function gitCommitTime(workspace) {
    const cache = new Map();
    const read = async (ref) => {
        if (!SHA.test(ref))
            return undefined;
        const result = await (0,process_runner/* runProcess */.R)('git', {
            args: ['-C', workspace, 'show', '-s', '--format=%cI', ref],
            env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' },
            timeoutMs: 10_000,
            capture: true
        }).catch(() => undefined);
        const text = result?.exitCode === 0 ? result.stdout.trim() : '';
        const date = text ? new Date(text) : undefined;
        return date && !Number.isNaN(date.getTime()) ? date : undefined;
    };
    return ref => {
        let time = cache.get(ref);
        if (!time) {
            time = read(ref);
            cache.set(ref, time);
        }
        return time;
    };
}

;// CONCATENATED MODULE: ./build/ncc/runtime/ledger-factory.js




/** Builds the ledger the settings ask for. A dry run reads history but must not write it. */
async function createLedger(settings, deps) {
    let ledger;
    if (settings.ledger === 'github' && settings.token) {
        // Loaded on demand so file-ledger and CLI runs do not pay for Octokit's start-up.
        const { createGitHubClient } = await Promise.all(/* import() */[__nccwpck_require__.e(239), __nccwpck_require__.e(834)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7834));
        const { GitHubLedger } = await __nccwpck_require__.e(/* import() */ 40).then(__nccwpck_require__.bind(__nccwpck_require__, 8040));
        ledger = new GitHubLedger(createGitHubClient(settings.token, deps.apiUrl, deps.logger), settings.repository);
    }
    else if (settings.ledger === 'file') {
        ledger = new FileLedger((0,external_node_path_.resolve)(deps.workspace, settings.ledgerFile), deps.clock, gitCommitTime(deps.workspace));
    }
    else {
        ledger = new NoneLedger();
    }
    return settings.dryRun ? readOnly(ledger) : ledger;
}
function readOnly(ledger) {
    const refuse = async () => {
        throw new Error('dry-run: the ledger is read-only');
    };
    return {
        kind: ledger.kind,
        history: env => ledger.history(env),
        commitTime: ledger.commitTime?.bind(ledger),
        commitSource: ledger.commitSource,
        create: refuse,
        addStatus: refuse
    };
}

// EXTERNAL MODULE: ./build/ncc/core/inputs.js
var inputs = __nccwpck_require__(9646);
;// CONCATENATED MODULE: ./build/ncc/runtime/script-environment.js

/**
 * The one place the environment of every program Shiprail starts for the user is built: the
 * `run` and `rollback-run` scripts, local before-switch/after-switch hooks, `log-command`, and
 * the ssh and rsync processes behind them.
 *
 * The rule: a child never receives a secret Shiprail was given, under any name. The runner hands
 * an action its inputs as INPUT_<NAME> variables (the token, the SSH key, the webhook URL among
 * them), and a CLI user hands them as SHIPRAIL_<NAME> or GITHUB_TOKEN; a deploy script runs npm
 * packages and kubectl plugins that could read all of it. So every INPUT_* variable, every
 * SHIPRAIL_<secret input> variable, and every variable whose value is a secret input's value is
 * dropped. Everything else the user set (their `env:`, cloud credentials, the OIDC request
 * variables) still reaches the script: that is how a script is meant to get its own credentials.
 */
function scriptEnvironment(env, secretValues) {
    const secrets = new Set(secretValues.map(normalise).filter(v => v !== ''));
    const secretNames = new Set(inputs/* INPUTS */.mc.filter(i => i.secret).map(i => (0,inputs/* envNameFor */.ir)(i.name)));
    const out = {};
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined)
            continue;
        if (/^INPUT_/i.test(name) || secretNames.has(name))
            continue;
        if (secrets.has(normalise(value)))
            continue;
        out[name] = value;
    }
    return out;
}
/** A pasted key may differ from its copy in a variable by line ends and surrounding blanks. */
function normalise(value) {
    return value.replace(/\r\n/g, '\n').trim();
}
/** The values of the secret inputs among raw inputs (token, ssh-key, notify-url). */
function secretInputValues(raw) {
    return inputs/* INPUTS */.mc.filter(i => i.secret)
        .map(i => raw[i.name] ?? '')
        .filter(v => v.trim() !== '');
}
/** What both adapters hand the engine about the run; `env` is the stripped script environment. */
function runInfo(run, env, raw) {
    return {
        runUrl: run.runUrl,
        actor: run.actor,
        workspace: run.workspace,
        env: scriptEnvironment(env, secretInputValues(raw)),
        tempDir: run.tempDir,
        manual: run.defaults.manual
    };
}

;// CONCATENATED MODULE: ./build/ncc/runtime/step-context.js




/** Listeners the cancellation signal may have at once (hosts x commands, and margin). */
const STEP_LISTENERS = 1000;
/** The one place a step's Context is built, so the action and the CLI run the same engine. */
async function createStepContext(parts) {
    const clock = parts.clock ?? systemClock;
    // Every process a step runs listens to the cancellation (one per host and command at once):
    // a deploy to 8 hosts passes Node's default of 10 and would print a leak warning.
    (0,external_node_events_.setMaxListeners)(STEP_LISTENERS, parts.signal);
    const ledger = await createLedger(parts.settings, {
        apiUrl: parts.run.apiUrl,
        workspace: parts.run.workspace,
        logger: parts.logger,
        clock
    });
    const ctx = {
        logger: parts.logger,
        clock,
        ledger,
        secrets: parts.secrets,
        signal: parts.signal,
        run: runInfo(parts.run, parts.env, parts.raw)
    };
    if (parts.onDeploymentStarted)
        ctx.onDeploymentStarted = parts.onDeploymentStarted;
    if (parts.onDeploymentFinished)
        ctx.onDeploymentFinished = parts.onDeploymentFinished;
    return ctx;
}

// EXTERNAL MODULE: ./build/ncc/report/summary.js
var summary = __nccwpck_require__(3946);
// EXTERNAL MODULE: ./build/ncc/core/checks/yaml-fields.js
var yaml_fields = __nccwpck_require__(8762);
// EXTERNAL MODULE: ./build/ncc/core/settings/doctor-settings.js
var doctor_settings = __nccwpck_require__(5882);
// EXTERNAL MODULE: ./build/ncc/runtime/steps.js
var steps = __nccwpck_require__(2031);
;// CONCATENATED MODULE: ./build/ncc/cli/commands.js



/** Commands only the CLI has (no action.yml): they check, they do not deploy. */
const CLI_ONLY_COMMANDS = ['doctor'];
const COMMANDS = [...inputs/* STEPS */.UT, ...CLI_ONLY_COMMANDS];
/** The flags a command takes. */
function flagsFor(command) {
    return command === 'doctor' ? (0,doctor_settings/* doctorInputs */.t$)() : (0,inputs/* inputsFor */.pz)(command);
}
/** The command's handler, loaded when it runs (see loadStepHandler). */
function handlerFor(command) {
    return command === 'doctor'
        ? Promise.all(/* import() */[__nccwpck_require__.e(902), __nccwpck_require__.e(846), __nccwpck_require__.e(769)]).then(__nccwpck_require__.bind(__nccwpck_require__, 769)).then(m => m.DOCTOR_HANDLER)
        : (0,steps/* loadStepHandler */.T)(command);
}

;// CONCATENATED MODULE: ./build/ncc/cli/args.js




/** A flag or step name that can be shown in an error; anything else could be a pasted secret. */
function shown(word) {
    return /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/.test(word) ? word : undefined;
}
const BOOL_WORDS = ['true', 'True', 'TRUE', 'false', 'False', 'FALSE'];
/**
 * `shiprail <step> --<input> value ...`: every action input is a flag of the same name
 * (`--name=value` works too). A flag that takes a value takes the next argument whatever it
 * starts with: a PEM or OpenSSH key starts with `-----`. A `true`/`false` flag alone means
 * `true`. Values not given as flags are read from SHIPRAIL_<INPUT> variables; `token` also from
 * GITHUB_TOKEN. `onSecret` gets every secret value as soon as it is read, and no usage error
 * repeats an argument that is not a plain flag or step name, so no key reaches the terminal.
 */
function parseArgs(argv, env, onSecret = () => { }) {
    for (const input of inputs/* INPUTS */.mc)
        if (input.secret)
            onSecret(env[(0,inputs/* envNameFor */.ir)(input.name)] ?? '');
    onSecret(env.GITHUB_TOKEN ?? '');
    const args = { inputs: {}, json: false, help: false, version: false };
    const rest = [...argv];
    if (rest[0] && !rest[0].startsWith('-')) {
        const step = rest.shift();
        if (!COMMANDS.includes(step)) {
            const name = shown(step);
            throw new errors/* UserError */.yo(`Unknown step${name ? ` ${JSON.stringify(name)}` : ' (not shown: it is not a step name)'}${didYouMean(step, COMMANDS, '')}; expected one of ${COMMANDS.join(', ')}. Try: shiprail --help`);
        }
        args.step = step;
    }
    const known = new Map(args.step ? flagsFor(args.step).map(i => [i.name, i]) : []);
    while (rest.length) {
        const arg = rest.shift();
        if (arg === '--json')
            args.json = true;
        else if (arg === '--help' || arg === '-h')
            args.help = true;
        // `version` is also the deploy input; it means the program's version only without a step.
        else if (arg === '--version' && !args.step)
            args.version = true;
        else if (arg.startsWith('--')) {
            const eq = arg.indexOf('=');
            const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
            const flag = shown(name) ? `--${name}` : 'an argument starting with `--` (not shown)';
            if (!args.step)
                throw new errors/* UserError */.yo(`Give the step before ${flag}, e.g. shiprail deploy ...`);
            const def = known.get(name);
            if (!def) {
                throw new errors/* UserError */.yo(`Unknown flag ${flag} for ${args.step}${didYouMean(name, [...known.keys(), 'json', 'help'], '--')}; see: shiprail ${args.step} --help`);
            }
            let value;
            if (eq >= 0)
                value = arg.slice(eq + 1);
            else if (!def.boolean) {
                if (!rest.length)
                    throw new errors/* UserError */.yo(`Flag --${name} needs a value.`);
                value = rest.shift();
            }
            else if (rest.length && BOOL_WORDS.includes(rest[0]))
                value = rest.shift();
            else
                value = 'true';
            if (def.secret)
                onSecret(value);
            if (args.inputs[name] !== undefined)
                throw new errors/* UserError */.yo(`Flag --${name} is given twice.`);
            args.inputs[name] = value;
        }
        else {
            // A stray value may be a secret that lost its flag (`--ssh-key` misspelt): never echo it.
            throw new errors/* UserError */.yo(`Unexpected argument (not shown; it is not a flag): flags look like --version 1.2.3, and a value follows its flag.`);
        }
    }
    if (args.step) {
        for (const input of flagsFor(args.step)) {
            if (args.inputs[input.name] !== undefined)
                continue;
            const fromEnv = env[(0,inputs/* envNameFor */.ir)(input.name)] ?? (input.name === 'token' ? env.GITHUB_TOKEN : undefined);
            if (fromEnv === undefined)
                continue;
            if (input.secret)
                onSecret(fromEnv);
            args.inputs[input.name] = fromEnv;
        }
    }
    return args;
}
/** ` (did you mean --environment?)` for a near miss; the words offered are ours, never the user's. */
function didYouMean(word, words, prefix) {
    const guess = (0,yaml_fields/* suggestField */.nm)(word, words);
    return guess ? ` (did you mean ${prefix}${guess}?)` : '';
}
function helpText(step) {
    if (!step) {
        return [
            'Usage: shiprail <step> --<input> value ... [--json]',
            '',
            `Steps: ${inputs/* STEPS */.UT.join(', ')}`,
            'Checks: doctor (read-only: are the hosts and the URL ready for a deploy?)',
            'Every action input is a flag of the same name; `shiprail <step> --help` lists them.',
            'Inputs can also come from SHIPRAIL_<INPUT> variables (e.g. SHIPRAIL_SSH_KEY), token from GITHUB_TOKEN.',
            '',
            'Exit status: 0 passed, 1 the step failed, 2 bad input or usage.'
        ].join('\n');
    }
    const lines = [`Usage: shiprail ${step} [flags] [--json]`, ''];
    for (const input of flagsFor(step)) {
        const def = input.default !== undefined ? ` (default: ${input.default})` : '';
        const req = input.requiredFor?.includes(step)
            ? ' (required)'
            : '';
        lines.push(`  --${input.name}${req}${def}`, `      ${input.description}`);
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./build/ncc/cli/terminal-logger.js
/** A phase this quick printed "took 0.0 s": noise, so its time is left out. */
const QUIET_MS = 50;
/** Progress to stderr, so stdout carries only the summary (or the JSON result). */
function terminalLogger(secrets, write, verbose, paint = (_code, text) => text) {
    let depth = 0;
    const line = (prefix, m) => write(`${'  '.repeat(depth)}${prefix}${secrets.redact(m)}\n`);
    return {
        info: m => line('', m),
        warning: m => line(paint('yellow', 'warning: '), m),
        error: m => line(paint('red', 'error: '), m),
        debug: m => {
            if (verbose)
                line(paint('dim', 'debug: '), m);
        },
        async group(title, fn) {
            const start = Date.now();
            line(paint('bold', '▸ '), paint('bold', title));
            depth++;
            try {
                return await fn();
            }
            finally {
                depth--;
                const ms = Date.now() - start;
                if (ms >= QUIET_MS)
                    line('  ', paint('dim', `${title} took ${(ms / 1000).toFixed(1)} s`));
            }
        }
    };
}

;// CONCATENATED MODULE: ./build/ncc/cli/terminal-style.js
/**
 * Colour for people at a terminal, never for a file, a pipe or a CI log that cannot show it:
 * on only when the stream is a TTY, NO_COLOR is unset or empty (https://no-color.org) and TERM
 * is not `dumb`.
 */
function wantsColour(isTTY, env) {
    return isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}
const SGR = { bold: '1', dim: '2', red: '31', green: '32', yellow: '33' };
function painter(colour) {
    return (code, text) => (colour ? `\u001b[${SGR[code]}m${text}\u001b[0m` : text);
}
/** The summary's title in bold, its verdict green, red or plain by outcome. */
function summaryStyle(paint) {
    return {
        title: text => paint('bold', text),
        verdict: (text, tone) => tone === 'good' ? paint('green', text) : tone === 'bad' ? paint('red', text) : text
    };
}

;// CONCATENATED MODULE: ./build/ncc/cli/cli.js









const EXIT = { passed: 0, failed: 1, usage: 2 };
/** The CLI: same engine and same results as the action; returns the exit status. */
async function runCli(io) {
    const secrets = new Redactor();
    // Known before the arguments are parsed, so even a parse error answers in JSON.
    const json = io.argv.includes('--json');
    const stepWord = COMMANDS.includes(io.argv[0]) ? io.argv[0] : null;
    const paintOut = painter(wantsColour(io.stdoutIsTTY, io.env));
    const paintErr = painter(wantsColour(io.stderrIsTTY, io.env));
    const fail = (code, outcome, message) => {
        io.stderr(`${paintErr('red', 'error:')} ${message}\n`);
        if (json) {
            const body = { step: stepWord, outcome, exitCode: code, error: message };
            io.stdout(JSON.stringify(body, null, 2) + '\n');
        }
        return code;
    };
    const controller = new AbortController();
    const onSignal = () => controller.abort(new Error('cancelled'));
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
        const args = parseArgs(io.argv, io.env, value => secrets.add(value));
        if (args.version) {
            io.stdout(`shiprail ${io.version}\n`);
            return EXIT.passed;
        }
        if (args.help) {
            io.stdout(helpText(args.step) + '\n');
            return EXIT.passed;
        }
        if (!args.step) {
            if (json)
                return fail(EXIT.usage, 'bad-input', 'Give a step, e.g. shiprail deploy ...');
            io.stdout(helpText() + '\n');
            return EXIT.usage;
        }
        const logger = terminalLogger(secrets, io.stderr, io.env.RUNNER_DEBUG === '1' || io.env.SHIPRAIL_DEBUG === '1', paintErr);
        const run = readRunEnvironment(io.env, io.cwd);
        const handler = await handlerFor(args.step);
        const settings = handler.parse(args.inputs, run.defaults, run.workspace);
        const ctx = await createStepContext({
            settings,
            run,
            env: io.env,
            logger,
            secrets,
            signal: controller.signal,
            clock: io.clock,
            raw: args.inputs
        });
        const result = await handler.run(settings, ctx);
        if (args.json)
            io.stdout(secrets.redact(JSON.stringify(result.data, null, 2)) + '\n');
        else
            io.stdout(secrets.redact((0,summary/* toText */.fE)(result.summary(run.runUrl), summaryStyle(paintOut))));
        if (result.failure) {
            io.stderr(`${paintErr('red', 'error:')} ${secrets.redact(result.failure)}\n`);
            return EXIT.failed;
        }
        return EXIT.passed;
    }
    catch (err) {
        const message = secrets.redact((0,errors/* errorMessage */.gJ)(err));
        if (err instanceof errors/* UserError */.yo)
            return fail(EXIT.usage, 'bad-input', message);
        if (err instanceof errors/* CheckFailedError */.CO)
            return fail(EXIT.failed, 'failure', message);
        const code = fail(EXIT.failed, 'error', `Shiprail failed unexpectedly: ${message}`);
        if (io.env.SHIPRAIL_DEBUG === '1')
            io.stderr(secrets.redact(err?.stack ?? '') + '\n');
        return code;
    }
    finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
}


/***/ }),

/***/ 8762:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Hf: () => (/* binding */ parseJsonPath),
/* harmony export */   MF: () => (/* binding */ describeType),
/* harmony export */   WU: () => (/* binding */ show),
/* harmony export */   Yn: () => (/* binding */ stringList),
/* harmony export */   jh: () => (/* binding */ isMap),
/* harmony export */   jn: () => (/* binding */ isScalar),
/* harmony export */   l1: () => (/* binding */ BOOL_WORDS),
/* harmony export */   nm: () => (/* binding */ suggestField),
/* harmony export */   rG: () => (/* binding */ parseRegex),
/* harmony export */   vm: () => (/* binding */ CheckLabel),
/* harmony export */   ws: () => (/* binding */ scalarText)
/* harmony export */ });
/* unused harmony export editDistance */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5052);

/**
 * Reading hand-written YAML fields: type checks that name what was found instead, values shown
 * short in errors, regular expressions and JSON paths as users write them, and a label that
 * names one list item in every message.
 */
/** `/pattern/flags` or a bare pattern. Throws with the engine's own words for a bad one. */
function parseRegex(text) {
    const literal = /^\/(.+)\/([a-z]*)$/s.exec(text);
    const [source, flags] = literal ? [literal[1], literal[2]] : [text, ''];
    // g and y make test() stateful (lastIndex), which would make a check pass every other time.
    if (!/^[imsu]*$/.test(flags) || new Set(flags).size !== flags.length) {
        throw new SyntaxError(`flags "${flags}" are not allowed`);
    }
    try {
        return new RegExp(source, flags);
    }
    catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        throw new SyntaxError(message.replace(/^Invalid regular expression: /, ''), { cause: err });
    }
}
/** Splits `items.0.id`, `items[0].id` or `$.items[0].id` into keys and indexes. */
function parseJsonPath(path) {
    const normal = path
        .replace(/^\$\.?/, '')
        .replace(/\[(\d+)\]/g, '.$1')
        .replace(/^\./, '');
    const segments = normal.split('.');
    if (normal === '' || segments.some(s => s === ''))
        throw new SyntaxError('has an empty segment');
    return segments;
}
function show(value) {
    const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
/** A YAML mapping (not a list, not null). */
function isMap(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isScalar(value) {
    return ['string', 'number', 'boolean'].includes(typeof value);
}
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let prev = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const keep = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = keep;
        }
    }
    return row[b.length];
}
/** The field of `fields` closest to a misspelt one (`expect_status`, `expct-status`). */
function suggestField(field, fields) {
    const normal = field.toLowerCase().replace(/[_ ]/g, '-');
    let best;
    for (const f of fields) {
        const d = normal === f ? 0 : editDistance(normal, f);
        if (d <= 3 && (!best || d < best[1]))
            best = [f, d];
    }
    return best?.[0];
}
/** Names one check in messages: `check 2 ("health")` or `check 2 of smoke.yml`. */
class CheckLabel {
    index;
    name;
    source;
    constructor(index, name, source) {
        this.index = index;
        this.name = name;
        this.source = source;
    }
    toString() {
        const name = this.name ? ` (${show(this.name)})` : '';
        return `check ${this.index + 1}${name}${this.source ? ` of ${this.source}` : ''}`;
    }
    error(field, problem, accepted) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('checks', `has ${problem} in \`${field}\` of ${this}`, accepted);
    }
}
function scalarText(label, field, value, accepted) {
    if (!isScalar(value))
        throw label.error(field, `a ${describeType(value)}`, accepted);
    return String(value);
}
/** How a YAML value that has the wrong type is named in an error. */
function describeType(value) {
    if (value === null || value === undefined)
        return 'missing value';
    if (Array.isArray(value))
        return 'list';
    if (typeof value === 'object')
        return 'map';
    return typeof value;
}
function stringList(label, field, value, accepted) {
    const items = Array.isArray(value) ? value : [value];
    if (items.length === 0)
        throw label.error(field, 'an empty list', accepted);
    return items.map(v => {
        const text = scalarText(label, field, v, accepted);
        if (text === '')
            throw label.error(field, 'an empty string', accepted);
        return text;
    });
}
const BOOL_WORDS = {
    true: true,
    True: true,
    TRUE: true,
    false: false,
    False: false,
    FALSE: false
};


/***/ }),

/***/ 5052:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CO: () => (/* binding */ CheckFailedError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
/**
 * Error classes exist only where severity is routed:
 * - UserError: bad input or configuration. One line, no stack trace, nothing was changed.
 * - CheckFailedError: the step ran and its verdict is "failed" (a check, a deploy script, a lock).
 * Anything else is unexpected and reported with its message (stack only in debug).
 */
class UserError extends Error {
    name = 'UserError';
}
class CheckFailedError extends Error {
    lastLines;
    name = 'CheckFailedError';
    constructor(message, 
    /** The last lines a failed script printed (secrets already masked), for the summary. */
    lastLines = []) {
        super(message);
        this.lastLines = lastLines;
    }
}
/** An input value that does not have the accepted form. */
class InputError extends UserError {
    input;
    constructor(input, problem, accepted) {
        super(`Input '${input}' ${problem}; expected ${accepted}.`);
        this.input = input;
    }
}
function errorMessage(err) {
    if (err instanceof Error)
        return err.message;
    return String(err);
}


/***/ }),

/***/ 9646:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   UT: () => (/* binding */ STEPS),
/* harmony export */   ir: () => (/* binding */ envNameFor),
/* harmony export */   mc: () => (/* binding */ INPUTS),
/* harmony export */   pz: () => (/* binding */ inputsFor),
/* harmony export */   uF: () => (/* binding */ inputDef)
/* harmony export */ });
/* unused harmony exports DEPLOYING, PROBING, STEP_INPUT, STATE */
/**
 * Every input of every step, defined once. The action.yml files, the CLI flags, the defaults
 * applied when a value is empty, and the README tables all come from this table
 * (`npm run generate` writes the action.yml files; a test checks they are fresh).
 */
const STEPS = ['deploy', 'smoke-test', 'status-check', 'rollback', 'history'];
const ALL = STEPS;
const DEPLOYING = ['deploy', 'rollback'];
const PROBING = ['smoke-test', 'status-check'];
const INPUT_LIST = [
    // Common: every step has these.
    {
        name: 'environment',
        description: 'GitHub environment name, e.g. `staging` or `production`.',
        requiredFor: ['deploy', 'rollback', 'status-check', 'history'],
        steps: ALL
    },
    {
        name: 'token',
        description: 'Token for the Deployments API (needs `deployments: write`).',
        actionDefault: '${{ github.token }}',
        steps: ALL,
        secret: true
    },
    {
        name: 'ledger',
        description: 'Where deploy history lives: `github` (Deployments API), `file` (JSON file at `ledger-file`) or `none`. Default: `github` inside Actions, `file` elsewhere.',
        steps: ALL
    },
    {
        name: 'ledger-file',
        description: 'Path of the JSON ledger when `ledger: file`.',
        default: '.shiprail/ledger.json',
        steps: ALL
    },
    {
        name: 'dry-run',
        description: 'Print the plan; write nothing to hosts or to the ledger.',
        default: 'false',
        steps: ALL,
        boolean: true
    },
    // deploy: what goes live, how (driver), and where the record goes.
    {
        name: 'version',
        description: 'Label of what is deployed (semver, SHA, image tag): `[A-Za-z0-9][A-Za-z0-9._+-]{0,127}`.',
        requiredFor: ['deploy'],
        steps: ['deploy']
    },
    {
        name: 'ref',
        description: "Commit recorded with the deployment, as a full 40-hex SHA. Default: the run's commit.",
        actionDefault: '${{ github.sha }}',
        steps: DEPLOYING
    },
    {
        name: 'driver',
        description: 'How the version is put live: `command` (your script), `releases` (release directories over SSH) or `containers` (Docker containers behind a health-gated switch).',
        default: 'command',
        steps: DEPLOYING
    },
    {
        name: 'environment-url',
        description: 'URL shown on the Environments page and given back as an output.',
        steps: DEPLOYING
    },
    {
        name: 'production-environment',
        description: 'Whether this is a production environment. Default: true when `environment` is `production` or `prod`.',
        steps: DEPLOYING,
        boolean: true
    },
    {
        name: 'notify-url',
        description: 'Webhook (secret) that gets a Slack-compatible JSON message after the step, success or failure.',
        steps: DEPLOYING,
        secret: true
    },
    {
        name: 'promote-from',
        description: 'Environment where this exact version, from the same commit (`ref`), must already have deployed and passed its checks; otherwise the deploy refuses.',
        steps: ['deploy']
    },
    {
        name: 'run',
        description: "command driver: bash script (`bash -eo pipefail`) that deploys `$SHIPRAIL_VERSION`. Gets `SHIPRAIL_ENVIRONMENT`, `SHIPRAIL_VERSION`, `SHIPRAIL_PREVIOUS_VERSION`, `SHIPRAIL_REF`, `SHIPRAIL_DEPLOYMENT_ID`, `SHIPRAIL_OPERATION`, and the job's environment without Shiprail's secrets (no `INPUT_*`, no token, key or webhook URL).",
        steps: DEPLOYING
    },
    {
        name: 'rollback-run',
        description: 'command driver: script used by rollback. Default: `run` with the target version.',
        steps: DEPLOYING
    },
    {
        name: 'run-timeout',
        description: 'command driver: seconds the script may run before it is stopped and the step fails.',
        default: '1800',
        steps: DEPLOYING
    },
    {
        name: 'source',
        description: 'releases driver: a directory or a `.tar.gz`/`.tgz` on the runner.',
        steps: ['deploy']
    },
    {
        name: 'hosts',
        description: 'releases driver: newline- or comma-separated `[user@]host[:port]`; `local` is this machine, no SSH.',
        default: 'local',
        steps: DEPLOYING
    },
    {
        name: 'path',
        description: 'releases driver: deploy root on every host. containers driver: state directory (lock, history) on every host; default `~/.shiprail/<service>`.',
        steps: DEPLOYING
    },
    {
        name: 'ssh-key',
        description: 'releases driver: private SSH key (secret).',
        steps: DEPLOYING,
        secret: true
    },
    {
        name: 'known-hosts',
        description: 'releases driver: known_hosts lines for the hosts. Required for remote hosts unless `ssh-strict-host-key-checking: false`.',
        steps: DEPLOYING
    },
    {
        name: 'ssh-strict-host-key-checking',
        description: 'releases driver: verify host keys. Turning it off is logged as a warning.',
        default: 'true',
        steps: DEPLOYING,
        boolean: true
    },
    {
        name: 'keep-releases',
        description: 'releases driver: releases kept per host; the live one and the rollback target are never pruned.',
        default: '5',
        steps: ['deploy']
    },
    // Files and directories apart (Capistrano's linked_files / linked_dirs): a missing shared file
    // must fail the deploy, never become an empty directory the app then trips over.
    {
        name: 'shared-files',
        description: 'releases driver: files linked from `<path>/shared/` into every release (`.env`, `config/master.key`). One missing on a host (and not in the build, which would seed it) fails the deploy before the switch.',
        steps: ['deploy']
    },
    {
        name: 'shared-dirs',
        description: 'releases driver: directories linked from `<path>/shared/` into every release (`storage`, `public/uploads`); created (seeded from the build, or empty) when missing.',
        steps: ['deploy']
    },
    {
        name: 'shared-paths',
        description: 'releases driver, deprecated: use `shared-files` and `shared-dirs`. An entry ending in `/` is a directory, any other a file.',
        steps: ['deploy']
    },
    {
        name: 'before-switch',
        description: 'releases driver: command run on each host inside the new release before the switch. containers driver: run once, on the first host, in a one-off container of the new image (migrations).',
        steps: ['deploy']
    },
    {
        name: 'before-switch-once',
        description: 'releases driver: command run once, on the first host of `hosts`, inside its new release, after its `before-switch` and before the other hosts run theirs (migrations). A failure switches no host.',
        steps: ['deploy']
    },
    {
        name: 'after-switch',
        description: 'releases driver: command run on each host after the switch (reload a service).',
        steps: DEPLOYING
    },
    {
        name: 'parallel',
        description: 'releases driver: hosts worked on at once.',
        default: '10',
        steps: DEPLOYING
    },
    {
        name: 'lock-timeout',
        description: "Seconds to wait for another deploy of the environment (its ledger lock, and the releases driver's host locks); 0 fails at once, naming the holder.",
        default: '0',
        steps: DEPLOYING
    },
    // containers driver; hosts, path, ssh-*, parallel, lock-timeout, keep-releases and
    // the switch hooks are shared with the releases driver above.
    {
        name: 'image',
        description: 'containers driver: image to run (`name:tag`, `registry/name:tag` or `…@sha256:…`); pulled on each host unless present.',
        steps: ['deploy']
    },
    {
        name: 'image-archive',
        description: 'containers driver: a `docker save` tarball (`.tar`, `.tar.gz`) on the runner, uploaded and `docker load`ed on each host instead of a pull.',
        steps: ['deploy']
    },
    {
        name: 'service',
        description: 'containers driver: service name on the hosts, `[a-z0-9][a-z0-9_.-]{0,62}`; containers are named `<service>-<release>`.',
        steps: DEPLOYING
    },
    {
        name: 'container-port',
        description: 'containers driver: port the app listens on inside the container; with `proxy: nginx` it is published on a free 127.0.0.1 port of each host.',
        steps: DEPLOYING
    },
    {
        name: 'health-path',
        description: "containers driver: HTTP path polled on each new container until it answers 2xx. Without it the image's `HEALTHCHECK` is awaited, else the container must still run after 5 s.",
        steps: DEPLOYING
    },
    {
        name: 'health-timeout',
        description: 'containers driver: seconds for every new container to become healthy, else the deploy fails and the new containers are removed.',
        default: '60',
        steps: DEPLOYING
    },
    {
        name: 'docker-args',
        description: 'containers driver: extra `docker run` arguments, one per line (`--env-file=/etc/app.env`); `--name`, `--publish`/`-p`, `--detach`/`-d` and `--rm` are refused.',
        steps: DEPLOYING
    },
    {
        name: 'proxy',
        description: 'containers driver: `nginx` (switch an upstream file, then drain the old container) or `none` (stop the old container, start the new one).',
        default: 'none',
        steps: DEPLOYING
    },
    {
        name: 'publish',
        description: "containers driver: with `proxy: none`, the live container's `docker run --publish` value (`80:8080`, `127.0.0.1:3000:3000`).",
        steps: DEPLOYING
    },
    {
        name: 'upstream-file',
        description: 'containers driver: required with `proxy: nginx`; the file an nginx `upstream { include …; }` block includes, replaced atomically.',
        steps: DEPLOYING
    },
    {
        name: 'proxy-reload',
        description: 'containers driver: command run on each host after its upstream file changes.',
        default: 'nginx -s reload',
        steps: DEPLOYING
    },
    {
        name: 'drain-seconds',
        description: 'containers driver: seconds the old container keeps running after the switch before it is stopped (kept for rollback).',
        default: '10',
        steps: DEPLOYING
    },
    // smoke-test and status-check: the checks both run, and each one's run control.
    {
        name: 'url',
        description: 'Base URL; checks with a `path` are joined to it. Alone, it is one check that expects 2xx.',
        steps: PROBING
    },
    {
        name: 'checks',
        description: 'List of checks (format: docs/checks.md): inline YAML, or a path to a `.yml`, `.yaml` or `.json` file.',
        steps: PROBING
    },
    {
        name: 'timeout',
        description: 'smoke-test: overall deadline in seconds.',
        default: '120',
        steps: ['smoke-test']
    },
    {
        name: 'request-timeout',
        description: 'Seconds one request may take.',
        default: '10',
        steps: PROBING
    },
    {
        name: 'retry-interval',
        description: 'smoke-test: first wait between attempts in seconds, then exponential with jitter.',
        default: '1',
        steps: ['smoke-test']
    },
    {
        name: 'consecutive-successes',
        description: 'smoke-test: passes in a row a check needs.',
        default: '1',
        steps: ['smoke-test']
    },
    {
        name: 'concurrency',
        description: 'Checks run at once.',
        default: '8',
        steps: PROBING
    },
    {
        name: 'interval',
        description: 'status-check: seconds between rounds of probes and queries.',
        default: '10',
        steps: ['status-check']
    },
    {
        name: 'duration',
        description: 'status-check: length of the watch window in seconds.',
        default: '60',
        steps: ['status-check']
    },
    // One blip is not an outage: the defaults let a single failed probe of the default window's 7
    // per check through, and fail on two in a row or on two of 7 (docs: "What the defaults tolerate").
    {
        name: 'min-success-rate',
        description: "status-check: lowest share of each check's probes that must pass, 0 to 1. The default lets 1 failed probe of 7 through (the default 60 s window, every 10 s).",
        default: '0.85',
        steps: ['status-check']
    },
    {
        name: 'max-consecutive-failures',
        description: 'status-check: failed probes in a row a check may have; one more is an outage, not a blip, and ends the window unhealthy.',
        default: '1',
        steps: ['status-check']
    },
    {
        name: 'max-p95-latency-ms',
        description: 'status-check: highest allowed 95th-percentile probe latency.',
        steps: ['status-check']
    },
    {
        name: 'prometheus-url',
        description: 'status-check: base URL of a Prometheus server.',
        steps: ['status-check']
    },
    {
        name: 'prometheus-queries',
        description: 'status-check: YAML list of `name`, `query`, `max` and/or `min`.',
        steps: ['status-check']
    },
    {
        name: 'record-verdict',
        description: '`auto`: record the verdict on the live deployment only when this same workflow run created it (a check run by hand only reports); `true`: always; `false`: never.',
        default: 'auto',
        steps: PROBING
    },
    {
        name: 'on-no-data',
        description: 'status-check: what a query with no data means: `fail` or `pass`.',
        default: 'fail',
        steps: ['status-check']
    },
    {
        name: 'log-command',
        description: 'status-check: command whose output is scanned for errors at the end of the window.',
        steps: ['status-check']
    },
    {
        name: 'log-error-pattern',
        description: 'status-check: regular expression a log line matches when it is an error.',
        default: '\\b(ERROR|FATAL|panic)\\b',
        steps: ['status-check']
    },
    {
        name: 'max-log-errors',
        description: 'status-check: error lines allowed.',
        default: '0',
        steps: ['status-check']
    },
    // rollback: the target (default: newest known-good before the live one) and why.
    {
        name: 'to-version',
        description: 'rollback: version to return to. Default: the newest known-good version before the live one (a verified one first, else one with no check recorded).',
        steps: ['rollback']
    },
    {
        name: 'reason',
        description: 'rollback: why; recorded in the ledger. Required for a manual rollback of production (one of a deployment this run did not create).',
        steps: ['rollback']
    },
    {
        name: 'force',
        description: 'rollback: allow a `to-version` that never deployed successfully here.',
        default: 'false',
        steps: ['rollback'],
        boolean: true
    },
    // history: an environment's deployments and delivery metrics.
    {
        name: 'metrics',
        description: 'history: also compute deployment frequency, lead time, change failure rate and time to restore.',
        default: 'false',
        steps: ['history'],
        boolean: true
    },
    {
        name: 'since',
        description: 'history: only deployments created in this window: `30d`, `12h`, `2w`, or a date like `2026-11-01`. Default: all.',
        steps: ['history']
    }
];
const INPUTS = INPUT_LIST;
/** Variable a CLI input can also come from, so secrets need not be on the command line. */
function envNameFor(input) {
    return `SHIPRAIL_${input.toUpperCase().replace(/-/g, '_')}`;
}
/** The root action's extra input choosing the step. */
const STEP_INPUT = 'step';
function inputsFor(step) {
    return INPUTS.filter(i => i.steps.includes(step));
}
function inputDef(name) {
    return INPUTS.find(i => i.name === name);
}
const STATE = {
    isPost: 'isPost',
    deploymentId: 'deploymentId',
    finished: 'finished'
};


/***/ }),

/***/ 6192:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Rd: () => (/* binding */ recordedImageId),
/* harmony export */   d0: () => (/* binding */ SHIPRAIL_MARK),
/* harmony export */   gs: () => (/* binding */ clampDescription),
/* harmony export */   k0: () => (/* binding */ environmentUrlOf),
/* harmony export */   kW: () => (/* binding */ shiprailInactive)
/* harmony export */ });
/**
 * The ledger is where deploy history lives: GitHub's Deployments API, a JSON file, or nowhere.
 * Both real ledgers use GitHub's vocabulary (deployment + statuses) so one set of pure rules
 * (see deployment-state.ts) reads either.
 */
/** The image ID recorded for one host, if any. */
function recordedImageId(recorded, host) {
    return recorded?.image_ids?.[host] ?? recorded?.image_id ?? undefined;
}
/** The environment URL the deployment's newest status gave, if any. */
function environmentUrlOf(record) {
    // Newest last; no findLast: the kill test compiles the engine for an ES2022 library.
    for (let i = record.statuses.length - 1; i >= 0; i--)
        if (record.statuses[i].environmentUrl)
            return record.statuses[i].environmentUrl;
    return undefined;
}
/** Status descriptions are limited to 140 characters by GitHub. */
function clampDescription(text) {
    const oneLine = text.replace(/\s+/g, ' ').trim();
    return oneLine.length <= 140 ? oneLine : `${oneLine.slice(0, 139)}…`;
}
/**
 * Shiprail's own inactive statuses start with this. GitHub posts inactive statuses too (its
 * auto_inactive, and the deployments Actions creates for jobs that declare `environment:`);
 * only Shiprail's count as "superseded" when a ledger reads history.
 */
const SHIPRAIL_MARK = 'Shiprail:';
function shiprailInactive(reason) {
    return { state: 'inactive', description: clampDescription(`${SHIPRAIL_MARK} ${reason}`) };
}


/***/ }),

/***/ 787:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  K: () => (/* binding */ describeExit),
  R: () => (/* binding */ runProcess)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");
;// CONCATENATED MODULE: ./build/ncc/core/process-runner.js


const CAPTURE_LIMIT = 1024 * 1024;
/**
 * Runs a program and waits for it, with an explicit timeout. The child gets its own process
 * group so a timeout or a cancelled job stops the whole tree (a deploy script's children too).
 */
function runProcess(command, options) {
    const started = Date.now();
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(command, options.args, {
            cwd: options.cwd,
            env: options.env,
            stdio: ['pipe', 'pipe', 'pipe'],
            detached: true
        });
        let timedOut = false;
        let aborted = false;
        let killTimer;
        const captured = { stdout: '', stderr: '' };
        const pending = { stdout: '', stderr: '' };
        const stop = () => {
            if (child.pid === undefined || child.exitCode !== null)
                return;
            killGroup(child.pid, 'SIGTERM');
            killTimer = setTimeout(() => child.pid !== undefined && killGroup(child.pid, 'SIGKILL'), 5000);
            killTimer.unref();
        };
        const timer = setTimeout(() => {
            timedOut = true;
            stop();
        }, options.timeoutMs);
        const onAbort = () => {
            aborted = true;
            stop();
        };
        options.signal?.addEventListener('abort', onAbort, { once: true });
        if (options.signal?.aborted)
            onAbort();
        const limit = options.captureLimit ?? CAPTURE_LIMIT;
        // A character split between two reads is decoded whole, with the second one.
        const decoders = { stdout: new external_node_string_decoder_namespaceObject.StringDecoder('utf8'), stderr: new external_node_string_decoder_namespaceObject.StringDecoder('utf8') };
        const feed = (stream) => (chunk) => handle(stream, decoders[stream].write(chunk));
        const handle = (stream, text) => {
            if (text === '')
                return;
            if (options.capture && captured[stream].length < limit) {
                captured[stream] += text.slice(0, limit - captured[stream].length);
            }
            if (stream === 'stdout')
                options.onStdout?.(text);
            if (!options.onLine)
                return;
            const lines = (pending[stream] + text).split('\n');
            pending[stream] = lines.pop() ?? '';
            for (const line of lines)
                options.onLine(line.replace(/\r$/, ''), stream);
        };
        child.stdout.on('data', feed('stdout'));
        child.stderr.on('data', feed('stderr'));
        child.stdin.on('error', () => {
            // The program may exit without reading its input; that is its business.
        });
        child.stdin.end(options.input ?? '');
        child.on('error', err => {
            clearTimeout(timer);
            options.signal?.removeEventListener('abort', onAbort);
            reject(err);
        });
        child.on('close', (exitCode, signal) => {
            clearTimeout(timer);
            if (killTimer)
                clearTimeout(killTimer);
            options.signal?.removeEventListener('abort', onAbort);
            for (const stream of ['stdout', 'stderr']) {
                handle(stream, decoders[stream].end());
                if (pending[stream] && options.onLine)
                    options.onLine(pending[stream], stream);
            }
            resolve({
                exitCode,
                signal,
                timedOut,
                aborted,
                stdout: captured.stdout,
                stderr: captured.stderr,
                durationMs: Date.now() - started
            });
        });
    });
}
function killGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
    }
    catch {
        // Already gone.
    }
}
/** "exited with status 3", "was stopped after 30 s (timeout)", ... */
function describeExit(result, timeoutMs) {
    if (result.timedOut)
        return `was stopped after ${Math.round(timeoutMs / 1000)} s (timeout)`;
    if (result.aborted)
        return 'was stopped because the job was cancelled';
    if (result.signal)
        return `was killed by ${result.signal}`;
    return `exited with status ${result.exitCode}`;
}


/***/ }),

/***/ 8532:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Nq: () => (/* binding */ parseEnvironment),
/* harmony export */   dw: () => (/* binding */ parseCommon)
/* harmony export */ });
/* unused harmony export ENVIRONMENT_PATTERN */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5052);
/* harmony import */ var _input_reader_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4657);


/**
 * GitHub allows most characters in environment names; we accept the ones people use so a name
 * can never carry shell syntax, a newline or a path trick into a log or a file name.
 */
const ENVIRONMENT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,254}$/;
const ENVIRONMENT_FORM = 'letters, digits, `.`, `_`, `-` and `/`, starting with a letter or digit, with no `.`, `..` or empty part between slashes and no trailing `/` (e.g. `staging` or `eu/prod`)';
/**
 * Scripts get the name as $SHIPRAIL_ENVIRONMENT and put it in paths and namespaces, so a name
 * must not walk out of them: `a/../../etc`, `a//b`, `a/./b` and `a/` are refused.
 */
function isSafeEnvironmentName(value) {
    return (ENVIRONMENT_PATTERN.test(value) &&
        value.split('/').every(part => part !== '' && part !== '.' && part !== '..'));
}
function parseEnvironment(reader, name, required) {
    const value = reader.string(name);
    if (value === '') {
        if (required)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, 'is required', `an environment name: ${ENVIRONMENT_FORM}`);
        return '';
    }
    if (!isSafeEnvironmentName(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `is ${(0,_input_reader_js__WEBPACK_IMPORTED_MODULE_1__/* .showValue */ .vp)(value)}`, `an environment name: ${ENVIRONMENT_FORM}`);
    }
    return value;
}
function parseCommon(reader, defaults, environmentRequired) {
    const environment = parseEnvironment(reader, 'environment', environmentRequired);
    const ledger = reader.has('ledger')
        ? reader.oneOf('ledger', ['github', 'file', 'none'])
        : defaults.insideActions
            ? 'github'
            : 'file';
    const token = reader.string('token');
    const repository = defaults.repository ?? '';
    if (ledger === 'github' && !reader.bool('dry-run')) {
        if (token === '') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('token', 'is required with `ledger: github`', 'a token with `deployments: write` (default `${{ github.token }}`)');
        }
        if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('ledger', 'is `github` but the repository is unknown', '`file` or `none` outside GitHub Actions, or GITHUB_REPOSITORY=owner/name');
        }
    }
    const ledgerFile = reader.string('ledger-file');
    if (/[\0\n\r]/.test(ledgerFile)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('ledger-file', `is ${(0,_input_reader_js__WEBPACK_IMPORTED_MODULE_1__/* .showValue */ .vp)(ledgerFile)}`, 'a file path');
    }
    return { environment, token, ledger, ledgerFile, dryRun: reader.bool('dry-run'), repository };
}


/***/ }),

/***/ 6775:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  _b: () => (/* binding */ VERSION_FORM),
  Q6: () => (/* binding */ VERSION_PATTERN),
  Zq: () => (/* binding */ isProductionName),
  c2: () => (/* binding */ parseDeploySettings),
  wi: () => (/* binding */ parseDriver),
  OO: () => (/* binding */ parseHostAccess),
  tB: () => (/* binding */ parseHosts),
  vH: () => (/* binding */ parsePathInput)
});

// UNUSED EXPORTS: parseRef

// EXTERNAL MODULE: ./build/ncc/core/errors.js
var errors = __nccwpck_require__(5052);
// EXTERNAL MODULE: ./build/ncc/core/settings/common.js
var settings_common = __nccwpck_require__(8532);
// EXTERNAL MODULE: ./build/ncc/core/settings/input-reader.js
var input_reader = __nccwpck_require__(4657);
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

/***/ 5882:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I2: () => (/* binding */ parseDoctorSettings),
/* harmony export */   TP: () => (/* binding */ doctorSettingsForDeploy),
/* harmony export */   t$: () => (/* binding */ doctorInputs)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5052);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9646);
/* harmony import */ var _deploy_settings_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6775);
/* harmony import */ var _input_reader_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4657);




/**
 * The deploy inputs `shiprail doctor` takes, by name. `service` and `image` belong to the
 * containers driver: they are flags of doctor only while the input table defines them.
 */
const DOCTOR_INPUT_NAMES = [
    'driver',
    'hosts',
    'path',
    'ssh-key',
    'known-hosts',
    'ssh-strict-host-key-checking',
    'source',
    'service',
    'image',
    'url'
];
/** Where doctor's meaning differs from the step's: its default driver, what `url` is for. */
const DOCTOR_OVERRIDES = {
    driver: { default: 'releases' },
    url: { description: 'URL that must answer a GET with a status below 400 (redirects followed).' }
};
/** Doctor's flags, described by the deploy input table (one description for one input). */
function doctorInputs() {
    return DOCTOR_INPUT_NAMES.map(name => (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .inputDef */ .uF)(name))
        .filter((d) => !!d)
        .map(d => ({ ...d, ...DOCTOR_OVERRIDES[d.name] }));
}
const SERVICE_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,62}$/;
function parseDoctorSettings(raw) {
    const reader = new _input_reader_js__WEBPACK_IMPORTED_MODULE_3__/* .InputReader */ .i_(raw);
    const drivers = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .inputDef */ .uF)('service')
        ? ['releases', 'containers', 'command']
        : ['releases', 'command'];
    // Doctor is about hosts: without a driver it checks the releases driver's.
    const driver = reader.has('driver') ? reader.oneOf('driver', drivers) : 'releases';
    const url = reader.url('url');
    const common = {
        environment: '',
        token: '',
        ledger: 'none',
        ledgerFile: '',
        dryRun: true,
        repository: ''
    };
    const base = {
        ...common,
        driver,
        hosts: [],
        path: '',
        sshKey: reader.text('ssh-key'),
        knownHosts: reader.text('known-hosts'),
        strictHostKeyChecking: reader.bool('ssh-strict-host-key-checking'),
        source: '',
        url
    };
    if (driver === 'command') {
        if (!url) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('url', 'is required with `driver: command` (it has no hosts to check)', 'an http:// or https:// URL, or `driver: releases` with hosts and path');
        }
        return base;
    }
    let path;
    if (driver === 'containers' && !reader.has('path')) {
        const service = reader.required('service', '`[a-z0-9][a-z0-9_.-]{0,62}`', ' with `driver: containers`');
        if (!SERVICE_PATTERN.test(service))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('service', `is ${(0,_input_reader_js__WEBPACK_IMPORTED_MODULE_3__/* .showValue */ .vp)(service)}`, '`[a-z0-9][a-z0-9_.-]{0,62}`');
        path = `~/.shiprail/${service}`;
    }
    else {
        path = (0,_deploy_settings_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePathInput */ .vH)(reader, 'path');
    }
    const source = driver === 'releases' ? reader.string('source') : '';
    if (/[\0\n\r]/.test(source)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('source', `is ${(0,_input_reader_js__WEBPACK_IMPORTED_MODULE_3__/* .showValue */ .vp)(source)}`, 'a directory or a .tar.gz/.tgz file');
    }
    return { ...base, hosts: (0,_deploy_settings_js__WEBPACK_IMPORTED_MODULE_2__/* .parseHosts */ .tB)(reader.string('hosts')), path, source };
}
/** What a deploy's dry run checks on its hosts: the same as doctor with the deploy's inputs. */
function doctorSettingsForDeploy(driver) {
    return {
        environment: '',
        token: '',
        ledger: 'none',
        ledgerFile: '',
        dryRun: true,
        repository: '',
        driver: 'releases',
        hosts: driver.hosts,
        path: driver.path,
        sshKey: driver.sshKey,
        knownHosts: driver.knownHosts,
        strictHostKeyChecking: driver.strictHostKeyChecking,
        source: driver.source
    };
}


/***/ }),

/***/ 4657:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   i_: () => (/* binding */ InputReader),
/* harmony export */   vp: () => (/* binding */ showValue)
/* harmony export */ });
/* unused harmony export refuseControlCharacters */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5052);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9646);


/** Shows a bad value in an error without letting it break the line or run on. */
function showValue(value) {
    const shown = JSON.stringify(value);
    return shown.length > 60 ? `${shown.slice(0, 57)}..."` : shown;
}
/** C0 controls other than tab and line breaks, DEL, and the C1 controls (ESC's 8-bit twins). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/**
 * Every input, before any is used: a control character in a `reason` or a version would reach
 * the terminal (ESC rewrites what a reader sees), the ledger, the summary and the webhook. The
 * value is never echoed: the input may be a secret.
 */
function refuseControlCharacters(raw) {
    for (const [name, value] of Object.entries(raw)) {
        const at = value?.search(CONTROL) ?? -1;
        if (at < 0)
            continue;
        const code = value.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `has the control character U+${code} at character ${at + 1}`, 'text without control characters (tabs and line breaks are fine)');
    }
}
/**
 * Reads raw input values (from INPUT_* or CLI flags) with the defaults of the input table.
 * Every method throws InputError naming the input, the problem and the accepted form.
 */
class InputReader {
    raw;
    constructor(raw) {
        this.raw = raw;
        refuseControlCharacters(raw);
    }
    /** The trimmed value, or the input's default, or ''. */
    string(name) {
        const given = (this.raw[name] ?? '').trim();
        if (given !== '')
            return given;
        return (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .inputDef */ .uF)(name)?.default ?? '';
    }
    /** The value exactly as given (multi-line scripts keep their indentation). */
    text(name) {
        const given = this.raw[name] ?? '';
        return given.trim() === '' ? ((0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .inputDef */ .uF)(name)?.default ?? '') : given;
    }
    has(name) {
        return (this.raw[name] ?? '').trim() !== '';
    }
    required(name, accepted, why = '') {
        const value = this.string(name);
        if (value === '')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `is required${why}`, accepted);
        return value;
    }
    /** YAML 1.2 core schema booleans, as @actions/core getBooleanInput accepts. */
    bool(name) {
        const value = this.string(name);
        if (['true', 'True', 'TRUE'].includes(value))
            return true;
        if (['false', 'False', 'FALSE'].includes(value))
            return false;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `is ${showValue(value)}`, '`true` or `false`');
    }
    optionalBool(name) {
        return this.has(name) || (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .inputDef */ .uF)(name)?.default ? this.bool(name) : undefined;
    }
    int(name, min, max) {
        const value = this.string(name);
        if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `is ${showValue(value)}`, `a whole number from ${min} to ${max}`);
        }
        return Number(value);
    }
    optionalNumber(name, min, max) {
        return this.string(name) === '' ? undefined : this.number(name, min, max);
    }
    number(name, min, max) {
        const value = this.string(name);
        const n = Number(value);
        if (value === '' || !/^[0-9.eE+-]+$/.test(value) || !Number.isFinite(n) || n < min || n > max) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `is ${showValue(value)}`, `a number from ${min} to ${max}`);
        }
        return n;
    }
    oneOf(name, values) {
        const value = this.string(name);
        if (!values.includes(value)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `is ${showValue(value)}`, `one of ${values.map(v => `\`${v}\``).join(', ')}`);
        }
        return value;
    }
    matching(name, pattern, accepted) {
        const value = this.string(name);
        if (!pattern.test(value))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `is ${showValue(value)}`, accepted);
        return value;
    }
    /** An http(s) URL. Secret URLs are never echoed back in the error. */
    url(name, secret = false) {
        const value = this.string(name);
        if (value === '')
            return undefined;
        let parsed;
        try {
            parsed = new URL(value);
        }
        catch {
            parsed = undefined;
        }
        if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || /\s/.test(value)) {
            const shown = secret
                ? 'not a valid URL (value hidden: it is a secret)'
                : `is ${showValue(value)}`;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, secret ? `is ${shown}` : shown, 'an http:// or https:// URL');
        }
        return value;
    }
}


/***/ }),

/***/ 6454:
/***/ ((__webpack_module__, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _cli_cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2056);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(987);
/* harmony import */ var _main_module_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(340);



/** Runs the CLI on this process's arguments; resolves with the exit status. */
async function run() {
    return (0,_cli_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .a)({
        argv: process.argv.slice(2),
        env: process.env,
        cwd: process.cwd(),
        stdout: text => process.stdout.write(text),
        stderr: text => process.stderr.write(text),
        stdoutIsTTY: process.stdout.isTTY,
        stderrIsTTY: process.stderr.isTTY,
        version: _version_js__WEBPACK_IMPORTED_MODULE_2__/* .VERSION */ .x
    });
}
if ((0,_main_module_js__WEBPACK_IMPORTED_MODULE_1__/* .isMainModule */ .e)(import.meta.url))
    process.exit(await run());

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 340:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ isMainModule)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3136);


/**
 * True when the module at `url` is the script node was started with. An entry runs its step
 * only then: imported (by @github/local-action, which calls `run()` itself, or by a test) it
 * does nothing. Both paths are resolved because `npx shiprail` starts node through a symlink.
 */
function isMainModule(url) {
    const script = process.argv[1];
    if (!script)
        return false;
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(script) === (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)((0,node_url__WEBPACK_IMPORTED_MODULE_1__.fileURLToPath)(url));
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 3946:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   fE: () => (/* binding */ toText),
/* harmony export */   k0: () => (/* binding */ planTable)
/* harmony export */ });
/* unused harmony exports toMarkdown, displayWidth */
/** A dry run's plan, one step a row; logged already, so the terminal leaves it out. */
function planTable(plan) {
    return { caption: 'Plan', header: ['step'], rows: plan.map(line => [line]), logged: true };
}
function escapeCell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
function markdownTable(table) {
    const lines = [
        `| ${table.header.map(escapeCell).join(' | ')} |`,
        `| ${table.header.map(() => '---').join(' | ')} |`,
        ...table.rows.map(r => `| ${r.map(escapeCell).join(' | ')} |`)
    ];
    return (table.caption ? `**${escapeCell(table.caption)}**\n\n` : '') + lines.join('\n');
}
function toMarkdown(doc) {
    const parts = [`### ${doc.title}`, doc.verdict];
    // A list, not a table: a GFM table needs a header row, and an empty one renders as a blank band.
    if (doc.facts.length) {
        parts.push(doc.facts.map(([k, v]) => `- **${k}**: ${escapeCell(v)}`).join('\n'));
    }
    for (const t of doc.tables)
        parts.push(markdownTable(t));
    for (const block of doc.markdownBlocks ?? [])
        parts.push(block);
    if (doc.links?.length)
        parts.push(doc.links.map(([label, url]) => `[${label}](${url})`).join(' · '));
    return parts.join('\n\n') + '\n';
}
/**
 * Columns a terminal gives the text: an emoji drawn as a picture (✅ ❌ ⏪) and East Asian wide
 * characters take two, joiners, variation selectors and combining marks none.
 */
function displayWidth(text) {
    let width = 0;
    for (const ch of text) {
        const code = ch.codePointAt(0);
        const invisible = /\p{M}/u.test(ch) || (code >= 0x200b && code <= 0x200f) || (code >= 0xfe00 && code <= 0xfe0f);
        if (invisible)
            continue;
        const wide = /\p{Emoji_Presentation}/u.test(ch) ||
            (code >= 0x1100 && code <= 0x115f) ||
            (code >= 0x2e80 && code <= 0xa4cf) ||
            (code >= 0xac00 && code <= 0xd7a3) ||
            (code >= 0xf900 && code <= 0xfaff) ||
            (code >= 0xfe30 && code <= 0xfe4f) ||
            (code >= 0xff00 && code <= 0xff60) ||
            (code >= 0xffe0 && code <= 0xffe6);
        width += wide ? 2 : 1;
    }
    // A text-style symbol followed by VS16 (⚠️) is drawn as an emoji too.
    width += text.match(/(?![\p{Emoji_Presentation}])\p{Extended_Pictographic}\uFE0F/gu)?.length ?? 0;
    return width;
}
function padCell(text, width) {
    return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
function textTable(table) {
    const all = [table.header, ...table.rows].map(r => r.map(c => plain(c ?? '')));
    const widths = table.header.map((_, i) => Math.max(...all.map(r => displayWidth(r[i] ?? ''))));
    const line = (r) => r
        .map((c, i) => padCell(c, widths[i]))
        .join('  ')
        .trimEnd();
    const [header, ...rows] = all;
    const out = [line(header), widths.map(w => '-'.repeat(w)).join('  '), ...rows.map(line)];
    return (table.caption ? `${table.caption}\n` : '') + out.join('\n');
}
/** Drops Markdown emphasis and code marks for the terminal. */
function plain(text) {
    return text.replace(/\*\*|`/g, '');
}
function toneOf(verdict) {
    if (/^[✅⏪]/u.test(verdict))
        return 'good';
    if (verdict.startsWith('❌'))
        return 'bad';
    return 'neutral';
}
function toText(doc, style) {
    const verdict = plain(doc.verdict);
    const parts = [
        style ? style.title(doc.title) : doc.title,
        style ? style.verdict(verdict, toneOf(verdict)) : verdict
    ];
    if (doc.facts.length) {
        const width = Math.max(...doc.facts.map(([k]) => displayWidth(k)));
        parts.push(doc.facts.map(([k, v]) => `  ${padCell(k, width)}  ${plain(v)}`).join('\n'));
    }
    for (const t of doc.tables)
        if (!t.logged)
            parts.push(textTable(t));
    if (doc.links?.length)
        parts.push(doc.links.map(([label, url]) => `${label}: ${url}`).join('\n'));
    return parts.join('\n\n') + '\n';
}


/***/ }),

/***/ 2031:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ loadStepHandler),
/* harmony export */   o: () => (/* binding */ defineStep)
/* harmony export */ });
/** Ties a step's parser to its runner so each sees its own settings type. */
function defineStep(handler) {
    return handler;
}
/**
 * The step's handler, loaded when it runs: a command evaluates only its own step's code (and a
 * deploy reaches its first SSH connection sooner), not every step's, checks' and YAML's.
 */
function loadStepHandler(step) {
    switch (step) {
        case 'deploy':
            return Promise.all(/* import() */[__nccwpck_require__.e(902), __nccwpck_require__.e(846), __nccwpck_require__.e(987), __nccwpck_require__.e(867)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2867)).then(m => m.DEPLOY);
        case 'smoke-test':
            return Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(987), __nccwpck_require__.e(612), __nccwpck_require__.e(165)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3165)).then(m => m.SMOKE_TEST);
        case 'status-check':
            return Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(987), __nccwpck_require__.e(612), __nccwpck_require__.e(878)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3878)).then(m => m.STATUS_CHECK);
        case 'rollback':
            return __nccwpck_require__.e(/* import() */ 745).then(__nccwpck_require__.bind(__nccwpck_require__, 8745)).then(m => m.ROLLBACK);
        case 'history':
            return __nccwpck_require__.e(/* import() */ 65).then(__nccwpck_require__.bind(__nccwpck_require__, 9065)).then(m => m.HISTORY);
    }
}


/***/ }),

/***/ 987:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
// Generated from package.json by `npm run generate`.
const VERSION = '1.0.0';


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(6454);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ var __webpack_exports__run = __webpack_exports__.e;
/******/ export { __webpack_exports__run as run };
/******/ 
