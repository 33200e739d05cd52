export const id = 503;
export const ids = [503];
export const modules = {

/***/ 4503:
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
// EXTERNAL MODULE: ./build/ncc/core/process-runner.js
var process_runner = __webpack_require__(2069);
// EXTERNAL MODULE: ./build/ncc/core/drivers/host-transport.js
var host_transport = __webpack_require__(6285);
;// CONCATENATED MODULE: ./build/ncc/core/drivers/release-history.js
/**
 * `<path>/.shiprail/history.jsonl` on each host: one JSON line per deploy or rollback, appended
 * with a single O_APPEND write, so a reader sees whole lines (a line cut by a crash or by
 * reading only the file's tail is skipped). The functions here are pure: they decide from the
 * history and the release directories that exist, and never touch a host.
 */
/** `20261122T053012Z-1.4.2`: sortable UTC second, then the version (already a safe label). */
const RELEASE_NAME_PATTERN = /^\d{8}T\d{6}Z-[A-Za-z0-9][A-Za-z0-9._+-]{0,140}$/;
function isReleaseName(name) {
    return RELEASE_NAME_PATTERN.test(name);
}
/** The release name for a deploy at `now`, unique among `taken` (a second deploy in the same second gets `-2`). */
function releaseName(now, version, taken = []) {
    const stamp = now
        .toISOString()
        .replace(/\.\d+Z$/, 'Z')
        .replace(/[-:]/g, '');
    const safe = version.replace(/[^A-Za-z0-9._+-]/g, '_').slice(0, 128) || 'release';
    const base = `${stamp}-${safe}`;
    const used = new Set(taken);
    if (!used.has(base))
        return base;
    for (let n = 2;; n++)
        if (!used.has(`${base}-${n}`))
            return `${base}-${n}`;
}
function formatHistoryLine(entry) {
    return JSON.stringify(entry);
}
/** Parses history.jsonl; lines that are not whole entries (cut, hand-edited) are skipped. */
function parseHistory(text) {
    const entries = [];
    for (const line of text.split('\n')) {
        if (!line.trim())
            continue;
        try {
            const value = JSON.parse(line);
            if (typeof value.release !== 'string' || typeof value.version !== 'string')
                continue;
            if (!['success', 'failure', 'rolled-back'].includes(String(value.outcome)))
                continue;
            entries.push({
                release: value.release,
                version: value.version,
                ref: typeof value.ref === 'string' ? value.ref : '',
                operation: value.operation === 'rollback' ? 'rollback' : 'deploy',
                time: typeof value.time === 'string' ? value.time : '',
                outcome: value.outcome,
                deploymentId: typeof value.deploymentId === 'string' ? value.deploymentId : '',
                ...(typeof value.rollbackOf === 'string' ? { rollbackOf: value.rollbackOf } : {}),
                ...(value.bad === true ? { bad: true } : {})
            });
        }
        catch {
            // A line cut by a crash, or the first line of a tail read: not an entry.
        }
    }
    return entries;
}
function factsByRelease(history) {
    const facts = new Map();
    for (const e of history) {
        const f = facts.get(e.release) ?? { version: e.version, succeeded: false, bad: false };
        if (e.outcome === 'success')
            f.succeeded = true;
        if (e.outcome === 'rolled-back' || e.bad)
            f.bad = true;
        // A deploy that failed before its switch never went live; one that failed after it
        // (after-switch) did, and is not a known-good target either.
        if (e.outcome === 'failure' && e.operation === 'deploy')
            f.bad = true;
        facts.set(e.release, f);
    }
    return facts;
}
/** Releases that deployed successfully and were never marked bad, oldest first (by name = time). */
function goodReleases(history, existing) {
    const facts = factsByRelease(history);
    return [...new Set(existing)]
        .filter(name => isReleaseName(name))
        .filter(name => {
        const f = facts.get(name);
        return f !== undefined && f.succeeded && !f.bad;
    })
        .sort();
}
/**
 * The release a rollback to `version` switches to: the newest release of that version that
 * deployed successfully, is not marked bad, and still exists (when `existing` is given).
 */
function pickRollbackRelease(history, version, existing) {
    const present = existing ? new Set(existing) : undefined;
    const facts = factsByRelease(history);
    const candidates = [...facts.entries()]
        .filter(([name, f]) => f.version === version && f.succeeded && !f.bad && isReleaseName(name))
        .map(([name]) => name)
        .sort();
    const kept = candidates.filter(name => !present || present.has(name));
    if (kept.length > 0)
        return { ok: true, release: kept[kept.length - 1] };
    const keptVersions = present
        ? [...new Set(goodReleases(history, present).map(name => facts.get(name).version))]
        : [];
    const keptText = present
        ? keptVersions.length
            ? `releases still kept: ${keptVersions.join(', ')}`
            : 'no good release is kept'
        : '';
    let reason;
    if (candidates.length > 0) {
        reason = `the release of version ${version} was pruned (${candidates.join(', ')}); ${keptText}`;
    }
    else if ([...facts.values()].some(f => f.version === version)) {
        reason = `version ${version} has no release that deployed successfully and was not rolled back from; ${keptText}`;
    }
    else {
        reason = `version ${version} was never deployed here; ${keptText}`;
    }
    return { ok: false, reason: reason.replace(/; $/, ''), keptVersions };
}
/**
 * Release directories to remove after a successful switch. Kept: the live release, the newest
 * good release older than it and the newest good release of another version (the rollback
 * targets), and the newest `keep` good releases counting the live one. Everything else that
 * has a release name goes: older good releases, and releases that never went live or were
 * marked bad (a failed deploy, an upload cut by a killed deploy, a release rolled back from);
 * those do not count towards `keep`. Directories without a release name are not ours and stay.
 */
function releasesToPrune(history, existingDirs, live, keep) {
    const dirs = [...new Set(existingDirs)].filter(isReleaseName).sort();
    const good = goodReleases(history, dirs);
    const facts = factsByRelease(history);
    const protect = new Set();
    if (live)
        protect.add(live);
    const liveVersion = live ? facts.get(live)?.version : undefined;
    const older = good.filter(name => live === undefined || name < live);
    if (older.length)
        protect.add(older[older.length - 1]);
    const otherVersion = good.filter(name => name !== live && facts.get(name)?.version !== liveVersion);
    if (otherVersion.length)
        protect.add(otherVersion[otherVersion.length - 1]);
    const slots = Math.max(0, keep - (live ? 1 : 0));
    const newest = new Set(slots > 0 ? good.filter(name => name !== live).slice(-slots) : []);
    return dirs.filter(name => !protect.has(name) && !newest.has(name));
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./build/ncc/core/drivers/release-lock.js





/**
 * The deploy lock: the file `<path>/.shiprail/lock`, holding one JSON object. It is created
 * whole or not at all: the content goes to a private temp file, then `ln` makes the hard link
 * `lock`, which fails when `lock` exists (link(2) is atomic, also on NFS).
 *
 * Stale rule: a lock is taken over (with a warning) when
 * - it was taken on this machine (same host name and boot id) and that process is gone, or
 * - it is older than LOCK_MAX_AGE_MS (6 h: longer than a GitHub-hosted job may run), which
 *   covers a runner that vanished with the lock held.
 * Anything else is a live deploy: fail at once naming it, or wait up to `lock-timeout`.
 */
const LOCK_MAX_AGE_MS = 6 * 3600 * 1000;
function currentMachine() {
    let bootId = '';
    try {
        bootId = (0,external_node_fs_.readFileSync)('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    }
    catch {
        // Not Linux: the host name alone identifies the machine.
    }
    return { host: (0,external_node_os_.hostname)(), bootId };
}
function newLockInfo(holder, runUrl, now) {
    const machine = currentMachine();
    return {
        holder: holder || 'unknown',
        runUrl: runUrl || '',
        pid: process.pid,
        host: machine.host,
        bootId: machine.bootId,
        since: now.toISOString(),
        token: (0,external_node_crypto_.randomBytes)(12).toString('hex')
    };
}
function parseLockInfo(text) {
    try {
        const v = JSON.parse(text);
        if (typeof v.since !== 'string' || typeof v.pid !== 'number')
            return undefined;
        return {
            holder: String(v.holder ?? 'unknown'),
            runUrl: String(v.runUrl ?? ''),
            pid: v.pid,
            host: String(v.host ?? ''),
            bootId: String(v.bootId ?? ''),
            since: v.since,
            token: String(v.token ?? '')
        };
    }
    catch {
        return undefined;
    }
}
function pidAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (err) {
        // EPERM: it exists, it is just not ours.
        return err.code === 'EPERM';
    }
}
/** Why a lock is stale, or undefined when its holder may still be working. Pure. */
function staleReason(info, self, now, isAlive, maxAgeMs = LOCK_MAX_AGE_MS) {
    const since = Date.parse(info.since);
    if (info.host === self.host && info.bootId === self.bootId && !isAlive(info.pid)) {
        return `its process ${info.pid} on ${info.host} is gone`;
    }
    if (Number.isFinite(since) && now.getTime() - since > maxAgeMs) {
        return `it is older than ${Math.round(maxAgeMs / 3600_000)} h`;
    }
    return undefined;
}
function describeLock(info, raw) {
    if (!info)
        return `an unreadable lock (${JSON.stringify(raw.slice(0, 200))})`;
    return `${info.holder}${info.runUrl ? ` (${info.runUrl})` : ''} since ${info.since} (pid ${info.pid} on ${info.host})`;
}
const ACQUIRE = `
set -u
mkdir -p -- "$1/.shiprail" && cd -- "$1/.shiprail" || exit 1
if [ -d lock ]; then echo "$1/.shiprail/lock is a directory" >&2; exit 2; fi
tmp="lock.new-$3"
printf '%s\\n' "$2" > "$tmp" || exit 1
if ln -- "$tmp" lock 2>/dev/null; then rm -f -- "$tmp"; echo acquired; exit 0; fi
rm -f -- "$tmp"
echo held
cat lock 2>/dev/null
exit 0`;
/*
 * Move the stale lock aside, and check that what was moved is the lock we judged stale: if
 * another deploy took it over in between, we moved a live lock, so we put it back.
 */
const TAKE_OVER = `
set -u
cd -- "$1/.shiprail" || exit 1
moved="lock.stale-$4"
if ! mv -- lock "$moved" 2>/dev/null; then echo gone; exit 0; fi
if [ "$(cat -- "$moved")" != "$2" ]; then
  ln -- "$moved" lock 2>/dev/null
  rm -f -- "$moved"
  echo held
  cat lock 2>/dev/null
  exit 0
fi
rm -f -- "$moved"
echo gone`;
const RELEASE = `
cd -- "$1/.shiprail" 2>/dev/null || exit 0
if grep -qF -- "$2" lock 2>/dev/null; then rm -f -- lock; fi
exit 0`;
const SCRIPT_TIMEOUT_MS = 60_000;
const POLL_MS = 2000;
/** Takes the lock of `root` on one host. Throws CheckFailedError naming the holder. */
async function acquireLock(transport, root, info, options) {
    const json = JSON.stringify(info);
    const deadline = options.clock.now().getTime() + options.timeoutSeconds * 1000;
    const self = options.machine ?? currentMachine();
    const isAlive = options.isAlive ?? pidAlive;
    let waitingSaid = false;
    for (let attempt = 0;; attempt++) {
        const held = await runLockScript(transport, ACQUIRE, [root, json, info.token], options);
        if (held === undefined)
            return;
        // The lock vanished between our try and our read: try again.
        if (held === '' && attempt < 5)
            continue;
        const current = parseLockInfo(held);
        const stale = current && staleReason(current, self, options.clock.now(), isAlive);
        if (current && stale && attempt < 5) {
            options.logger.warning(`${transport.label}: taking over the stale lock of ${describeLock(current, held)}: ${stale}.`);
            const after = await runLockScript(transport, TAKE_OVER, [root, held, json, info.token], options);
            if (after === undefined)
                continue;
        }
        const now = options.clock.now().getTime();
        const holderText = describeLock(current, held);
        if (now >= deadline) {
            const waited = options.timeoutSeconds > 0 ? ` after waiting ${options.timeoutSeconds} s` : '';
            throw new errors/* CheckFailedError */.CO(`${transport.label}: ${root} is locked by another deploy${waited}: ${holderText}. ` +
                `Set lock-timeout to wait for it; if no deploy is running, remove ${root}/.shiprail/lock.`);
        }
        if (!waitingSaid) {
            options.logger.info(`${transport.label}: waiting up to ${options.timeoutSeconds} s for the lock of ${holderText}`);
            waitingSaid = true;
        }
        await options.clock.sleep(Math.min(POLL_MS, deadline - now), options.signal);
    }
}
/**
 * Runs a lock script; undefined when it ended without a holder ("acquired", or "gone": the
 * stale lock was moved away and the caller tries again), else the holder's lock content.
 */
async function runLockScript(transport, body, args, options) {
    const result = await transport.run(body, args, {
        timeoutMs: SCRIPT_TIMEOUT_MS,
        signal: options.signal
    });
    if (result.exitCode !== 0) {
        throw new host_transport/* HostError */.dh(transport.label, `could not take the lock: ${(0,host_transport/* lastLines */.w$)(result.stderr)}`);
    }
    const [first, ...rest] = result.stdout.split('\n');
    if (first === 'acquired')
        return undefined;
    if (first === 'gone' && body === TAKE_OVER)
        return undefined;
    if (first === 'held')
        return rest.join('\n').trim();
    throw new host_transport/* HostError */.dh(transport.label, `unexpected answer from the lock: ${(0,host_transport/* lastLines */.w$)(result.stdout)}`);
}
/** Removes the lock if it is still ours. Never throws; a failure is a warning. */
async function releaseLock(transport, root, info, logger) {
    try {
        const result = await transport.run(RELEASE, [root, info.token], {
            timeoutMs: SCRIPT_TIMEOUT_MS
        });
        if (result.exitCode !== 0)
            throw new Error((0,host_transport/* lastLines */.w$)(result.stderr));
    }
    catch (err) {
        logger.warning(`${transport.label}: could not remove the lock ${root}/.shiprail/lock (${err instanceof Error ? err.message : String(err)}); the next deploy will report it.`);
    }
}

;// CONCATENATED MODULE: ./build/ncc/core/drivers/releases-driver.js









const CONNECT_TIMEOUT_MS = 30_000;
const releases_driver_SCRIPT_TIMEOUT_MS = 60_000;
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
    const message = (0,errors/* errorMessage */.gJ)(error);
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
    const user = results.find(r => !r.ok && r.error instanceof errors/* UserError */.yo);
    const text = `${phase} failed on ${failed.length} of ${hosts.length} host(s): ${failed.join('; ')}. ${consequence}`;
    if (user)
        throw new errors/* UserError */.yo(text);
    throw new errors/* CheckFailedError */.CO(text);
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
    const detail = (0,host_transport/* lastLines */.w$)(result.stderr || result.stdout);
    throw new host_transport/* HostError */.dh(host.transport.label, `${what} ${(0,process_runner/* describeExit */.K)(result, timeoutMs)}: ${detail}`);
}
/**
 * Checks a release tree before anything changes. Symlinks are copied as links (never
 * followed), and are accepted only when they stay inside the release: a link to /etc or to
 * ../../ would let a web server serve files outside it. Shared data belongs in shared-paths.
 * Only files, directories and symlinks are accepted.
 */
async function checkReleaseTree(dir) {
    const root = await (0,promises_.realpath)(dir);
    let files = 0;
    const problems = [];
    const pending = [root];
    while (pending.length > 0) {
        const current = pending.pop();
        for (const entry of await (0,promises_.readdir)(current, { withFileTypes: true })) {
            const full = (0,external_node_path_.join)(current, entry.name);
            const shown = JSON.stringify((0,external_node_path_.relative)(root, full));
            if (entry.isDirectory())
                pending.push(full);
            else if (entry.isFile())
                files++;
            else if (entry.isSymbolicLink()) {
                const target = await (0,promises_.readlink)(full);
                if (!symlinkStaysInside(root, full, target, await (0,promises_.realpath)(full).catch(() => undefined))) {
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
        throw new errors/* UserError */.yo(`Input 'source' has entries a release cannot hold: ${problems.join('; ')}; expected files, directories and symlinks that point inside the release (use shared-paths for data outside it).`);
    }
    return files;
}
/** Pure part of the symlink rule: `real` is the link's resolved target, undefined when dangling. */
function symlinkStaysInside(root, link, target, real) {
    if ((0,external_node_path_.isAbsolute)(target))
        return false;
    const inside = (p) => p === root || p.startsWith(root + external_node_path_.sep);
    if (!inside((0,external_node_path_.resolve)((0,external_node_path_.dirname)(link), target)))
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
        info = await (0,promises_.stat)(source);
    }
    catch {
        throw new errors/* UserError */.yo(`Input 'source' is ${JSON.stringify(source)}, which does not exist; expected a directory or a .tar.gz/.tgz file.`);
    }
    if (info.isDirectory()) {
        const dir = await (0,promises_.realpath)(source);
        return { dir, files: await checkReleaseTree(dir), cleanup: async () => { } };
    }
    if (!info.isFile() || !/\.(tar\.gz|tgz)$/.test(source)) {
        throw new errors/* UserError */.yo(`Input 'source' is ${JSON.stringify(source)}; expected a directory or a .tar.gz/.tgz file.`);
    }
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'shiprail-source-'));
    const cleanup = () => (0,promises_.rm)(dir, { recursive: true, force: true });
    try {
        // GNU and BSD tar both refuse members with `..` or absolute names by default.
        const result = await (0,process_runner/* runProcess */.R)('tar', {
            args: ['-xzf', (0,external_node_path_.resolve)(source), '-C', dir, '--no-same-owner'],
            timeoutMs: EXTRACT_TIMEOUT_MS,
            signal,
            capture: true
        });
        if (result.exitCode !== 0) {
            throw new errors/* UserError */.yo(`Input 'source' (${JSON.stringify(source)}) could not be extracted: tar ${(0,process_runner/* describeExit */.K)(result, EXTRACT_TIMEOUT_MS)}: ${(0,host_transport/* lastLines */.w$)(result.stderr)}.`);
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
        await (0,process_runner/* runProcess */.R)(tool, { args: ['--version'], timeoutMs: 10_000, capture: true });
    }
    catch {
        throw new errors/* UserError */.yo(`The releases driver needs \`${tool}\` on the runner (${why}); install it or use driver: command.`);
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
            timeoutMs: releases_driver_SCRIPT_TIMEOUT_MS
        });
        requireOk(host, `preparing ${root}`, result, releases_driver_SCRIPT_TIMEOUT_MS);
        const marker = result.stdout.indexOf('--history--\n');
        if (marker < 0)
            throw new host_transport/* HostError */.dh(host.transport.label, `unexpected answer: ${(0,host_transport/* lastLines */.w$)(result.stdout)}`);
        host.history = parseHistory(result.stdout.slice(marker + '--history--\n'.length));
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
        const text = entries.map(e => formatHistoryLine(e) + '\n').join('');
        const result = await host.transport.run(RECORD, [root, text, ...remove], {
            timeoutMs: REMOVE_TIMEOUT_MS
        });
        requireOk(host, remove.length ? `recording history and removing ${remove.join(', ')}` : 'recording history', result, REMOVE_TIMEOUT_MS);
    }
    async function switchTo(host, release) {
        const result = await host.transport.run(SWITCH, [root, release], {
            timeoutMs: releases_driver_SCRIPT_TIMEOUT_MS
        });
        requireOk(host, `switching current to ${release || '(none)'}`, result, releases_driver_SCRIPT_TIMEOUT_MS);
    }
    async function runHook(host, release, hook, request, ctx) {
        const result = await host.transport.run(HOOK, [root, release, hook, ...hookEnv(request)], {
            timeoutMs: HOOK_TIMEOUT_MS,
            signal: ctx.signal,
            onLine: line => ctx.logger.info(ctx.secrets.redact(`[${host.transport.label}] ${line}`))
        });
        if (result.exitCode !== 0) {
            throw new host_transport/* HostError */.dh(host.transport.label, `the script ${(0,process_runner/* describeExit */.K)(result, HOOK_TIMEOUT_MS)}`);
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
        const release = releaseName(ctx.clock.now(), request.version, hosts.flatMap(h => h.dirs));
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
                throw new errors/* CheckFailedError */.CO('The deploy was cancelled before the switch; no host was switched.');
            await switchAll(hosts, () => release, ctx);
        }
        catch (err) {
            return abandon(err);
        }
        const after = await afterSwitch(hosts, () => release, request, ctx);
        await logger.group('Record history and prune', () => forEachHost(hosts, settings.parallel, async (host) => {
            const done = entry(after.ok ? 'success' : 'failure');
            const prune = after.ok
                ? releasesToPrune([...host.history, done], [...host.dirs, release], release, settings.keepReleases)
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
            const pick = pickRollbackRelease(host.history, request.version, host.dirs);
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
                const source = await prepareSource((0,external_node_path_.resolve)(ctx.run.workspace, settings.source), ctx.signal);
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
                        throw new errors/* UserError */.yo(`Input 'source' is required to deploy with driver: releases.`);
                    source = await prepareSource((0,external_node_path_.resolve)(ctx.run.workspace, settings.source), ctx.signal);
                }
                if (remote) {
                    credentials = await host_transport/* SshCredentials */.B2.create(settings.sshKey, settings.knownHosts, settings.strictHostKeyChecking, ctx.run.tempDir);
                }
                settings.hosts.forEach((spec, i) => hosts.push({
                    transport: spec.local
                        ? new host_transport/* LocalTransport */.Vu(env)
                        : new host_transport/* SshTransport */.e1(spec, credentials, i, env),
                    report: { host: spec.label, phases: {} },
                    releasesDir: `${root}/releases`,
                    dirs: [],
                    history: [],
                    uploadStarted: false,
                    switchTried: false
                }));
                const connected = await logger.group('Connect to hosts', () => forEachHost(hosts, settings.parallel, host => timed(host, 'connect', () => host.transport.connect(CONNECT_TIMEOUT_MS, ctx.signal))));
                failIfAny(hosts, connected, 'Connecting', 'Nothing was changed.');
                const lock = newLockInfo(ctx.run.actor, ctx.run.runUrl, ctx.clock.now());
                const locked = [];
                try {
                    // One host after the other, in a fixed order: two deploys to the same hosts meet at
                    // the first one, so exactly one proceeds and neither holds half of the hosts.
                    await logger.group('Lock', async () => {
                        for (const host of [...hosts].sort((a, b) => a.transport.label.localeCompare(b.transport.label))) {
                            await timed(host, 'lock', () => acquireLock(host.transport, root, lock, {
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
                    await forEachHost(locked, settings.parallel, host => releaseLock(host.transport, root, lock, logger));
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
