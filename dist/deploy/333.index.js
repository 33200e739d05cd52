export const id = 333;
export const ids = [333];
export const modules = {

/***/ 2940:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bg: () => (/* binding */ fleetWarmer),
/* harmony export */   GO: () => (/* binding */ failIfAny),
/* harmony export */   GY: () => (/* binding */ afterSwitchAll),
/* harmony export */   Mo: () => (/* binding */ requireOk),
/* harmony export */   Nd: () => (/* binding */ connectFleet),
/* harmony export */   Tv: () => (/* binding */ withLockedFleet),
/* harmony export */   ay: () => (/* binding */ timed),
/* harmony export */   eB: () => (/* binding */ warnFailures),
/* harmony export */   nY: () => (/* binding */ forEachHost),
/* harmony export */   xd: () => (/* binding */ withFleet),
/* harmony export */   xm: () => (/* binding */ warnIfKeysUnverified),
/* harmony export */   yd: () => (/* binding */ hostMessage)
/* harmony export */ });
/* unused harmony exports resolveHomePath, startFleet */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5052);
/* harmony import */ var _process_runner_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(787);
/* harmony import */ var _host_transport_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6285);
/* harmony import */ var _release_lock_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9124);





const CONNECT_TIMEOUT_MS = 30_000;
/** Runs fn for each host, at most `limit` at once, and waits for all of them. */
async function forEachHost(hosts, limit, fn) {
    const results = new Array(hosts.length);
    let next = 0;
    const worker = async () => {
        while (next < hosts.length) {
            const i = next++;
            try {
                await fn(hosts[i]);
                results[i] = { ok: true };
            }
            catch (error) {
                results[i] = { ok: false, error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, hosts.length) }, worker));
    return results;
}
function hostMessage(host, error) {
    const message = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error);
    return message.startsWith(`${host.transport.label}: `)
        ? message
        : `${host.transport.label}: ${message}`;
}
/** Throws one error naming every host where `phase` failed; UserError when any was the user's. */
function failIfAny(hosts, results, phase, consequence) {
    const failed = results
        .map((r, i) => (r.ok ? undefined : hostMessage(hosts[i], r.error)))
        .filter((m) => m !== undefined);
    if (failed.length === 0)
        return;
    const user = results.find(r => !r.ok && r.error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo);
    const text = `${phase} failed on ${failed.length} of ${hosts.length} host(s): ${failed.join('; ')}. ${consequence}`;
    if (user)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(text);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CheckFailedError */ .CO(text);
}
/**
 * Runs the after-switch hook on every host (nothing when `hook` is empty). A failure is
 * returned, not thrown: the switch is done, and the caller still writes history first.
 */
async function afterSwitchAll(hook, hosts, parallel, ctx, live, run) {
    if (hook.trim() === '')
        return { ok: true };
    const results = await ctx.logger.group('after-switch', () => forEachHost(hosts, parallel, host => timed(host, 'after-switch', () => run(host))));
    try {
        failIfAny(hosts, results, 'after-switch', `The new ${live} stays live on every host (the switch is done); roll back if it is broken.`);
        return { ok: true };
    }
    catch (error) {
        return { ok: false, error };
    }
}
/** Logs each failure as a warning: for cleanup whose failure must not hide the real error. */
function warnFailures(hosts, results, ctx, suffix = '') {
    results.forEach((r, i) => {
        if (!r.ok)
            ctx.logger.warning(`${hostMessage(hosts[i], r.error)}${suffix}`);
    });
}
async function timed(host, phase, fn) {
    const started = Date.now();
    try {
        await fn();
    }
    finally {
        host.report.phases[phase] = (host.report.phases[phase] ?? 0) + Date.now() - started;
    }
}
function requireOk(host, what, result, timeoutMs) {
    if (result.exitCode === 0)
        return;
    const detail = (0,_host_transport_js__WEBPACK_IMPORTED_MODULE_3__/* .lastLines */ .w$)(result.stderr || result.stdout);
    throw new _host_transport_js__WEBPACK_IMPORTED_MODULE_3__/* .HostError */ .dh(host.transport.label, `${what} ${(0,_process_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .describeExit */ .K)(result, timeoutMs)}: ${detail}`);
}
/**
 * `~/x` is the login user's home on the host: this machine's home for `local`, and a path
 * relative to the SSH session's start directory (the home) for a remote host.
 */
function resolveHomePath(path, local) {
    if (!path.startsWith('~/'))
        return path;
    return local ? `${(0,node_os__WEBPACK_IMPORTED_MODULE_0__.homedir)()}/${path.slice(2)}` : path.slice(2);
}
/**
 * Says that host keys are not verified, once per step (from the driver's preflight: a step may
 * connect more than once, as the containers driver does to resolve its image first).
 */
function warnIfKeysUnverified(settings, logger) {
    if (settings.hosts.some(h => !h.local) && !settings.strictHostKeyChecking) {
        logger.warning('ssh-strict-host-key-checking is false: host keys are not verified, so a machine in the middle could receive this deploy. Set known-hosts to verify them.');
    }
}
/**
 * Starts connecting to every host: one transport each (SSH ones sharing one set of credentials
 * files), built into the caller's host state by `make`. Logs nothing, so that it can run beside
 * other work; connectFleet waits for it.
 */
async function startFleet(settings, ctx, make) {
    const env = ctx.run.env;
    const remote = settings.hosts.some(h => !h.local);
    const credentials = remote
        ? await _host_transport_js__WEBPACK_IMPORTED_MODULE_3__/* .SshCredentials */ .B2.create(settings.sshKey, settings.knownHosts, settings.strictHostKeyChecking, ctx.run.tempDir)
        : undefined;
    const hosts = settings.hosts.map((spec, i) => make(spec.local ? new _host_transport_js__WEBPACK_IMPORTED_MODULE_3__/* .LocalTransport */ .Vu(env) : new _host_transport_js__WEBPACK_IMPORTED_MODULE_3__/* .SshTransport */ .e1(spec, credentials, i, env), spec));
    const connected = forEachHost(hosts, settings.parallel, host => timed(host, 'connect', () => host.transport.connect(CONNECT_TIMEOUT_MS, ctx.signal)));
    const close = async () => {
        // Never while a connection is still being made: its master would outlive the close.
        await connected;
        await Promise.all(hosts.map(h => h.transport.close()));
        await credentials?.dispose();
    };
    return { hosts, close, connected, startedAt: Date.now() };
}
/**
 * Connects to every host (or waits for the connections `started` began), failing naming every
 * host that could not be reached, having closed whatever it opened.
 */
async function connectFleet(settings, ctx, make, started) {
    const fleet = started ?? (await startFleet(settings, ctx, make));
    try {
        const connected = await ctx.logger.group('Connect to hosts', () => fleet.connected);
        failIfAny(fleet.hosts, connected, 'Connecting', 'Nothing was changed.');
    }
    catch (err) {
        await fleet.close();
        throw err;
    }
    return { hosts: fleet.hosts, close: fleet.close };
}
/**
 * Connections warm started longer ago than this are made again: a master with no client for
 * ControlPersist (120 s) exits, e.g. while the ledger waited for another deploy.
 */
const WARM_MAX_AGE_MS = 60_000;
/**
 * A driver's connections started early (Driver.warm) and taken over by apply (`take`, which
 * throws what starting threw); `dispose` closes them when apply never took them.
 */
function fleetWarmer(settings, make) {
    let warming;
    return {
        warm(ctx) {
            if (warming)
                return;
            ctx.secrets.add(settings.sshKey);
            warming = startFleet(settings, ctx, make);
            // Its failure is apply's to report, or nobody's when the step ends before apply.
            warming.catch(() => undefined);
        },
        async take() {
            const started = warming;
            warming = undefined;
            const fleet = await started;
            if (fleet && Date.now() - fleet.startedAt > WARM_MAX_AGE_MS) {
                await fleet.close();
                return undefined;
            }
            return fleet;
        },
        async dispose() {
            const started = warming;
            warming = undefined;
            await started?.then(fleet => fleet.close(), () => undefined);
        }
    };
}
/**
 * Connects to every host, locks every host (all at once; see acquireLocks for how two deploys
 * started together settle on one), runs `work`, then unlocks and disconnects whatever happened.
 */
async function withLockedFleet(settings, path, ctx, extend, work) {
    return withFleet(settings, path, ctx, extend, async (hosts) => {
        const { logger } = ctx;
        const lock = (0,_release_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .newLockInfo */ .kq)(ctx.run.actor, ctx.run.runUrl, ctx.clock.now());
        const started = Date.now();
        // On failure acquireLocks lets go of every lock it took; from here on they are ours.
        await logger.group('Lock', () => (0,_release_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .acquireLocks */ .x)(hosts, lock, {
            timeoutSeconds: settings.lockTimeoutSeconds,
            logger,
            clock: ctx.clock,
            signal: ctx.signal,
            parallel: settings.parallel
        }));
        for (const host of hosts)
            host.report.phases.lock = Date.now() - started;
        try {
            return await work(hosts);
        }
        finally {
            await forEachHost(hosts, settings.parallel, host => (0,_release_lock_js__WEBPACK_IMPORTED_MODULE_4__/* .releaseLock */ .x_)(host.transport, host.root, lock, logger));
        }
    });
}
/**
 * Connects to every host, runs `work` (which changes nothing that serves: no lock is taken),
 * then disconnects whatever happened.
 */
async function withFleet(settings, path, ctx, extend, work) {
    const { hosts, close } = await connectFleet(settings, ctx, (transport, spec) => extend({
        transport,
        report: { host: spec.label, phases: {} },
        root: resolveHomePath(path, spec.local)
    }));
    try {
        return await work(hosts);
    }
    finally {
        await close();
    }
}


/***/ }),

/***/ 1630:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y0: () => (/* binding */ requireTool),
/* harmony export */   pY: () => (/* binding */ prepareSource)
/* harmony export */ });
/* unused harmony exports scanReleaseTree, checkReleaseTree, symlinkStaysInside */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5052);
/* harmony import */ var _process_runner_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(787);
/* harmony import */ var _host_transport_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6285);







/** Preparing what a deploy uploads: the source as a checked tree on the runner. */
const EXTRACT_TIMEOUT_MS = 600_000;
/**
 * Reads a release tree and checks it before anything changes. Symlinks are copied as links
 * (never followed), and are accepted only when they stay inside the release: a link to /etc
 * or to ../../ would let a web server serve files outside it. Shared data belongs in
 * shared-files or shared-dirs. Only files, directories and symlinks are accepted. Synchronous
 * calls: a checkout's many small directories are read several times faster than through the
 * thread pool.
 */
function scanReleaseTree(dir) {
    const root = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(dir);
    const entries = [];
    const problems = [];
    const pending = [''];
    // Plain concatenation: path.join's normalising was half of a 10,000-file scan.
    const base = root.endsWith(node_path__WEBPACK_IMPORTED_MODULE_3__.sep) ? root : root + node_path__WEBPACK_IMPORTED_MODULE_3__.sep;
    while (pending.length > 0 && problems.length < 5) {
        const current = pending.pop();
        for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(base + current, { withFileTypes: true })) {
            const rel = current ? `${current}/${entry.name}` : entry.name;
            const full = base + rel;
            const shown = () => JSON.stringify(rel);
            if (entry.isDirectory() || entry.isFile() || entry.isSymbolicLink()) {
                const info = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(full);
                const kind = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'symlink';
                entries.push({
                    path: rel,
                    kind,
                    mode: info.mode & 0o7777,
                    size: info.size,
                    mtime: info.mtimeMs,
                    identity: `${info.dev}:${info.ino}:${info.ctimeMs}`
                });
                if (kind === 'dir')
                    pending.push(rel);
                if (kind === 'symlink') {
                    const target = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readlinkSync)(full);
                    let real;
                    try {
                        real = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(full);
                    }
                    catch {
                        real = undefined;
                    }
                    if (!symlinkStaysInside(root, full, target, real)) {
                        problems.push(`${shown()} is a symlink to ${JSON.stringify(target)}, outside the release`);
                    }
                }
            }
            else
                problems.push(`${shown()} is not a file, directory or symlink`);
            if (problems.length >= 5)
                break;
        }
    }
    if (problems.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`Input 'source' has entries a release cannot hold: ${problems.join('; ')}; expected files, directories and symlinks that point inside the release (use shared-files or shared-dirs for data outside it).`);
    }
    return entries;
}
/** Checks a release tree (see scanReleaseTree) and counts its files. */
async function checkReleaseTree(dir) {
    return scanReleaseTree(dir).filter(e => e.kind === 'file').length;
}
/** Pure part of the symlink rule: `real` is the link's resolved target, undefined when dangling. */
function symlinkStaysInside(root, link, target, real) {
    if ((0,node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute)(target))
        return false;
    const inside = (p) => p === root || p.startsWith(root + node_path__WEBPACK_IMPORTED_MODULE_3__.sep);
    if (!inside((0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(link), target)))
        return false;
    // A dangling link cannot be resolved here; `..` through a linked directory could escape on
    // the host, so only plain downward targets are accepted.
    if (real === undefined)
        return !target.split(/[/\\]/).includes('..');
    return inside(real);
}
function prepared(dir, inPlace, cleanup) {
    const entries = scanReleaseTree(dir);
    return { dir, entries, files: entries.filter(e => e.kind === 'file').length, inPlace, cleanup };
}
async function prepareSource(source, signal, env) {
    let info;
    try {
        info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(source);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`Input 'source' is ${JSON.stringify(source)}, which does not exist; expected a directory or a .tar.gz/.tgz file.`);
    }
    if (info.isDirectory())
        return prepared(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(source), true, async () => { });
    if (!info.isFile() || !/\.(tar\.gz|tgz)$/.test(source)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`Input 'source' is ${JSON.stringify(source)}; expected a directory or a .tar.gz/.tgz file.`);
    }
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'shiprail-source-'));
    const cleanup = () => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true });
    try {
        // GNU and BSD tar both refuse members with `..` or absolute names by default.
        const result = await (0,_process_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .runProcess */ .R)('tar', {
            args: ['-xzf', (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(source), '-C', dir, '--no-same-owner'],
            env,
            timeoutMs: EXTRACT_TIMEOUT_MS,
            signal,
            capture: true
        });
        if (result.exitCode !== 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`Input 'source' (${JSON.stringify(source)}) could not be extracted: tar ${(0,_process_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .describeExit */ .K)(result, EXTRACT_TIMEOUT_MS)}: ${(0,_host_transport_js__WEBPACK_IMPORTED_MODULE_6__/* .lastLines */ .w$)(result.stderr)}.`);
        }
        return prepared(dir, false, cleanup);
    }
    catch (err) {
        await cleanup();
        throw err;
    }
}
/** An executable `tool` in one of PATH's directories: found without starting a process. */
async function onPath(tool, path) {
    for (const dir of (path ?? '').split(':').filter(Boolean)) {
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, tool), node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.constants.X_OK);
            return true;
        }
        catch {
            // Not in this directory.
        }
    }
    return false;
}
async function requireTool(tool, why, env) {
    if (await onPath(tool, env.PATH))
        return;
    try {
        await (0,_process_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .runProcess */ .R)(tool, { args: ['--version'], env, timeoutMs: 10_000, capture: true });
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo(`Shiprail needs \`${tool}\` on the runner (${why}); install it or use driver: command.`);
    }
}


/***/ }),

/***/ 7333:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createReleasesDriver: () => (/* binding */ createReleasesDriver)
});

// UNUSED EXPORTS: checkReleaseTree, pickRollbackRelease, releasesToPrune, symlinkStaysInside

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
// EXTERNAL MODULE: ./build/ncc/core/drivers/host-fleet.js
var host_fleet = __webpack_require__(2940);
// EXTERNAL MODULE: ./build/ncc/core/drivers/host-transport.js
var host_transport = __webpack_require__(6285);
// EXTERNAL MODULE: ./build/ncc/core/drivers/release-history.js
var release_history = __webpack_require__(6911);
// EXTERNAL MODULE: ./build/ncc/core/drivers/release-lock.js
var release_lock = __webpack_require__(9124);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./build/ncc/core/drivers/release-manifest.js



/**
 * The manifest of a release: one line per regular file (path, permission bits, size, SHA-256),
 * written on each host beside the release as `<path>/.shiprail/manifests/<release>`, with a
 * stat snapshot (`<release>.stat`: inode, size, mtime, mode of every file) the host compares
 * with its disk before the manifest is trusted. A redeploy hashes the source on the runner and
 * compares with the live release's manifest: files whose content and mode are unchanged are
 * hard-linked on the host without being read on either end, and only the rest is sent.
 *
 * Format (version 2): the header line, then
 * `<JSON path>\t<mode, octal>\t<size>\t<hash>\t<mtime>\t<identity>`, mtime being the source
 * file's modification time on the runner in ms and identity its device, inode and change time
 * (SourceEntry.identity). The path is JSON so that any file name (tabs and newlines included)
 * stays on one line and the host can merge manifests with awk by the first field. Lines without
 * an identity, or without an mtime (version 1), are still read: their files are hashed again.
 */
const MANIFEST_HEADER = 'shiprail-manifest 2';
const READABLE_HEADERS = new Set([MANIFEST_HEADER, 'shiprail-manifest 1']);
const READ_CHUNK = 1 << 20;
/** Hashing yields to the event loop this often, so SSH work started meanwhile keeps moving. */
const SLICE_MS = 10;
/**
 * Hashes every regular file of the source, streaming each in 1 MiB reads. Synchronous reads in
 * short slices beat the thread pool several times over for a checkout's many small files, and
 * the slices let SSH work started meanwhile move on.
 *
 * Quick check, stricter than rsync's: a file whose size, modification time and identity (the
 * same file on the same device, not changed since: SourceEntry.identity) equal those `known`
 * (the live release's manifest) recorded is taken to have the recorded content and is not read.
 * rsync's size-and-time check misses a rewrite that keeps both (a build with fixed timestamps, a
 * restored mtime, two trees written in the same clock tick); a rewrite always moves the change
 * time. A fresh checkout gives every file a new identity, so then every file is hashed.
 */
async function hashSource(dir, entries, signal, known) {
    const facts = new Map();
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    let sliceStart = Date.now();
    for (const entry of entries) {
        if (entry.kind !== 'file')
            continue;
        const old = known?.get(entry.path);
        if (old?.identity === entry.identity && old.mtime === entry.mtime && old.size === entry.size) {
            facts.set(entry.path, old.mode === entry.mode ? old : { ...old, mode: entry.mode });
            continue;
        }
        const hash = (0,external_node_crypto_.createHash)('sha256');
        const fd = (0,external_node_fs_.openSync)((0,external_node_path_.join)(dir, entry.path), 'r');
        let size = 0;
        try {
            for (let n; (n = (0,external_node_fs_.readSync)(fd, buffer, 0, READ_CHUNK, null)) > 0;) {
                hash.update(buffer.subarray(0, n));
                size += n;
            }
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
        const digest = hash.digest('base64url');
        facts.set(entry.path, {
            mode: entry.mode,
            size,
            hash: digest,
            mtime: entry.mtime,
            identity: entry.identity
        });
        if (Date.now() - sliceStart >= SLICE_MS) {
            signal?.throwIfAborted();
            await new Promise(resolve => setImmediate(resolve));
            sliceStart = Date.now();
        }
    }
    return facts;
}
function manifestLine(path, f) {
    const line = `${JSON.stringify(path)}\t${f.mode.toString(8)}\t${f.size}\t${f.hash}`;
    if (f.mtime === undefined)
        return line;
    return f.identity === undefined ? `${line}\t${f.mtime}` : `${line}\t${f.mtime}\t${f.identity}`;
}
/**
 * Parses a manifest; undefined when it is not a whole manifest of a version read here. A line
 * may lack the mtime (kept from a version-1 manifest when the host merged them).
 */
function parseManifest(text) {
    const lines = text.split('\n');
    if (!READABLE_HEADERS.has(lines[0]))
        return undefined;
    const manifest = new Map();
    for (const line of lines.slice(1)) {
        if (line === '')
            continue;
        const m = /^("(?:[^"\\]|\\.)*")\t([0-7]{1,5})\t(\d+)\t([A-Za-z0-9_-]{43})(?:\t(-?\d+(?:\.\d+)?)(?:\t(\d+:\d+:\d+(?:\.\d+)?))?)?$/.exec(line);
        if (!m)
            return undefined;
        let path = m[1].slice(1, -1);
        // Without a backslash or control character the JSON string is the path itself; anything
        // else goes to the parser, which also refuses raw control characters.
        if (needsJsonParse(m[1])) {
            try {
                path = JSON.parse(m[1]);
            }
            catch {
                return undefined;
            }
        }
        if (typeof path !== 'string')
            return undefined;
        manifest.set(path, {
            mode: parseInt(m[2], 8),
            size: Number(m[3]),
            hash: m[4],
            ...(m[5] === undefined ? {} : { mtime: Number(m[5]) }),
            ...(m[6] === undefined ? {} : { identity: m[6] })
        });
    }
    return manifest;
}
/** A backslash or a control character: text JSON.parse must read (or refuse). */
function needsJsonParse(quoted) {
    for (let i = 0; i < quoted.length; i++) {
        const c = quoted.charCodeAt(i);
        if (c < 0x20 || c === 0x5c)
            return true;
    }
    return false;
}
/** Shared paths are links to `<path>/shared/` in every release: never in a manifest. */
function underShared(path, sharedPaths) {
    return sharedPaths.some(p => path === p || path.startsWith(`${p}/`));
}
/** The whole manifest of a release, for a host without a usable one. */
function fullManifest(facts, sharedPaths) {
    const lines = [MANIFEST_HEADER];
    for (const [path, f] of facts)
        if (!underShared(path, sharedPaths))
            lines.push(manifestLine(path, f));
    return lines.join('\n') + '\n';
}
/**
 * Decides a redeploy from the source and the live release's manifest. A file is kept (linked,
 * not sent) only when path, content, size and mode all match: a mode change gets a new inode
 * rather than changing the live release's file through the shared one.
 */
function planUpload(entries, facts, live, sharedPaths) {
    const kept = new Set();
    const sentFiles = [];
    // Never `.`: with --files-from, rsync copies the files directly in a listed `.` (as -d does),
    // which would send every top-level file again, racing LINK for the same paths.
    const sendEntries = [];
    let sendBytes = 0;
    const lines = [MANIFEST_HEADER + '\n'];
    for (const entry of entries) {
        if (entry.kind !== 'file') {
            sendEntries.push(entry);
            if (entry.kind === 'symlink')
                sendBytes += entry.size;
            continue;
        }
        const f = facts.get(entry.path);
        const old = live.get(entry.path);
        const shared = underShared(entry.path, sharedPaths);
        if (!shared && old && old.hash === f.hash && old.size === f.size && old.mode === f.mode) {
            kept.add(entry.path);
            continue;
        }
        sendEntries.push(entry);
        sendBytes += entry.size;
        if (shared)
            continue;
        sentFiles.push(entry.path);
        lines.push(manifestLine(entry.path, f) + '\n');
    }
    const dropPaths = [...live.keys()].filter(p => !kept.has(p));
    return {
        keep: kept.size,
        dropPaths,
        dropKeys: dropPaths.map(p => JSON.stringify(p)),
        newLines: lines.join(''),
        send: sendEntries.map(e => e.path),
        sentFiles,
        sendEntries,
        sendBytes
    };
}

;// CONCATENATED MODULE: ./build/ncc/core/drivers/release-phases.js
// The host loop, failure report, phase timer and exit check every host driver shares.


// EXTERNAL MODULE: ./build/ncc/core/drivers/release-scripts.js + 1 modules
var release_scripts = __webpack_require__(9504);
// EXTERNAL MODULE: ./build/ncc/core/doctor/host-checks.js
var host_checks = __webpack_require__(6599);
;// CONCATENATED MODULE: ./build/ncc/core/drivers/release-space.js





/**
 * Disk space on the hosts of a releases deploy. A full disk used to surface as rsync's
 * "[sender] write error: Broken pipe": the free space under the deploy root is read in the
 * command that takes the lock (freeSpace in PREPARE, no extra round trip), compared with what
 * the new release writes before anything is uploaded, and read again when an upload fails, so
 * the error says the disk is full and how much is free.
 */
const DIAGNOSE_TIMEOUT_MS = 30_000;
const DIAGNOSE = `
root=$1
${(0,release_scripts/* freeSpace */.FP)('root')}`;
/** The `free` line of freeSpace's output, if there is one. Pure. */
function parseFreeSpace(stdout) {
    const m = /^free\t(\d+)\t(.*)$/m.exec(stdout);
    return m ? { bytes: Number(m[1]) * 1024, mount: m[2] } : undefined;
}
/** Filesystems allocate whole blocks: a 10-byte file takes 4 KiB, as does a directory. */
const BLOCK = 4096;
const blocks = (bytes) => Math.ceil(bytes / BLOCK) * BLOCK;
/** bytesNeeded's answers by source and manifest: hosts of one release share one count. */
const counted = new WeakMap();
/**
 * Bytes the new release writes on a host: every file and directory, rounded up to whole
 * blocks, less the files the live release's manifest lists with the same size and mode (they
 * are hard-linked). Undefined when a release is live but its manifest cannot be trusted: rsync
 * then hard-links what it finds identical, which only the upload knows. Pure (remembered by
 * source and manifest, which nobody changes once made).
 */
function bytesNeeded(entries, live, manifest) {
    if (live && !manifest)
        return undefined;
    let byManifest = counted.get(entries);
    if (!byManifest)
        counted.set(entries, (byManifest = new Map()));
    let total = byManifest.get(manifest);
    if (total !== undefined)
        return total;
    total = 0;
    for (const e of entries) {
        if (e.kind === 'dir')
            total += BLOCK;
        if (e.kind !== 'file')
            continue;
        const old = manifest?.get(e.path);
        if (old && old.size === e.size && old.mode === e.mode)
            continue;
        total += blocks(e.size);
    }
    byManifest.set(manifest, total);
    return total;
}
function fullDisk(free, need) {
    return `disk full: ${(0,host_checks/* formatBytes */.z3)(free.bytes)} free on ${free.mount}, the release needs ${(0,host_checks/* formatBytes */.z3)(need)}`;
}
/** Whether there is room, and if not, the one-line problem. Pure. */
function spaceProblem(free, need) {
    if (!free || need === undefined || free.bytes >= need)
        return undefined;
    return fullDisk(free, need);
}
/**
 * Refuses the deploy before anything is uploaded when a host has less free space than the new
 * release writes there, naming each such host, what is free and what is needed.
 */
function requireSpace(hosts, entries) {
    const results = hosts.map((host) => {
        const problem = spaceProblem(host.free, bytesNeeded(entries, host.live, host.liveManifest));
        return problem
            ? { ok: false, error: new host_transport/* HostError */.dh(host.transport.label, problem) }
            : { ok: true };
    });
    (0,host_fleet/* failIfAny */.GO)(hosts, results, 'Disk space check', 'Nothing was uploaded; no host was switched; every host still serves its old release.');
}
/**
 * After a failed upload: reads the free space again, and when it is less than the release
 * needs (or rsync said ENOSPC), throws the error rewritten to say the disk is full, with what
 * rsync said after it; any other failure is thrown unchanged. A round trip only on this path.
 */
async function explainUploadFailure(host, root, entries, signal, error) {
    if (signal.aborted)
        throw error;
    const { transport } = host;
    const need = bytesNeeded(entries, host.live, host.liveManifest) ??
        bytesNeeded(entries, undefined, undefined);
    const answer = await transport
        .run(DIAGNOSE, [root], { timeoutMs: DIAGNOSE_TIMEOUT_MS })
        .catch(() => undefined);
    const free = answer?.exitCode === 0 ? parseFreeSpace(answer.stdout) : undefined;
    const said = (0,errors/* errorMessage */.gJ)(error).replace(`${transport.label}: `, '');
    const enospc = /No space left on device|Disk quota exceeded/i.test(said);
    if (!free || (free.bytes >= need && !enospc))
        throw error;
    throw new host_transport/* HostError */.dh(transport.label, `${fullDisk(free, need)} (${said})`);
}

;// CONCATENATED MODULE: ./build/ncc/core/drivers/release-switch.js





/** The all-or-nothing switch of the releases driver, and the history written with it. */
const SCRIPT_TIMEOUT_MS = 60_000;
const REMOVE_TIMEOUT_MS = 600_000;
/** SWITCH_AND_RECORD's arguments after root and release (see LINK_AND_SWITCH). */
function switchRecordArgs(write) {
    const text = write.entries.map(e => (0,release_history/* formatHistoryLine */.kz)(e) + '\n').join('');
    return [write.unlock ?? '', text, ...write.remove];
}
/** For the deploy root `root`, working on `parallel` hosts at once. */
function releaseSwitcher(root, parallel) {
    /** Appends history lines, then removes the releases in `remove` (never the live one). */
    async function record(host, write) {
        const text = write.entries.map(e => (0,release_history/* formatHistoryLine */.kz)(e) + '\n').join('');
        const result = await host.transport.run(release_scripts/* RECORD */.gv, [root, text, ...write.remove], {
            timeoutMs: REMOVE_TIMEOUT_MS
        });
        (0,host_fleet/* requireOk */.Mo)(host, write.remove.length
            ? `recording history and removing ${write.remove.join(', ')}`
            : 'recording history', result, REMOVE_TIMEOUT_MS);
    }
    /**
     * Switches current; with `then`, the same command records history and prunes once the switch
     * is done. A failure after the switch is a warning: the host serves the new release.
     */
    async function switchTo(host, release, ctx, then, ran) {
        const what = `switching current to ${release || '(none)'}`;
        if (!then) {
            const result = await host.transport.run(release_scripts/* SWITCH */.Fo, [root, release], {
                timeoutMs: SCRIPT_TIMEOUT_MS
            });
            return (0,host_fleet/* requireOk */.Mo)(host, what, result, SCRIPT_TIMEOUT_MS);
        }
        const result = ran ??
            (await host.transport.run(release_scripts/* SWITCH_AND_RECORD */.tu, [root, release, ...switchRecordArgs(then)], {
                timeoutMs: REMOVE_TIMEOUT_MS
            }));
        if (!/^switched$/m.test(result.stdout))
            return (0,host_fleet/* requireOk */.Mo)(host, what, result, REMOVE_TIMEOUT_MS);
        host.unlocked = /^unlocked$/m.test(result.stdout);
        if (result.exitCode !== 0) {
            ctx.logger.warning(`${host.transport.label}: recording history or removing ${then.remove.join(', ') || 'nothing'} ${(0,process_runner/* describeExit */.K)(result, REMOVE_TIMEOUT_MS)}: ${(0,host_transport/* lastLines */.w$)(result.stderr)}`);
        }
    }
    /**
     * All or nothing: switch every host; if any switch fails, every host where a switch was
     * tried goes back to what it served before (a no-op where the switch never happened).
     * `recordOf` folds the history line and pruning into the switch command; after a failed
     * switch elsewhere, the caller's failure line marks that release bad again. `ran`: hosts whose
     * switch command already ran, folded into their upload (LINK_AND_SWITCH), with its answer.
     */
    async function switchAll(hosts, targetOf, ctx, recordOf, ran) {
        const results = await ctx.logger.group('Switch current on every host', () => (0,host_fleet/* forEachHost */.nY)(hosts, parallel, host => (0,host_fleet/* timed */.ay)(host, 'switch', async () => {
            host.switchTried = true;
            const write = recordOf?.(host);
            if (write?.remove.length)
                ctx.logger.info(`${host.transport.label}: removing ${write.remove.join(', ')}`);
            await switchTo(host, targetOf(host), ctx, write, ran?.get(host));
            ctx.logger.info(`${host.transport.label}: current -> releases/${targetOf(host)}`);
        })));
        if (results.every(r => r.ok))
            return;
        const back = hosts.filter(h => h.switchTried);
        const undo = await ctx.logger.group('Switch back', () => (0,host_fleet/* forEachHost */.nY)(back, parallel, async (host) => {
            await switchTo(host, host.live ?? '', ctx);
            ctx.logger.info(`${host.transport.label}: current -> ${host.live ? `releases/${host.live}` : '(none, as before)'}`);
        }));
        const stuck = back.filter((_, i) => !undo[i].ok).map(h => h.transport.label);
        (0,host_fleet/* failIfAny */.GO)(hosts, results, 'The switch', stuck.length === 0
            ? 'Every host was switched back to the release it served before.'
            : `Switching back FAILED on ${stuck.join(', ')}: check ${root}/current there.`);
    }
    return { record, switchAll };
}

;// CONCATENATED MODULE: ./build/ncc/core/drivers/release-plan.js
/** What a dry run of the releases driver says it would do, step by step. */
function releasesPlan(settings, request) {
    const root = settings.path;
    const hosts = settings.hosts.map(h => h.label).join(', ');
    const lines = [
        `hosts: ${hosts} (${settings.parallel} at a time); deploy root ${root}`,
        `lock ${root}/.shiprail/lock on every host (wait up to ${settings.lockTimeoutSeconds} s)`
    ];
    if (request.operation === 'rollback') {
        lines.push(`switch ${root}/current on every host to the newest kept release of ${request.version} that deployed successfully and is not marked bad (no upload)`, ...(settings.afterSwitch.trim() ? ['run after-switch on every host'] : []), `record the rollback in ${root}/.shiprail/history.jsonl and mark the release rolled back from as bad`);
    }
    else {
        lines.push(`upload ${settings.source} to ${root}/releases/<UTC time>-${request.version}/ on every host, hard-linking files unchanged since the live release (found by its manifest, or by comparing every file when the manifest is missing or does not match the disk)`, ...(settings.shared.length
            ? [
                `link ${settings.shared.map(s => (s.kind === 'dir' ? `${s.path}/` : s.path)).join(', ')} from ${root}/shared/ (a missing file fails the deploy; a missing directory is created)`
            ]
            : []), ...(settings.beforeSwitchOnce.trim()
            ? [
                `run ${settings.beforeSwitch.trim() ? 'before-switch, then ' : ''}before-switch-once in the new release on ${settings.hosts[0].label} only`
            ]
            : []), ...(settings.beforeSwitch.trim()
            ? [
                `run before-switch in the new release on every ${settings.beforeSwitchOnce.trim() ? 'other ' : ''}host`
            ]
            : []), `when every host is ready, switch ${root}/current to the new release (symlink + rename)`, ...(settings.afterSwitch.trim() ? ['run after-switch on every host'] : []), `record the deploy in ${root}/.shiprail/history.jsonl; keep ${settings.keepReleases} releases (plus the live one and the rollback target)`);
    }
    lines.push('unlock every host');
    return lines;
}

// EXTERNAL MODULE: ./build/ncc/core/drivers/release-source.js
var release_source = __webpack_require__(1630);
;// CONCATENATED MODULE: ./build/ncc/core/drivers/release-upload.js








const UPLOAD_TIMEOUT_MS = 3600_000;
const LINK_TIMEOUT_MS = 600_000;
const PROBLEMS = {
    missing: 'the live release has no manifest (deployed by an older Shiprail, or it was removed)',
    changed: 'files of the live release no longer match its manifest (edited on the host?)',
    unsupported: 'the host lacks GNU find, sort, comm, cut, grep, sed or cp',
    unreadable: 'the live release could not be read in full'
};
/**
 * Parses PREPARE's answer; undefined when it is not one. `parsed` holds manifests already
 * parsed (by text): hosts that run the same release share one parse and one upload plan.
 */
function parsePrepared(stdout, parsed = new Map()) {
    const block = manifestBlock(stdout);
    const rest = block ? stdout.slice(0, block.from) + stdout.slice(block.to) : stdout;
    const historyAt = `\n${rest}`.indexOf('\n--history--\n');
    if (historyAt < 0)
        return undefined;
    const out = {
        dirs: [],
        historyText: rest.slice(historyAt + '--history--\n'.length)
    };
    let vouched = false;
    for (const line of rest.slice(0, historyAt).split('\n')) {
        const [key, ...values] = line.split('\t');
        const value = values.join('\t');
        if (key === 'releases')
            out.releasesDir = value;
        else if (key === 'live' && value && !value.includes('/'))
            out.live = value;
        else if (key === 'dir')
            out.dirs.push(value);
        else if (key === 'free')
            out.free = parseFreeSpace(line);
        else if (key === 'prelink')
            out.prelinked = value === 'ready';
        else if (key === 'manifest' && values[0] === 'ok')
            vouched = true;
        else if (key === 'manifest') {
            out.manifestProblem =
                (PROBLEMS[values[0]] ?? `the manifest check answered ${JSON.stringify(value)}`) +
                    (values[1] ? ` (${values[1]} file(s))` : '');
        }
    }
    // The manifest comes before the host's check of its disk: it counts only once vouched for.
    if (block && vouched && out.manifestProblem === undefined) {
        if (!parsed.has(block.text))
            parsed.set(block.text, parseManifest(block.text));
        out.manifest = parsed.get(block.text);
        if (!out.manifest)
            out.manifestProblem = "the live release's manifest is in another format";
    }
    if (!out.manifest)
        out.prelinked = false;
    return out;
}
const MANIFEST_START = '\n--manifest--\n';
const MANIFEST_END = '--manifest-end--\n';
/** Where PREPARE's manifest (between its two marker lines) is in its output, and its text. */
function manifestBlock(stdout) {
    const start = `\n${stdout}`.indexOf(MANIFEST_START);
    if (start < 0)
        return undefined;
    const textAt = start + MANIFEST_START.length - 1;
    const end = stdout.indexOf(`\n${MANIFEST_END}`, textAt - 1);
    if (end < 0)
        return undefined;
    return { from: start, to: end + 1 + MANIFEST_END.length, text: stdout.slice(textAt, end + 1) };
}
/**
 * Reads PREPARE's output as it arrives: the manifest comes before the host checks its disk, so
 * it is parsed (into `parsed`, as parsePrepared would) while the host works, and `onManifest`
 * can start hashing the source with it. Nothing is trusted here: parsePrepared decides.
 */
function watchManifest(parsed, onManifest) {
    // The pieces as they came, joined once: appending to one string and searching it each time
    // flattened the whole megabyte again for every piece.
    const pieces = [];
    let tail = '';
    let done = false;
    return text => {
        if (done)
            return;
        pieces.push(text);
        const probe = tail + text;
        tail = probe.slice(-MANIFEST_END.length);
        if (probe.indexOf(`\n${MANIFEST_END}`) < 0)
            return;
        done = true;
        const block = manifestBlock(pieces.join(''));
        if (!block)
            return;
        if (!parsed.has(block.text))
            parsed.set(block.text, parseManifest(block.text));
        const manifest = parsed.get(block.text);
        if (manifest)
            onManifest(manifest);
    };
}
/** What LINK reads first: the paths it does not link, NUL-terminated. */
const dropPathsText = (plan) => plan.dropPaths.map(p => `${p}\0`).join('');
/** The manifest keys FINISH (or LINK's perl) drops when it merges manifests, one a line. */
const dropKeysText = (plan) => plan.dropKeys.map(k => `${k}\n`).join('');
/** Changed entries up to this many bytes go to a prelinked host on LINK's stdin, not by rsync. */
const IN_BAND_BYTES = 4 << 20;
/** The mode of the source's top directory, which rsync (not given `.`) leaves alone. */
function sourceMode(dir) {
    return ((0,external_node_fs_.statSync)(dir).mode & 0o7777).toString(8);
}
/**
 * LINK's stdin for an upload without rsync: the paths to drop, an empty one, then per entry to
 * send `<kind> <mode> <size> <path>\0` and its bytes (a file's content, a symlink's target);
 * `withManifest`: an empty header, then `<bytes> <bytes>\0`, the new manifest lines and the
 * manifest keys to drop (FINISH's work, done by the same command).
 */
async function inBandRecords(dir, plan, withManifest) {
    const parts = [Buffer.from(dropPathsText(plan) + '\0')];
    for (const entry of plan.sendEntries) {
        const full = (0,external_node_path_.join)(dir, entry.path);
        const data = entry.kind === 'file'
            ? await (0,promises_.readFile)(full)
            : entry.kind === 'symlink'
                ? Buffer.from(await (0,promises_.readlink)(full, { encoding: 'buffer' }))
                : Buffer.alloc(0);
        const kind = entry.kind === 'file' ? 'f' : entry.kind === 'symlink' ? 'l' : 'd';
        parts.push(Buffer.from(`${kind} ${entry.mode.toString(8)} ${data.length} ${entry.path}\0`), data);
    }
    if (withManifest) {
        // The end of the entries, then what FINISH would get: the new lines and the keys to drop.
        const keys = Buffer.from(dropKeysText(plan));
        const lines = Buffer.from(plan.newLines);
        parts.push(Buffer.from(`\0${lines.length} ${keys.length}\0`), lines, keys);
    }
    return Buffer.concat(parts);
}
function linkedCount(host, stdout) {
    const linked = /^linked\t(\d+)/m.exec(stdout);
    if (!linked)
        throw new host_transport/* HostError */.dh(host.transport.label, `unexpected answer: ${(0,host_transport/* lastLines */.w$)(stdout)}`);
    return Number(linked[1]);
}
/** Whole manifests by the deploy's source hashes: every host without a plan gets the same text. */
const wholeManifests = new WeakMap();
function wholeManifest(facts, sharedPaths) {
    let text = wholeManifests.get(facts);
    if (!text) {
        text = facts.then(f => fullManifest(f, sharedPaths));
        // Awaited after the upload; a hashing failure must not surface first as unhandled.
        text.catch(() => undefined);
        wholeManifests.set(facts, text);
    }
    return text;
}
/** FINISH on the host (see release-scripts.ts); its answer and the bytes it was sent. */
async function finishRelease(host, job, plan, manifest) {
    const drops = plan ? dropKeysText(plan) : '';
    const sent = plan ? plan.sentFiles.map(p => `${p}\0`).join('') : '';
    const result = await host.transport.run(release_scripts/* FINISH */.CV, [
        job.root,
        job.release,
        plan ? host.live : '',
        String(Buffer.byteLength(manifest)),
        String(Buffer.byteLength(drops)),
        host.live && !plan ? 'count' : '',
        ...job.shared.map(s => `${s.kind}:${s.path}`)
    ], { timeoutMs: LINK_TIMEOUT_MS, signal: job.signal, payload: manifest + drops + sent });
    const payloadBytes = Buffer.byteLength(manifest) + Buffer.byteLength(drops) + Buffer.byteLength(sent);
    return { ...result, payloadBytes };
}
/**
 * Puts the new release on one host. With a trusted manifest of the live release, unchanged
 * files are hard-linked on the host (LINK) and rsync sends only the rest (`--files-from`);
 * otherwise rsync compares every file (`--checksum`, hard-linking identical ones from the live
 * release), as before manifests existed. Then FINISH links shared paths and writes the new
 * release's manifest.
 */
async function uploadRelease(host, index, job) {
    const { root, release, source } = job;
    const sharedPaths = job.shared.map(s => s.path);
    const live = host.live;
    const linkDest = live ? `${host.releasesDir}/${live}/` : undefined;
    let plan;
    if (live && host.liveManifest) {
        const facts = await job.facts;
        plan = job.plans.get(host.liveManifest);
        if (!plan) {
            plan = planUpload(source.entries, facts, host.liveManifest, sharedPaths);
            job.plans.set(host.liveManifest, plan);
        }
    }
    host.uploadStarted = true;
    let payload = 0;
    let filesFrom;
    let linkedByScript;
    const upload = () => host.transport.upload(source.dir, `${root}/releases/${release}`, {
        linkDest,
        checksum: linkDest !== undefined,
        filesFrom,
        timeoutMs: UPLOAD_TIMEOUT_MS,
        signal: job.signal
    });
    // A first upload's manifest is built while rsync runs, once for all hosts.
    const text = plan ? Promise.resolve(plan.newLines) : wholeManifest(job.facts, sharedPaths);
    let stats;
    /** LINK's answer when it also did FINISH's work (no shared paths to link). */
    let finished;
    const inBand = plan !== undefined && host.prelinked === true && plan.sendBytes <= IN_BAND_BYTES;
    if (plan && inBand) {
        // The host renames its prelinked tree and writes the few changed entries itself: no rsync,
        // and without shared paths no FINISH either.
        const oneCommand = job.shared.length === 0;
        const thenSwitch = oneCommand ? job.thenSwitch : undefined;
        const records = await inBandRecords(source.dir, plan, oneCommand);
        let linked = await host.transport.run(thenSwitch ? release_scripts/* LINK_AND_SWITCH */.Co : release_scripts/* LINK */.ps, [
            root,
            release,
            live,
            sourceMode(source.dir),
            'prelinked',
            oneCommand ? 'inband-finish' : 'inband',
            ...(thenSwitch ? [root, release, ...thenSwitch.args] : [])
        ], { timeoutMs: LINK_TIMEOUT_MS, signal: job.signal, payload: records });
        if (thenSwitch && /^switching$/m.test(linked.stdout)) {
            // The release is whole; what the switch did is switchAll's to read.
            thenSwitch.ran.set(host, linked);
            linked = { ...linked, exitCode: 0 };
        }
        if (oneCommand)
            finished = linked;
        (0,host_fleet/* requireOk */.Mo)(host, 'hard-linking unchanged files and writing the changed ones', linked, LINK_TIMEOUT_MS);
        if (!/^sent\t\d+$/m.test(linked.stdout))
            throw new host_transport/* HostError */.dh(host.transport.label, `unexpected answer: ${(0,host_transport/* lastLines */.w$)(linked.stdout)}`);
        linkedByScript = linkedCount(host, linked.stdout);
        stats = { bytesSent: records.length, filesTransferred: plan.sentFiles.length };
    }
    else if (plan) {
        const drop = dropPathsText(plan);
        filesFrom = (0,external_node_path_.join)(job.workDir, `send-${index}`);
        await (0,promises_.writeFile)(filesFrom, plan.send.join('\0') + '\0');
        payload += Buffer.byteLength(drop);
        // rsync starts once LINK has made the release's directory (see LINK), and runs beside it.
        let begun;
        const started = new Promise(resolve => (begun = resolve));
        const prelink = host.prelinked ? 'prelinked' : '';
        const linking = host.transport.run(release_scripts/* LINK */.ps, [root, release, live, sourceMode(source.dir), prelink], {
            timeoutMs: LINK_TIMEOUT_MS,
            signal: job.signal,
            payload: drop,
            onLine: line => {
                if (line === 'started')
                    begun();
            }
        });
        const ended = await Promise.race([
            started.then(() => false),
            linking.then(() => true, () => true)
        ]);
        // Both are awaited before anything fails: a failed deploy removes the release, which must
        // not happen while either still writes into it.
        const [linked, sent] = await Promise.allSettled([linking, ended ? undefined : upload()]);
        if (linked.status === 'rejected')
            throw linked.reason;
        (0,host_fleet/* requireOk */.Mo)(host, 'hard-linking unchanged files', linked.value, LINK_TIMEOUT_MS);
        linkedByScript = linkedCount(host, linked.value.stdout);
        if (sent.status === 'rejected')
            throw sent.reason;
        stats = sent.value ?? (await upload());
    }
    else
        stats = await upload();
    let finish = finished;
    if (!finish) {
        const done = await finishRelease(host, job, plan, await text);
        payload += done.payloadBytes;
        finish = done;
    }
    const missing = [...finish.stdout.matchAll(/^missing-shared\t(.*)$/gm)].map(m => m[1]);
    if (missing.length) {
        const [what, is, it] = missing.length === 1 ? ['file', 'is', 'it'] : ['files', 'are', 'them'];
        throw new host_transport/* HostError */.dh(host.transport.label, `shared ${what} ${missing.join(', ')} ${is} missing: neither the build nor ${root}/shared/ has ${it}; create ${it} there (a directory belongs in shared-dirs, which creates it empty)`);
    }
    (0,host_fleet/* requireOk */.Mo)(host, 'linking shared paths', finish, LINK_TIMEOUT_MS);
    const filesLinked = linkedByScript ?? (live ? linkedCount(host, finish.stdout) : 0);
    host.report.bytesSent = stats.bytesSent + payload;
    host.report.filesLinked = filesLinked;
    host.report.unchangedBy = plan ? 'manifest' : live ? 'checksum' : undefined;
    const how = plan
        ? `${plan.keep} unchanged files found by the live release's manifest${inBand ? ', renamed from the tree prelinked after the last deploy; the changes went with that command, without rsync' : ''}`
        : live
            ? `unchanged files found by --checksum: ${host.manifestProblem ?? 'no manifest'}`
            : 'first release on this host';
    if (live && !plan)
        host.report.fallback = host.manifestProblem;
    if (/^manifest\tskipped/m.test(finish.stdout)) {
        job.logger.warning(`${host.transport.label}: the new release's manifest could not be written (the next deploy compares every file)`);
    }
    job.logger.info(`${host.transport.label}: ${host.report.bytesSent} bytes sent, ${host.report.filesLinked} files hard-linked from ${live ?? '(no live release)'}; ${how}`);
}

;// CONCATENATED MODULE: ./build/ncc/core/drivers/releases-driver.js




















const releases_driver_SCRIPT_TIMEOUT_MS = 60_000;
/** before-switch / after-switch have no input for a limit yet; an hour bounds a hung hook. */
const HOOK_TIMEOUT_MS = 3600_000;
/** History is read from its tail; old lines only matter for releases long pruned. */
const HISTORY_TAIL_BYTES = 512 * 1024;
/** PREPARE prints the live manifest (~100 bytes a file): room for 2 million files. */
const PREPARE_OUTPUT_BYTES = 256 * 1024 * 1024;
/** `driver: releases`: release directories switched by a symlink, on this machine or over SSH. */
function createReleasesDriver(settings) {
    const root = settings.path;
    const remote = settings.hosts.some(h => !h.local);
    const { record, switchAll } = releaseSwitcher(root, settings.parallel);
    const hookEnv = driver/* hookVariables */.hv;
    const sharedPaths = settings.shared.map(s => s.path);
    /** The source as preflight scanned it, when apply can use that scan. */
    let checked;
    const newHost = (transport, spec) => ({
        transport,
        report: { host: spec.label, phases: {} },
        releasesDir: `${root}/releases`,
        dirs: [],
        history: [],
        uploadStarted: false,
        switchTried: false
    });
    const warmFleet = (0,host_fleet/* fleetWarmer */.Bg)(settings, newHost);
    /** Reads what PREPARE reported with the lock (see acquireLocks). */
    function prepared(host, result, manifests) {
        (0,host_fleet/* requireOk */.Mo)(host, `preparing ${root}`, result, releases_driver_SCRIPT_TIMEOUT_MS);
        const facts = parsePrepared(result.stdout, manifests);
        if (!facts)
            throw new host_transport/* HostError */.dh(host.transport.label, `unexpected answer: ${(0,host_transport/* lastLines */.w$)(result.stdout)}`);
        host.history = (0,release_history/* parseHistory */.i6)(facts.historyText);
        host.releasesDir = facts.releasesDir ?? host.releasesDir;
        host.live = facts.live;
        host.dirs = facts.dirs;
        host.liveManifest = facts.manifest;
        host.manifestProblem = facts.manifestProblem;
        host.prelinked = facts.prelinked;
        host.free = facts.free;
    }
    async function runHook(host, release, hook, request, ctx) {
        const script = {
            'before-switch': settings.beforeSwitch,
            'before-switch-once': settings.beforeSwitchOnce,
            'after-switch': settings.afterSwitch
        }[hook];
        const result = await host.transport.run(release_scripts/* HOOK */.cc, [root, release, script, ...hookEnv(request)], {
            timeoutMs: HOOK_TIMEOUT_MS,
            signal: ctx.signal,
            onLine: line => ctx.logger.info(ctx.secrets.redact(`[${host.transport.label}] ${line}`))
        });
        if (result.exitCode !== 0) {
            throw new host_transport/* HostError */.dh(host.transport.label, `${hook} ${(0,process_runner/* describeExit */.K)(result, HOOK_TIMEOUT_MS)}`);
        }
    }
    async function deploy(hosts, request, source, hashing, plans, lockToken, ctx) {
        const { logger } = ctx;
        const release = (0,release_history/* releaseName */["do"])(ctx.clock.now(), request.version, hosts.flatMap(h => h.dirs));
        const entry = (outcome) => ({
            release,
            version: request.version,
            ref: request.ref,
            operation: 'deploy',
            time: ctx.clock.now().toISOString(),
            outcome,
            deploymentId: request.deploymentId
        });
        for (const host of hosts)
            host.report.release = release;
        logger.info(`Release ${release}: ${source.files} files to ${hosts.length} host(s)`);
        const abandon = async (err) => {
            // Cleanup must run even when the job was cancelled: no signal here.
            const started = hosts.filter(h => h.uploadStarted);
            await logger.group('Remove the unfinished release', () => (0,host_fleet/* forEachHost */.nY)(started, settings.parallel, async (host) => {
                await record(host, { entries: [entry('failure')], remove: [release] });
            }).then(results => results.forEach((r, i) => {
                if (!r.ok)
                    logger.warning(`${(0,host_fleet/* hostMessage */.yd)(started[i], r.error)} (the next deploy removes it)`);
            })));
            throw err;
        };
        const finalWrite = (host, ok) => {
            const done = entry(ok ? 'success' : 'failure');
            const remove = ok
                ? (0,release_history/* releasesToPrune */.W3)([...host.history, done], [...host.dirs, release], release, settings.keepReleases)
                : [];
            return { entries: [done], remove };
        };
        // Without after-switch the outcome is known once the switch is: one command per host.
        // With one host that command also unlocks: no other host's failed switch can then ask
        // it to switch back (with more hosts, that needs the lock until all are switched).
        const hooked = settings.afterSwitch.trim() !== '';
        const unlock = hosts.length === 1 ? lockToken : undefined;
        // Made once per host: a switch folded into the upload and switchAll's log use the same one.
        const writes = new Map();
        const recordOf = (host) => {
            let write = writes.get(host);
            if (!write)
                writes.set(host, (write = { ...finalWrite(host, true), unlock }));
            return write;
        };
        const everyHost = settings.beforeSwitch.trim() !== '';
        const once = settings.beforeSwitchOnce.trim() !== '';
        // One host and no hooks: nothing happens between its upload and its switch, so an in-band
        // upload switches in the same command (see LINK_AND_SWITCH); switchAll reads its answer.
        const ran = new Map();
        const fold = hosts.length === 1 && !hooked && !everyHost && !once;
        requireSpace(hosts, source.entries);
        const notSwitched = 'No host was switched; every host still serves its old release.';
        const workDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'shiprail-upload-'));
        let switched = false;
        try {
            const uploaded = await logger.group(`Upload release ${release}`, () => (0,host_fleet/* forEachHost */.nY)(hosts, settings.parallel, host => (0,host_fleet/* timed */.ay)(host, 'upload', () => uploadRelease(host, hosts.indexOf(host), {
                root,
                release,
                source,
                facts: hashing,
                shared: settings.shared,
                plans,
                workDir,
                signal: ctx.signal,
                logger,
                thenSwitch: fold ? { args: switchRecordArgs(recordOf(host)), ran } : undefined
            }).catch(err => explainUploadFailure(host, root, source.entries, ctx.signal, err)))));
            (0,host_fleet/* failIfAny */.GO)(hosts, uploaded, 'Upload', notSwitched);
            let waiting = hosts;
            if (once) {
                // Migrations: once, on the first host, where before-switch has installed what they
                // need, and before any other host's before-switch can start using the new schema.
                const [first, ...others] = hosts;
                waiting = others;
                const once = await logger.group(`before-switch-once on ${first.transport.label}`, () => (0,host_fleet/* forEachHost */.nY)([first], 1, async (host) => {
                    if (everyHost)
                        await (0,host_fleet/* timed */.ay)(host, 'before-switch', () => runHook(host, release, 'before-switch', request, ctx));
                    await (0,host_fleet/* timed */.ay)(host, 'before-switch-once', () => runHook(host, release, 'before-switch-once', request, ctx));
                }));
                (0,host_fleet/* failIfAny */.GO)([first], once, 'before-switch-once', notSwitched);
            }
            if (everyHost && waiting.length) {
                const ready = await logger.group('before-switch', () => (0,host_fleet/* forEachHost */.nY)(waiting, settings.parallel, host => (0,host_fleet/* timed */.ay)(host, 'before-switch', () => runHook(host, release, 'before-switch', request, ctx))));
                (0,host_fleet/* failIfAny */.GO)(waiting, ready, 'before-switch', notSwitched);
            }
            if (ctx.signal.aborted && ran.size === 0)
                throw new errors/* CheckFailedError */.CO('The deploy was cancelled before the switch; no host was switched.');
            await switchAll(hosts, () => release, ctx, hooked ? undefined : recordOf, ran);
            switched = true;
            if (!hooked)
                return { release, hosts: hosts.map(h => h.report) };
            const after = await afterSwitch(hosts, () => release, request, ctx);
            await logger.group('Record history and prune', () => (0,host_fleet/* forEachHost */.nY)(hosts, settings.parallel, async (host) => {
                const write = finalWrite(host, after.ok);
                if (write.remove.length)
                    logger.info(`${host.transport.label}: removing ${write.remove.join(', ')}`);
                await record(host, write);
            }).then(results => results.forEach((r, i) => {
                if (!r.ok)
                    logger.warning((0,host_fleet/* hostMessage */.yd)(hosts[i], r.error));
            })));
            if (!after.ok)
                throw after.error;
            return { release, hosts: hosts.map(h => h.report) };
        }
        catch (err) {
            if (!switched)
                return abandon(err);
            throw err;
        }
        finally {
            await (0,promises_.rm)(workDir, { recursive: true, force: true });
        }
    }
    function afterSwitch(hosts, releaseOf, request, ctx) {
        return (0,host_fleet/* afterSwitchAll */.GY)(settings.afterSwitch, hosts, settings.parallel, ctx, 'release', host => runHook(host, releaseOf(host), 'after-switch', request, ctx));
    }
    async function rollback(hosts, request, ctx) {
        const problems = [];
        for (const host of hosts) {
            const pick = (0,release_history/* pickRollbackRelease */.BC)(host.history, request.version, host.dirs);
            if (pick.ok)
                host.target = pick.release;
            else
                problems.push(`${host.transport.label}: ${pick.reason}`);
            host.report.release = host.target;
        }
        if (problems.length > 0) {
            throw new errors/* CheckFailedError */.CO(`Cannot roll back to ${request.version}: ${problems.join('; ')}. Nothing was changed.`);
        }
        for (const host of hosts) {
            ctx.logger.info(`${host.transport.label}: ${host.live ?? '(nothing live)'} -> ${host.target}`);
        }
        await switchAll(hosts, host => host.target, ctx);
        const after = await afterSwitch(hosts, host => host.target, request, ctx);
        const time = ctx.clock.now().toISOString();
        await ctx.logger.group('Record history', () => (0,host_fleet/* forEachHost */.nY)(hosts, settings.parallel, async (host) => {
            const entries = [];
            const from = host.live;
            if (from && from !== host.target) {
                const fromVersion = [...host.history].reverse().find(e => e.release === from)?.version ??
                    request.previousVersion ??
                    '';
                entries.push({
                    release: from,
                    version: fromVersion,
                    ref: '',
                    operation: 'rollback',
                    time,
                    outcome: 'rolled-back',
                    deploymentId: request.deploymentId,
                    bad: true
                });
            }
            entries.push({
                release: host.target,
                version: request.version,
                ref: request.ref,
                operation: 'rollback',
                time,
                outcome: after.ok ? 'success' : 'failure',
                deploymentId: request.deploymentId,
                ...(from && from !== host.target ? { rollbackOf: from } : {})
            });
            await record(host, { entries, remove: [] });
        }).then(results => results.forEach((r, i) => {
            if (!r.ok)
                ctx.logger.warning((0,host_fleet/* hostMessage */.yd)(hosts[i], r.error));
        })));
        if (!after.ok)
            throw after.error;
        return { release: hosts[0]?.target, hosts: hosts.map(h => h.report) };
    }
    return {
        name: 'releases',
        warm(ctx) {
            if (remote)
                warmFleet.warm(ctx);
        },
        dispose: () => warmFleet.dispose(),
        async preflight(ctx) {
            ctx.secrets.add(settings.sshKey);
            (0,host_fleet/* warnIfKeysUnverified */.xm)(settings, ctx.logger);
            if (settings.sharedPathsInput)
                ctx.logger.warning('shared-paths is deprecated: list files in shared-files and directories in shared-dirs (here an entry ending in / is a directory, any other a file).');
            if (remote)
                await (0,release_source/* requireTool */.Y0)('ssh', 'to reach remote hosts', ctx.run.env);
            if (settings.source) {
                await (0,release_source/* requireTool */.Y0)('rsync', 'to upload releases', ctx.run.env);
                const source = await (0,release_source/* prepareSource */.pY)((0,external_node_path_.resolve)(ctx.run.workspace, settings.source), ctx.signal, ctx.run.env);
                // The deploy that follows reads the same directory: its scan is not repeated. An
                // extracted archive is removed now, so that no path that skips apply leaves it behind.
                if (source.inPlace)
                    checked = source;
                else
                    await source.cleanup();
            }
        },
        plan: request => releasesPlan(settings, request),
        async apply(request, ctx) {
            ctx.secrets.add(settings.sshKey);
            const { logger } = ctx;
            let source;
            let hashing;
            const stopHashing = new AbortController();
            let fleet;
            try {
                if (request.operation === 'deploy') {
                    if (!settings.source)
                        throw new errors/* UserError */.yo(`Input 'source' is required to deploy with driver: releases.`);
                    source =
                        checked ??
                            (await (0,release_source/* prepareSource */.pY)((0,external_node_path_.resolve)(ctx.run.workspace, settings.source), ctx.signal, ctx.run.env));
                    checked = undefined;
                }
                fleet = await (0,host_fleet/* connectFleet */.Nd)(settings, ctx, newHost, await warmFleet.take());
                const { hosts } = fleet;
                const lock = (0,release_lock/* newLockInfo */.kq)(ctx.run.actor, ctx.run.runUrl, ctx.clock.now());
                const started = Date.now();
                // Hashing starts with the first live manifest a host prints, before its disk check ends
                // (see watchManifest); awaited only where needed, stopped if the deploy ends.
                const manifests = new Map();
                const plans = new Map();
                const startHashing = (known) => {
                    if (!source || hashing)
                        return;
                    const { dir, entries } = source;
                    const hashStart = Date.now();
                    const stop = AbortSignal.any([ctx.signal, stopHashing.signal]);
                    hashing = hashSource(dir, entries, stop, known);
                    hashing.then(facts => {
                        logger.info(`Source hashed in ${Date.now() - hashStart} ms`);
                        // The upload plan against the manifest just printed, made while the host still
                        // checks its disk; used only if the host then vouches for that manifest.
                        if (known && !plans.has(known)) {
                            plans.set(known, planUpload(entries, facts, known, sharedPaths));
                            // And the space it needs, which bytesNeeded remembers for requireSpace.
                            bytesNeeded(entries, undefined, known);
                        }
                    }, () => undefined);
                };
                const results = await logger.group('Lock', () => (0,release_lock/* acquireLocks */.x)(hosts.map(h => ({ transport: h.transport, root })), lock, {
                    timeoutSeconds: settings.lockTimeoutSeconds,
                    logger,
                    clock: ctx.clock,
                    signal: ctx.signal,
                    parallel: settings.parallel,
                    then: () => ({
                        body: release_scripts/* PREPARE */.IZ,
                        maxOutput: PREPARE_OUTPUT_BYTES,
                        onStdout: source ? watchManifest(manifests, startHashing) : undefined,
                        args: [
                            root,
                            String(HISTORY_TAIL_BYTES),
                            request.operation === 'deploy' ? 'manifest' : ''
                        ]
                    })
                }));
                try {
                    for (const host of hosts)
                        host.report.phases.lock = Date.now() - started;
                    const inspected = await (0,host_fleet/* forEachHost */.nY)(hosts, settings.parallel, async (host) => prepared(host, results.get(host.transport), manifests));
                    (0,host_fleet/* failIfAny */.GO)(hosts, inspected, 'Preparing', 'Nothing was changed.');
                    startHashing(hosts.find(h => h.liveManifest)?.liveManifest);
                    return request.operation === 'rollback'
                        ? await rollback(hosts, request, ctx)
                        : await deploy(hosts, request, source, hashing, plans, lock.token, ctx);
                }
                finally {
                    const locked = hosts.filter(h => !h.unlocked);
                    await (0,host_fleet/* forEachHost */.nY)(locked, settings.parallel, host => (0,release_lock/* releaseLock */.x_)(host.transport, root, lock, logger));
                }
            }
            finally {
                stopHashing.abort();
                await fleet?.close();
                await source?.cleanup();
            }
        }
    };
}


/***/ })

};
