export const id = 769;
export const ids = [769];
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

/***/ 769:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DOCTOR_HANDLER: () => (/* binding */ DOCTOR_HANDLER)
/* harmony export */ });
/* harmony import */ var _core_settings_doctor_settings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5882);
/* harmony import */ var _core_steps_doctor_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9219);
/* harmony import */ var _report_doctor_report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2702);



/**
 * `shiprail doctor`: a CLI command run like a step, so it shares the CLI's flags,
 * secrets masking, --json and exit codes. It is not an action step: it changes nothing and
 * records nothing, and a workflow can run the CLI.
 */
const DOCTOR_HANDLER = {
    parse: raw => (0,_core_settings_doctor_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDoctorSettings */ .I2)(raw),
    async run(settings, ctx) {
        const result = await (0,_core_steps_doctor_js__WEBPACK_IMPORTED_MODULE_1__/* .doctor */ .A)(settings, ctx);
        return {
            data: result,
            outputs: {},
            summary: () => (0,_report_doctor_report_js__WEBPACK_IMPORTED_MODULE_2__/* .doctorSummary */ .Ot)(result),
            failure: (0,_report_doctor_report_js__WEBPACK_IMPORTED_MODULE_2__/* .doctorFailure */ .cT)(result)
        };
    }
};


/***/ })

};
