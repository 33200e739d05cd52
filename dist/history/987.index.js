export const id = 987;
export const ids = [987];
export const modules = {

/***/ 5869:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Uj: () => (/* binding */ shownHeaders),
/* harmony export */   b5: () => (/* binding */ isCredentialHeader),
/* harmony export */   k1: () => (/* binding */ maskCheckSecrets),
/* harmony export */   qk: () => (/* binding */ headersForRedirect),
/* harmony export */   yP: () => (/* binding */ maskUrl)
/* harmony export */ });
/* unused harmony export checkSecrets */
/**
 * Header names whose values are credentials: masked wherever they could be shown, and not sent
 * on to another origin when a redirect leaves the one they were meant for. A word anywhere in
 * the name counts (`X-Deploy-Credential`, `X-Session-Id`, `Proxy-Authorization`): a list of
 * known names always misses the one a team made up, and masking a harmless header costs nothing.
 */
const CREDENTIAL_HEADER = /auth|token|secret|key|cookie|credential|password|passwd|session|signature/i;
const CREDENTIAL_QUERY = /^(token|access_token|api_key|apikey|key|secret|password|passwd|sig|signature|auth|code)$|[-_](token|key|secret|password|signature)$/i;
function isCredentialHeader(name) {
    return CREDENTIAL_HEADER.test(name.trim());
}
/**
 * The headers a redirect to `to` may carry: every credential header is dropped when the origin
 * (scheme, host and port) changes, so an http URL answering with a redirect to https on the
 * same host does not get them either: the credential was written for the other origin.
 */
function headersForRedirect(headers, from, to) {
    if (to.origin === from.origin)
        return headers;
    return Object.fromEntries(Object.entries(headers).filter(([k]) => !isCredentialHeader(k)));
}
/** The URL with its password and credential-named query values replaced by `***`. */
function maskUrl(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return url;
    }
    if (parsed.password)
        parsed.password = '***';
    else if (parsed.username)
        parsed.username = '***';
    for (const key of [...parsed.searchParams.keys()]) {
        if (CREDENTIAL_QUERY.test(key) && parsed.searchParams.get(key))
            parsed.searchParams.set(key, '***');
    }
    // searchParams.set encodes `*`; keep the mask readable.
    return parsed.toString().replace(/%2A%2A%2A/g, '***');
}
/** Credential values a check carries, for the redactor: header values, URL passwords, tokens. */
function checkSecrets(check) {
    const out = [];
    for (const [name, value] of Object.entries(check.headers)) {
        if (!isCredentialHeader(name))
            continue;
        out.push(value);
        // `Bearer abc`: the token alone may be echoed by a server or a tool.
        const scheme = /^\S+\s+(\S.*)$/.exec(value);
        if (scheme)
            out.push(scheme[1]);
    }
    try {
        const parsed = new URL(check.url);
        if (parsed.password)
            out.push(decodeURIComponent(parsed.password), parsed.password);
        for (const [key, value] of parsed.searchParams)
            if (CREDENTIAL_QUERY.test(key))
                out.push(value);
    }
    catch {
        // The URL was validated when the check was parsed.
    }
    return out.filter(v => v.trim() !== '');
}
/** Request headers as they may be shown: credential values replaced by `***`. */
function shownHeaders(headers) {
    return Object.entries(headers).map(([k, v]) => `${k}: ${isCredentialHeader(k) ? '***' : v}`);
}
/** Registers every credential the checks carry, before anything about them is logged. */
function maskCheckSecrets(checks, secrets) {
    for (const check of checks)
        for (const secret of checkSecrets(check))
            secrets.add(secret);
}


/***/ }),

/***/ 1634:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HB: () => (/* binding */ httpProbe),
/* harmony export */   YK: () => (/* binding */ MAX_BODY_BYTES)
/* harmony export */ });
/* unused harmony exports MAX_REDIRECTS, USER_AGENT, classifyError */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(643);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7075);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8522);
/* harmony import */ var _credential_masking_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5869);






const MAX_BODY_BYTES = 1024 * 1024;
const MAX_REDIRECTS = 10;
const USER_AGENT = 'shiprail-probe';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Raised inside a probe; carries the classified failure out of the callbacks. */
class ProbeFailure extends Error {
    kind;
    constructor(kind, message) {
        super(message);
        this.kind = kind;
    }
}
function flattenHeaders(headers) {
    const out = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined)
            out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return out;
}
function decoder(encoding) {
    switch ((encoding ?? '').trim().toLowerCase()) {
        case 'gzip':
        case 'x-gzip':
            return node_zlib__WEBPACK_IMPORTED_MODULE_4__.createGunzip();
        case 'deflate':
            return node_zlib__WEBPACK_IMPORTED_MODULE_4__.createInflate();
        case 'br':
            return node_zlib__WEBPACK_IMPORTED_MODULE_4__.createBrotliDecompress();
        default:
            return undefined;
    }
}
function seconds(ms) {
    return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
/** Turns a socket or TLS error into plain words. Exported for tests. */
function classifyError(err, url) {
    const e = err;
    const code = e?.code ?? '';
    const where = `${url.hostname}${url.port ? `:${url.port}` : ''}`;
    if (code === 'ECONNREFUSED')
        return { kind: 'refused', message: `connection refused by ${where}` };
    if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED') {
        return {
            kind: 'reset',
            message: `connection reset by ${where} before the response was complete`
        };
    }
    if (['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL'].includes(code)) {
        return {
            kind: 'dns',
            message: `DNS lookup failed for ${url.hostname} (${code === 'EAI_AGAIN' ? 'temporary failure' : 'no such host'})`
        };
    }
    if (code === 'ETIMEDOUT')
        return { kind: 'timeout', message: `connection to ${where} timed out` };
    if (/^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/.test(code) ||
        code === 'EPROTO') {
        return { kind: 'tls', message: `TLS error with ${where}: ${e.reason ?? e.message}` };
    }
    if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
        return { kind: 'other', message: `${where} is unreachable from here` };
    }
    if (code.startsWith('HPE_'))
        return { kind: 'other', message: `${where} sent an invalid HTTP response (${code})` };
    return { kind: 'other', message: `request to ${where} failed: ${e?.message ?? String(err)}` };
}
/** One request/response exchange, no redirects. Rejects with ProbeFailure. */
function exchange(url, method, headers, body, signal, maxBodyBytes, onAbort, onHeaders) {
    return new Promise((resolve, reject) => {
        let settled = false;
        const fail = (err) => {
            if (settled)
                return;
            settled = true;
            signal.removeEventListener('abort', abort);
            req.destroy();
            if (err instanceof ProbeFailure)
                return reject(err);
            if (signal.aborted)
                return reject(onAbort());
            const c = classifyError(err, url);
            reject(new ProbeFailure(c.kind, c.message));
        };
        const abort = () => fail(onAbort());
        const client = url.protocol === 'https:' ? node_https__WEBPACK_IMPORTED_MODULE_1__ : node_http__WEBPACK_IMPORTED_MODULE_0__;
        const req = client.request(url, { method, headers, agent: false }, res => {
            const status = res.statusCode ?? 0;
            onHeaders(status);
            const chunks = [];
            let size = 0;
            let truncated = false;
            const done = () => {
                if (settled)
                    return;
                settled = true;
                signal.removeEventListener('abort', abort);
                res.destroy();
                req.destroy();
                resolve({
                    status,
                    headers: flattenHeaders(res.headers),
                    body: Buffer.concat(chunks).toString('utf8'),
                    truncated
                });
            };
            const sink = new node_stream__WEBPACK_IMPORTED_MODULE_3__.Writable({
                write(chunk, _enc, next) {
                    const room = maxBodyBytes - size;
                    if (chunk.length > room) {
                        chunks.push(chunk.subarray(0, room));
                        size = maxBodyBytes;
                        truncated = true;
                        // Stop reading: the rest of a huge reply is not worth the memory or the wait.
                        done();
                        return next();
                    }
                    chunks.push(chunk);
                    size += chunk.length;
                    next();
                }
            });
            const decode = method === 'HEAD' ? undefined : decoder(res.headers['content-encoding']);
            const ended = (err) => {
                if (settled)
                    return;
                if (!err)
                    return done();
                if (decode && !err.code?.startsWith('E')) {
                    const encoding = res.headers['content-encoding'];
                    return fail(new ProbeFailure('other', `the ${encoding} body could not be decoded`));
                }
                // The server went away mid-body: a reset, whatever the stream calls it.
                const premature = res.readableAborted || err.code === 'ERR_STREAM_PREMATURE_CLOSE';
                fail(premature ? Object.assign(err, { code: 'ECONNRESET' }) : err);
            };
            if (decode)
                (0,node_stream__WEBPACK_IMPORTED_MODULE_3__.pipeline)(res, decode, sink, ended);
            else
                (0,node_stream__WEBPACK_IMPORTED_MODULE_3__.pipeline)(res, sink, ended);
        });
        req.on('error', fail);
        if (signal.aborted)
            return abort();
        signal.addEventListener('abort', abort, { once: true });
        req.end(body);
    });
}
/**
 * Sends one request and reads the reply. Never throws: a failure comes back as a ProbeError
 * with a kind and plain words, so callers can retry, report and count it alike.
 */
async function httpProbe(request) {
    const started = node_perf_hooks__WEBPACK_IMPORTED_MODULE_2__.performance.now();
    const elapsed = () => Math.round(node_perf_hooks__WEBPACK_IMPORTED_MODULE_2__.performance.now() - started);
    // One signal for both ends of the request: the per-request timeout and the job's cancellation.
    // Wired by hand so a long status-check window leaves no listener behind on the job's signal.
    const controller = new AbortController();
    const stop = () => controller.abort();
    const timeout = setTimeout(stop, request.timeoutMs);
    request.signal?.addEventListener('abort', stop, { once: true });
    if (request.signal?.aborted)
        stop();
    const signal = controller.signal;
    let stage = 'no response';
    const onAbort = () => request.signal?.aborted
        ? new ProbeFailure('cancelled', 'cancelled')
        : new ProbeFailure('timeout', `${stage} within ${seconds(request.timeoutMs)}`);
    let url = new URL(request.url);
    let method = request.method.toUpperCase();
    let body = request.body;
    let headers = {
        'user-agent': USER_AGENT,
        accept: '*/*',
        ...request.headers
    };
    try {
        for (let redirects = 0;; redirects++) {
            const sent = { ...headers };
            if (body !== undefined &&
                !Object.keys(sent).some(h => h.toLowerCase() === 'content-length')) {
                sent['content-length'] = String(Buffer.byteLength(body));
            }
            stage = 'no response';
            const reply = await exchange(url, method, sent, body, signal, request.maxBodyBytes ?? MAX_BODY_BYTES, onAbort, status => (stage = `status ${status} but the body was not complete`));
            const location = reply.headers.location;
            if (request.followRedirects !== false && REDIRECTS.has(reply.status) && location) {
                if (redirects >= MAX_REDIRECTS) {
                    return {
                        type: 'error',
                        kind: 'other',
                        message: `more than ${MAX_REDIRECTS} redirects (last to ${location})`,
                        latencyMs: elapsed()
                    };
                }
                let next;
                try {
                    next = new URL(location, url);
                }
                catch {
                    return {
                        type: 'error',
                        kind: 'other',
                        message: `redirect to an invalid URL (${JSON.stringify(location)})`,
                        latencyMs: elapsed()
                    };
                }
                if (!['http:', 'https:'].includes(next.protocol)) {
                    return {
                        type: 'error',
                        kind: 'other',
                        message: `redirect to a non-http URL (${next.protocol})`,
                        latencyMs: elapsed()
                    };
                }
                // As browsers and fetch do: 303 always, and 301/302 after a POST, continue with GET.
                if (reply.status === 303
                    ? method !== 'HEAD'
                    : [301, 302].includes(reply.status) && method === 'POST') {
                    method = 'GET';
                    body = undefined;
                    headers = Object.fromEntries(Object.entries(headers).filter(([k]) => !/^content-/i.test(k)));
                }
                headers = (0,_credential_masking_js__WEBPACK_IMPORTED_MODULE_5__/* .headersForRedirect */ .qk)(headers, url, next);
                url = next;
                continue;
            }
            return {
                type: 'response',
                status: reply.status,
                headers: reply.headers,
                body: reply.body,
                truncated: reply.truncated,
                latencyMs: elapsed(),
                url: url.toString(),
                redirects
            };
        }
    }
    catch (err) {
        if (err instanceof ProbeFailure)
            return { type: 'error', kind: err.kind, message: err.message, latencyMs: elapsed() };
        const c = classifyError(err, url);
        return { type: 'error', ...c, latencyMs: elapsed() };
    }
    finally {
        clearTimeout(timeout);
        request.signal?.removeEventListener('abort', stop);
    }
}


/***/ }),

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

/***/ 3496:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KI: () => (/* binding */ findLive),
/* harmony export */   TH: () => (/* binding */ LIVE_SCAN_LIMIT),
/* harmony export */   p0: () => (/* binding */ recordVerdict),
/* harmony export */   xU: () => (/* binding */ RECORD_VERDICT_MODES)
/* harmony export */ });
/* harmony import */ var _deployment_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4570);
/* harmony import */ var _ledger_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6192);
/* harmony import */ var _same_run_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7011);



/** Input `record-verdict`: `auto` records only a verdict on this same run's deployment. */
const RECORD_VERDICT_MODES = ['auto', 'true', 'false'];
/**
 * Records a check's verdict on the live deployment of an environment, so rollback and
 * promote-from know which versions were verified. With `auto`, only when that deployment was
 * created by this same run: a check run by hand (a mistyped port) must never mark a good
 * version bad, or the next rollback would skip it.
 */
async function recordVerdict(ctx, environment, step, passed, detail, mode) {
    if (!environment || ctx.ledger.kind === 'none')
        return {};
    if (mode === 'false')
        return skipped(ctx, step, 'record-verdict is false');
    const live = await findLive(ctx, environment);
    if (!live) {
        return skipped(ctx, step, `no live deployment of ${environment} in the ledger`);
    }
    if (mode === 'auto' && !(0,_same_run_js__WEBPACK_IMPORTED_MODULE_1__/* .sameRun */ .W)(live.payload.run_url, ctx.run.runUrl)) {
        const by = live.payload.run_url ? `run ${live.payload.run_url}` : 'a run without a URL';
        return skipped(ctx, step, `live deployment ${live.id} (${live.payload.version}) was created by ${by}, not this one; set record-verdict: true to record a hand-run check`);
    }
    await ctx.ledger.addStatus(live.id, {
        state: passed ? 'success' : 'failure',
        description: (0,_ledger_js__WEBPACK_IMPORTED_MODULE_2__/* .clampDescription */ .gs)(`${step} ${passed ? 'passed' : 'failed'}: ${detail}`),
        logUrl: ctx.run.runUrl
    });
    return { deployment: live };
}
function skipped(ctx, step, why) {
    ctx.logger.warning(`The ${step} verdict is not recorded: ${why}.`);
    return { notRecorded: why };
}
/** How far back a scan for the live deployment goes before giving up. */
const LIVE_SCAN_LIMIT = 50;
async function findLive(ctx, environment) {
    let scanned = 0;
    for await (const record of ctx.ledger.history(environment)) {
        if ((0,_deployment_state_js__WEBPACK_IMPORTED_MODULE_0__/* .isLive */ .DG)(record))
            return record;
        if (++scanned >= LIVE_SCAN_LIMIT)
            break;
    }
    return undefined;
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


/***/ })

};
