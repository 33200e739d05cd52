export const id = 124;
export const ids = [124];
export const modules = {

/***/ 4124:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createReleasesDriver: () => (/* binding */ createReleasesDriver)
/* harmony export */ });
/* unused harmony exports checkReleaseTree, symlinkStaysInside */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5052);
/* harmony import */ var _process_runner_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2069);
/* harmony import */ var _host_transport_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6285);
/* harmony import */ var _release_history_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6911);
/* harmony import */ var _release_lock_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9124);









const CONNECT_TIMEOUT_MS = 30_000;
const SCRIPT_TIMEOUT_MS = 60_000;
const UPLOAD_TIMEOUT_MS = 3600_000;
/** before-switch / after-switch have no input for a limit yet; an hour bounds a hung hook. */
const HOOK_TIMEOUT_MS = 3600_000;
const REMOVE_TIMEOUT_MS = 600_000;
const EXTRACT_TIMEOUT_MS = 600_000;
/** History is read from its tail; old lines only matter for releases long pruned. */
const HISTORY_TAIL_BYTES = 512 * 1024;
/*
 * Host-side scripts. Each is a fixed function body run by `bash -s` on the host (see
 * hostScript); every value is a positional parameter, so nothing a user typed becomes code,
 * except the before-switch/after-switch scripts, which are meant to run and are passed as data
 * to `bash -c`.
 */
/**
 * Creates the layout and reports the live release, the real path of releases/, the release
 * directories and the tail of the history: one round trip, as every SSH command costs the
 * host's login shell start.
 */
const INSPECT = `
set -euo pipefail
root=$1
mkdir -p -- "$root/releases" "$root/shared" "$root/.shiprail"
cd -- "$root"
# Leftovers of a switch interrupted between ln and mv; the lock is ours, nobody else switches.
rm -f -- current.tmp-*
if [ -e current ] && [ ! -L current ]; then
  echo "$root/current exists and is not a symlink; move it away first" >&2
  exit 3
fi
rel=$(cd -P -- releases && pwd -P)
printf 'releases\\t%s\\n' "$rel"
if [ -L current ] && target=$(cd -P -- current 2>/dev/null && pwd -P); then
  case $target in "$rel"/*) printf 'live\\t%s\\n' "\${target#"$rel"/}" ;; esac
fi
for d in releases/*/; do
  [ -d "$d" ] || continue
  n=\${d#releases/}
  n=\${n%/}
  case $n in *$'\\n'*) continue ;; esac
  printf 'dir\\t%s\\n' "$n"
done
echo '--history--'
if [ -f .shiprail/history.jsonl ]; then tail -c "$2" .shiprail/history.jsonl; fi`;
/** Links shared paths into the new release, then counts files hard-linked from older releases. */
const FINISH_UPLOAD = `
set -euo pipefail
root=$1
dir=$root/releases/$2
shift 2
for p in "$@"; do
  src=$root/shared/$p
  if [ ! -e "$src" ] && [ ! -L "$src" ]; then
    # First deploy with this shared path: seed it from the release, or start empty.
    mkdir -p -- "$(dirname -- "$src")"
    if [ -e "$dir/$p" ]; then cp -a -- "$dir/$p" "$src"; else mkdir -p -- "$src"; fi
  fi
  mkdir -p -- "$(dirname -- "$dir/$p")"
  rm -rf -- "\${dir:?}/$p"
  ln -s -- "$src" "$dir/$p"
done
linked=$(find "$dir" -type f -links +1 -print0 | tr -cd '\\0' | wc -c)
printf 'linked\\t%s\\n' $linked`;
/** Runs a user hook in the release; the hook text is data here, run by bash -c. */
const HOOK = `
root=$1
release=$2
hook=$3
shift 3
cd -- "$root/releases/$release" || exit 1
export SHIPRAIL_PATH="$root" SHIPRAIL_RELEASE="$release" SHIPRAIL_RELEASE_PATH="$PWD"
while [ $# -ge 2 ]; do export "$1=$2"; shift 2; done
exec bash --noprofile --norc -eo pipefail -c "$hook" shiprail-hook </dev/null`;
/**
 * Points current at releases/$2 (or removes it when $2 is empty: undoing a first deploy).
 * A new symlink renamed over the old one: rename(2) is atomic, so a reader sees the old or
 * the new release, never a missing or half-written link. GNU mv needs -T, BSD mv -h, so that
 * mv replaces the link instead of moving into the directory it points to.
 */
const SWITCH = `
set -euo pipefail
cd -- "$1"
if [ -z "$2" ]; then rm -f -- current; exit 0; fi
if [ ! -d "releases/$2" ]; then echo "release $2 is missing" >&2; exit 3; fi
tmp="current.tmp-$$"
ln -sfn -- "releases/$2" "$tmp"
if mv --version >/dev/null 2>&1; then mv -T -- "$tmp" current; else mv -h -- "$tmp" current; fi`;
/**
 * Appends whole history lines with one write (bash's printf flushes once; >> is O_APPEND),
 * then removes the releases named after them, never the live one.
 */
const RECORD = `
set -uo pipefail
root=$1
printf '%s' "$2" >> "$root/.shiprail/history.jsonl" || exit 1
shift 2
cd -- "$root/releases" 2>/dev/null || exit 0
live=$(cd -P -- "$root/current" 2>/dev/null && pwd -P || true)
status=0
for n in "$@"; do
  case $n in '' | . | .. | */*) continue ;; esac
  [ -e "$n" ] || continue
  if [ -n "$live" ] && [ "$(cd -P -- "$n" && pwd -P)" = "$live" ]; then
    echo "not removing $n: it is live" >&2
    continue
  fi
  rm -rf -- "$n" || status=1
done
exit $status`;
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
    const message = (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error);
    return message.startsWith(`${host.transport.label}: `)
        ? message
        : `${host.transport.label}: ${message}`;
}
/** Throws one CheckFailedError naming every host where `phase` failed. */
function failIfAny(hosts, results, phase, consequence) {
    const failed = results
        .map((r, i) => (r.ok ? undefined : hostMessage(hosts[i], r.error)))
        .filter((m) => m !== undefined);
    if (failed.length === 0)
        return;
    const user = results.find(r => !r.ok && r.error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo);
    const text = `${phase} failed on ${failed.length} of ${hosts.length} host(s): ${failed.join('; ')}. ${consequence}`;
    if (user)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(text);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .CheckFailedError */ .CO(text);
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
    const detail = (0,_host_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .lastLines */ .w$)(result.stderr || result.stdout);
    throw new _host_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .HostError */ .dh(host.transport.label, `${what} ${(0,_process_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .describeExit */ .K)(result, timeoutMs)}: ${detail}`);
}
/**
 * Checks a release tree before anything changes. Symlinks are copied as links (never
 * followed), and are accepted only when they stay inside the release: a link to /etc or to
 * ../../ would let a web server serve files outside it. Shared data belongs in shared-paths.
 * Only files, directories and symlinks are accepted.
 */
async function checkReleaseTree(dir) {
    const root = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(dir);
    let files = 0;
    const problems = [];
    const pending = [root];
    while (pending.length > 0) {
        const current = pending.pop();
        for (const entry of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(current, { withFileTypes: true })) {
            const full = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(current, entry.name);
            const shown = JSON.stringify((0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(root, full));
            if (entry.isDirectory())
                pending.push(full);
            else if (entry.isFile())
                files++;
            else if (entry.isSymbolicLink()) {
                const target = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readlink)(full);
                if (!symlinkStaysInside(root, full, target, await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(full).catch(() => undefined))) {
                    problems.push(`${shown} is a symlink to ${JSON.stringify(target)}, outside the release`);
                }
            }
            else
                problems.push(`${shown} is not a file, directory or symlink`);
            if (problems.length >= 5)
                break;
        }
        if (problems.length >= 5)
            break;
    }
    if (problems.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`Input 'source' has entries a release cannot hold: ${problems.join('; ')}; expected files, directories and symlinks that point inside the release (use shared-paths for data outside it).`);
    }
    return files;
}
/** Pure part of the symlink rule: `real` is the link's resolved target, undefined when dangling. */
function symlinkStaysInside(root, link, target, real) {
    if ((0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(target))
        return false;
    const inside = (p) => p === root || p.startsWith(root + node_path__WEBPACK_IMPORTED_MODULE_2__.sep);
    if (!inside((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(link), target)))
        return false;
    // A dangling link cannot be resolved here; `..` through a linked directory could escape on
    // the host, so only plain downward targets are accepted.
    if (real === undefined)
        return !target.split(/[/\\]/).includes('..');
    return inside(real);
}
async function prepareSource(source, signal) {
    let info;
    try {
        info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(source);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`Input 'source' is ${JSON.stringify(source)}, which does not exist; expected a directory or a .tar.gz/.tgz file.`);
    }
    if (info.isDirectory()) {
        const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(source);
        return { dir, files: await checkReleaseTree(dir), cleanup: async () => { } };
    }
    if (!info.isFile() || !/\.(tar\.gz|tgz)$/.test(source)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`Input 'source' is ${JSON.stringify(source)}; expected a directory or a .tar.gz/.tgz file.`);
    }
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'shiprail-source-'));
    const cleanup = () => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
    try {
        // GNU and BSD tar both refuse members with `..` or absolute names by default.
        const result = await (0,_process_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .runProcess */ .R)('tar', {
            args: ['-xzf', (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(source), '-C', dir, '--no-same-owner'],
            timeoutMs: EXTRACT_TIMEOUT_MS,
            signal,
            capture: true
        });
        if (result.exitCode !== 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`Input 'source' (${JSON.stringify(source)}) could not be extracted: tar ${(0,_process_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .describeExit */ .K)(result, EXTRACT_TIMEOUT_MS)}: ${(0,_host_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .lastLines */ .w$)(result.stderr)}.`);
        }
        return { dir, files: await checkReleaseTree(dir), cleanup };
    }
    catch (err) {
        await cleanup();
        throw err;
    }
}
async function requireTool(tool, why) {
    try {
        await (0,_process_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .runProcess */ .R)(tool, { args: ['--version'], timeoutMs: 10_000, capture: true });
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`The releases driver needs \`${tool}\` on the runner (${why}); install it or use driver: command.`);
    }
}
/** `driver: releases`: release directories switched by a symlink, on this machine or over SSH. */
function createReleasesDriver(settings) {
    const root = settings.path;
    const remote = settings.hosts.some(h => !h.local);
    const hookEnv = (request) => [
        'SHIPRAIL_VERSION',
        request.version,
        'SHIPRAIL_PREVIOUS_VERSION',
        request.previousVersion ?? '',
        'SHIPRAIL_ENVIRONMENT',
        request.environment,
        'SHIPRAIL_REF',
        request.ref,
        'SHIPRAIL_DEPLOYMENT_ID',
        request.deploymentId,
        'SHIPRAIL_OPERATION',
        request.operation
    ];
    async function inspect(host) {
        const result = await host.transport.run(INSPECT, [root, String(HISTORY_TAIL_BYTES)], {
            timeoutMs: SCRIPT_TIMEOUT_MS
        });
        requireOk(host, `preparing ${root}`, result, SCRIPT_TIMEOUT_MS);
        const marker = result.stdout.indexOf('--history--\n');
        if (marker < 0)
            throw new _host_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .HostError */ .dh(host.transport.label, `unexpected answer: ${(0,_host_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .lastLines */ .w$)(result.stdout)}`);
        host.history = (0,_release_history_js__WEBPACK_IMPORTED_MODULE_7__/* .parseHistory */ .i6)(result.stdout.slice(marker + '--history--\n'.length));
        for (const line of result.stdout.slice(0, marker).split('\n')) {
            const [key, ...rest] = line.split('\t');
            const value = rest.join('\t');
            if (key === 'releases')
                host.releasesDir = value;
            else if (key === 'live' && value && !value.includes('/'))
                host.live = value;
            else if (key === 'dir')
                host.dirs.push(value);
        }
    }
    /** Appends history lines, then removes the releases in `remove` (never the live one). */
    async function record(host, entries, remove = []) {
        const text = entries.map(e => (0,_release_history_js__WEBPACK_IMPORTED_MODULE_7__/* .formatHistoryLine */ .kz)(e) + '\n').join('');
        const result = await host.transport.run(RECORD, [root, text, ...remove], {
            timeoutMs: REMOVE_TIMEOUT_MS
        });
        requireOk(host, remove.length ? `recording history and removing ${remove.join(', ')}` : 'recording history', result, REMOVE_TIMEOUT_MS);
    }
    async function switchTo(host, release) {
        const result = await host.transport.run(SWITCH, [root, release], {
            timeoutMs: SCRIPT_TIMEOUT_MS
        });
        requireOk(host, `switching current to ${release || '(none)'}`, result, SCRIPT_TIMEOUT_MS);
    }
    async function runHook(host, release, hook, request, ctx) {
        const result = await host.transport.run(HOOK, [root, release, hook, ...hookEnv(request)], {
            timeoutMs: HOOK_TIMEOUT_MS,
            signal: ctx.signal,
            onLine: line => ctx.logger.info(ctx.secrets.redact(`[${host.transport.label}] ${line}`))
        });
        if (result.exitCode !== 0) {
            throw new _host_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .HostError */ .dh(host.transport.label, `the script ${(0,_process_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .describeExit */ .K)(result, HOOK_TIMEOUT_MS)}`);
        }
    }
    /**
     * All or nothing: switch every host; if any switch fails, every host where a switch was
     * tried goes back to what it served before (a no-op where the switch never happened).
     */
    async function switchAll(hosts, targetOf, ctx) {
        const results = await ctx.logger.group('Switch current on every host', () => forEachHost(hosts, settings.parallel, host => timed(host, 'switch', async () => {
            host.switchTried = true;
            await switchTo(host, targetOf(host));
            ctx.logger.info(`${host.transport.label}: current -> releases/${targetOf(host)}`);
        })));
        if (results.every(r => r.ok))
            return;
        const back = hosts.filter(h => h.switchTried);
        const undo = await ctx.logger.group('Switch back', () => forEachHost(back, settings.parallel, async (host) => {
            await switchTo(host, host.live ?? '');
            ctx.logger.info(`${host.transport.label}: current -> ${host.live ? `releases/${host.live}` : '(none, as before)'}`);
        }));
        const stuck = back.filter((_, i) => !undo[i].ok).map(h => h.transport.label);
        failIfAny(hosts, results, 'The switch', stuck.length === 0
            ? 'Every host was switched back to the release it served before.'
            : `Switching back FAILED on ${stuck.join(', ')}: check ${root}/current there.`);
    }
    async function deploy(hosts, request, source, ctx) {
        const { logger } = ctx;
        const inspected = await forEachHost(hosts, settings.parallel, inspect);
        failIfAny(hosts, inspected, 'Preparing', 'Nothing was changed.');
        const release = (0,_release_history_js__WEBPACK_IMPORTED_MODULE_7__/* .releaseName */ ["do"])(ctx.clock.now(), request.version, hosts.flatMap(h => h.dirs));
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
            await logger.group('Remove the unfinished release', () => forEachHost(started, settings.parallel, async (host) => {
                await record(host, [entry('failure')], [release]);
            }).then(results => results.forEach((r, i) => {
                if (!r.ok)
                    logger.warning(`${hostMessage(started[i], r.error)} (the next deploy removes it)`);
            })));
            throw err;
        };
        try {
            const uploaded = await logger.group(`Upload release ${release}`, () => forEachHost(hosts, settings.parallel, host => timed(host, 'upload', async () => {
                const linkDest = host.live ? `${host.releasesDir}/${host.live}/` : undefined;
                host.uploadStarted = true;
                const stats = await host.transport.upload(source.dir, `${root}/releases/${release}`, {
                    linkDest,
                    timeoutMs: UPLOAD_TIMEOUT_MS,
                    signal: ctx.signal
                });
                const finish = await host.transport.run(FINISH_UPLOAD, [root, release, ...settings.sharedPaths.map(p => p.replace(/\/+$/, ''))], { timeoutMs: REMOVE_TIMEOUT_MS, signal: ctx.signal });
                requireOk(host, 'linking shared paths', finish, REMOVE_TIMEOUT_MS);
                const linked = /^linked\t(\d+)/m.exec(finish.stdout);
                host.report.bytesSent = stats.bytesSent;
                host.report.filesLinked = linked ? Number(linked[1]) : undefined;
                logger.info(`${host.transport.label}: ${stats.bytesSent} bytes sent, ${host.report.filesLinked ?? '?'} files hard-linked from ${host.live ?? '(no live release)'}`);
            })));
            failIfAny(hosts, uploaded, 'Upload', 'No host was switched; every host still serves its old release.');
            if (settings.beforeSwitch.trim() !== '') {
                const ready = await logger.group('before-switch', () => forEachHost(hosts, settings.parallel, host => timed(host, 'before-switch', () => runHook(host, release, settings.beforeSwitch, request, ctx))));
                failIfAny(hosts, ready, 'before-switch', 'No host was switched; every host still serves its old release.');
            }
            if (ctx.signal.aborted)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .CheckFailedError */ .CO('The deploy was cancelled before the switch; no host was switched.');
            await switchAll(hosts, () => release, ctx);
        }
        catch (err) {
            return abandon(err);
        }
        const after = await afterSwitch(hosts, () => release, request, ctx);
        await logger.group('Record history and prune', () => forEachHost(hosts, settings.parallel, async (host) => {
            const done = entry(after.ok ? 'success' : 'failure');
            const prune = after.ok
                ? (0,_release_history_js__WEBPACK_IMPORTED_MODULE_7__/* .releasesToPrune */ .W3)([...host.history, done], [...host.dirs, release], release, settings.keepReleases)
                : [];
            if (prune.length > 0)
                logger.info(`${host.transport.label}: removing ${prune.join(', ')}`);
            await record(host, [done], prune);
        }).then(results => results.forEach((r, i) => {
            if (!r.ok)
                logger.warning(hostMessage(hosts[i], r.error));
        })));
        if (!after.ok)
            throw after.error;
        return { release, hosts: hosts.map(h => h.report) };
    }
    async function afterSwitch(hosts, releaseOf, request, ctx) {
        if (settings.afterSwitch.trim() === '')
            return { ok: true };
        const results = await ctx.logger.group('after-switch', () => forEachHost(hosts, settings.parallel, host => timed(host, 'after-switch', () => runHook(host, releaseOf(host), settings.afterSwitch, request, ctx))));
        try {
            failIfAny(hosts, results, 'after-switch', `The new release stays live on every host (the switch is done); roll back if it is broken.`);
            return { ok: true };
        }
        catch (error) {
            return { ok: false, error };
        }
    }
    async function rollback(hosts, request, ctx) {
        const inspected = await forEachHost(hosts, settings.parallel, inspect);
        failIfAny(hosts, inspected, 'Preparing', 'Nothing was changed.');
        const problems = [];
        for (const host of hosts) {
            const pick = (0,_release_history_js__WEBPACK_IMPORTED_MODULE_7__/* .pickRollbackRelease */ .BC)(host.history, request.version, host.dirs);
            if (pick.ok)
                host.target = pick.release;
            else
                problems.push(`${host.transport.label}: ${pick.reason}`);
            host.report.release = host.target;
        }
        if (problems.length > 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .CheckFailedError */ .CO(`Cannot roll back to ${request.version}: ${problems.join('; ')}. Nothing was changed.`);
        }
        for (const host of hosts) {
            ctx.logger.info(`${host.transport.label}: ${host.live ?? '(nothing live)'} -> ${host.target}`);
        }
        await switchAll(hosts, host => host.target, ctx);
        const after = await afterSwitch(hosts, host => host.target, request, ctx);
        const time = ctx.clock.now().toISOString();
        await ctx.logger.group('Record history', () => forEachHost(hosts, settings.parallel, async (host) => {
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
            await record(host, entries);
        }).then(results => results.forEach((r, i) => {
            if (!r.ok)
                ctx.logger.warning(hostMessage(hosts[i], r.error));
        })));
        if (!after.ok)
            throw after.error;
        return { release: hosts[0]?.target, hosts: hosts.map(h => h.report) };
    }
    return {
        name: 'releases',
        async preflight(ctx) {
            ctx.secrets.add(settings.sshKey);
            if (remote)
                await requireTool('ssh', 'to reach remote hosts');
            if (settings.source) {
                await requireTool('rsync', 'to upload releases');
                const source = await prepareSource((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(ctx.run.workspace, settings.source), ctx.signal);
                await source.cleanup();
            }
        },
        plan(request) {
            const hosts = settings.hosts.map(h => h.label).join(', ');
            const lines = [
                `hosts: ${hosts} (${settings.parallel} at a time); deploy root ${root}`,
                `lock ${root}/.shiprail/lock on every host (wait up to ${settings.lockTimeoutSeconds} s)`
            ];
            if (request.operation === 'rollback') {
                lines.push(`switch ${root}/current on every host to the newest kept release of ${request.version} that deployed successfully and is not marked bad (no upload)`, ...(settings.afterSwitch.trim() ? ['run after-switch on every host'] : []), `record the rollback in ${root}/.shiprail/history.jsonl and mark the release rolled back from as bad`);
            }
            else {
                lines.push(`upload ${settings.source} to ${root}/releases/<UTC time>-${request.version}/ on every host, hard-linking files unchanged since the live release`, ...(settings.sharedPaths.length
                    ? [`link ${settings.sharedPaths.join(', ')} from ${root}/shared/`]
                    : []), ...(settings.beforeSwitch.trim()
                    ? ['run before-switch in the new release on every host']
                    : []), `when every host is ready, switch ${root}/current to the new release (symlink + rename)`, ...(settings.afterSwitch.trim() ? ['run after-switch on every host'] : []), `record the deploy in ${root}/.shiprail/history.jsonl; keep ${settings.keepReleases} releases (plus the live one and the rollback target)`);
            }
            lines.push('unlock every host');
            return lines;
        },
        async apply(request, ctx) {
            ctx.secrets.add(settings.sshKey);
            const { logger } = ctx;
            const env = ctx.run.env;
            if (remote && !settings.strictHostKeyChecking) {
                logger.warning('ssh-strict-host-key-checking is false: host keys are not verified, so a machine in the middle could receive this release. Set known-hosts to verify them.');
            }
            let source;
            let credentials;
            const hosts = [];
            try {
                if (request.operation === 'deploy') {
                    if (!settings.source)
                        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`Input 'source' is required to deploy with driver: releases.`);
                    source = await prepareSource((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(ctx.run.workspace, settings.source), ctx.signal);
                }
                if (remote) {
                    credentials = await _host_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .SshCredentials */ .B2.create(settings.sshKey, settings.knownHosts, settings.strictHostKeyChecking);
                }
                settings.hosts.forEach((spec, i) => hosts.push({
                    transport: spec.local
                        ? new _host_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .LocalTransport */ .Vu(env)
                        : new _host_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .SshTransport */ .e1(spec, credentials, i, env),
                    report: { host: spec.label, phases: {} },
                    releasesDir: `${root}/releases`,
                    dirs: [],
                    history: [],
                    uploadStarted: false,
                    switchTried: false
                }));
                const connected = await logger.group('Connect to hosts', () => forEachHost(hosts, settings.parallel, host => timed(host, 'connect', () => host.transport.connect(CONNECT_TIMEOUT_MS, ctx.signal))));
                failIfAny(hosts, connected, 'Connecting', 'Nothing was changed.');
                const lock = (0,_release_lock_js__WEBPACK_IMPORTED_MODULE_6__/* .newLockInfo */ .kq)(ctx.run.actor, ctx.run.runUrl, ctx.clock.now());
                const locked = [];
                try {
                    // One host after the other, in a fixed order: two deploys to the same hosts meet at
                    // the first one, so exactly one proceeds and neither holds half of the hosts.
                    await logger.group('Lock', async () => {
                        for (const host of [...hosts].sort((a, b) => a.transport.label.localeCompare(b.transport.label))) {
                            await timed(host, 'lock', () => (0,_release_lock_js__WEBPACK_IMPORTED_MODULE_6__/* .acquireLock */ .IZ)(host.transport, root, lock, {
                                timeoutSeconds: settings.lockTimeoutSeconds,
                                logger,
                                clock: ctx.clock,
                                signal: ctx.signal
                            }));
                            locked.push(host);
                        }
                    });
                    return request.operation === 'rollback'
                        ? await rollback(hosts, request, ctx)
                        : await deploy(hosts, request, source, ctx);
                }
                finally {
                    await forEachHost(locked, settings.parallel, host => (0,_release_lock_js__WEBPACK_IMPORTED_MODULE_6__/* .releaseLock */ .x_)(host.transport, root, lock, logger));
                }
            }
            finally {
                await Promise.all(hosts.map(h => h.transport.close()));
                await credentials?.dispose();
                await source?.cleanup();
            }
        }
    };
}


/***/ })

};
