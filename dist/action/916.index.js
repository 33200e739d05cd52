export const id = 916;
export const ids = [916];
export const modules = {

/***/ 6599:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bF: () => (/* binding */ passed),
/* harmony export */   gz: () => (/* binding */ failed),
/* harmony export */   mj: () => (/* binding */ hostChecks),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* unused harmony export MIN_FREE_BYTES */
/* harmony import */ var _drivers_release_lock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9124);

const passed = (name, detail) => ({
    name,
    ok: true,
    detail,
    fix: ''
});
const failed = (name, detail, fix) => ({
    name,
    ok: false,
    detail,
    fix
});
/** Without a `source` to measure, less free space than this is reported as a problem. */
const MIN_FREE_BYTES = 100 * 1024 * 1024;
function formatBytes(bytes) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
/** The checks that follow from what the probe saw on one host. Pure. */
function hostChecks(facts, options) {
    const containers = options.driver === 'containers';
    return [
        programsCheck(facts, options.programs),
        ...(containers && facts.programs.docker ? [dockerCheck(facts)] : []),
        pathCheck(facts),
        diskCheck(facts, options.releaseBytes),
        lockCheck(facts, options),
        containers ? liveFromHistory(facts) : liveCheck(facts)
    ];
}
function dockerCheck(facts) {
    if (facts.dockerServer)
        return passed('docker', `dockerd ${facts.dockerServer} answers`);
    const user = facts.user || 'the deploy user';
    return failed('docker', `${user} cannot reach dockerd: ${facts.dockerError ?? 'no answer'}`, /permission denied/i.test(facts.dockerError ?? '')
        ? `On the host: sudo usermod -aG docker ${user} (then log in again).`
        : 'Start the Docker engine on the host (sudo systemctl enable --now docker).');
}
/** Containers have no `current`: what is live is the newest successful line of history. */
function liveFromHistory(facts) {
    const entry = [...facts.history].reverse().find(e => e.outcome === 'success');
    if (!entry)
        return passed('live', 'nothing yet (no successful deploy in history): the first deploy');
    return passed('live', `${entry.version} (release ${entry.release}, ${entry.operation} at ${entry.time})`);
}
function programsCheck(facts, programs) {
    const missing = programs.filter(p => facts.missing.includes(p) || !(p in facts.programs));
    if (missing.length === 0)
        return passed('programs', programs.join(', '));
    const debian = missing.map(p => (p === 'docker' ? 'docker.io' : p)).join(' ');
    return failed('programs', `not found on the PATH of ${facts.user || 'the login user'}: ${missing.join(', ')}`, `Install them on the host (Debian/Ubuntu: sudo apt-get install -y ${debian}; Fedora/RHEL: sudo dnf install -y ${missing.join(' ')}).`);
}
function pathCheck(facts) {
    const user = facts.user || 'the deploy user';
    if (facts.existingNotDir) {
        return failed('path', `${facts.existing} is not a directory`, `Choose another path, or move ${facts.existing} away on the host.`);
    }
    if (facts.unwritable.length) {
        const list = facts.unwritable.map(u => `${u.path} (owner ${u.owner || 'unknown'})`).join(', ');
        const fix = facts.existing === facts.root
            ? `On the host: sudo chown -R ${user}: ${facts.root}`
            : `On the host: sudo install -d -o ${user} -g ${user} -m 755 ${facts.root}`;
        return failed('path', `${user} cannot write ${list}`, `${fix} (docs/hosts.md).`);
    }
    if (facts.existing !== facts.root) {
        return passed('path', `${facts.root} does not exist yet; ${user} can create it in ${facts.existing}`);
    }
    return passed('path', `${facts.root} is writable by ${user}`);
}
function diskCheck(facts, releaseBytes) {
    if (facts.freeKiB === undefined || !Number.isFinite(facts.freeKiB)) {
        return failed('disk', `could not read free space of ${facts.existing}`, 'Check `df -P` works on the host.');
    }
    const free = facts.freeKiB * 1024;
    const where = `on ${facts.mount || facts.existing}`;
    if (releaseBytes !== undefined) {
        if (free < releaseBytes) {
            return failed('disk', `${formatBytes(free)} free ${where}; the release needs ${formatBytes(releaseBytes)}`, `Free at least ${formatBytes(releaseBytes - free)} on the host (old releases beyond keep-releases, logs, package caches) or grow the disk.`);
        }
        return passed('disk', `${formatBytes(free)} free ${where}; the release needs ${formatBytes(releaseBytes)}`);
    }
    if (free < MIN_FREE_BYTES) {
        return failed('disk', `${formatBytes(free)} free ${where}, under ${formatBytes(MIN_FREE_BYTES)}`, 'Free space on the host (old releases, logs, package caches) or grow the disk; give --source to compare with the release size.');
    }
    return passed('disk', `${formatBytes(free)} free ${where}`);
}
function lockCheck(facts, options) {
    const file = `${facts.root}/.shiprail/lock`;
    if (facts.lockIsDir) {
        return failed('lock', `${file} is a directory`, `Remove it on the host: rmdir ${file}`);
    }
    if (facts.lock === undefined)
        return passed('lock', 'free');
    const info = (0,_drivers_release_lock_js__WEBPACK_IMPORTED_MODULE_0__/* .parseLockInfo */ .BF)(facts.lock);
    const holder = (0,_drivers_release_lock_js__WEBPACK_IMPORTED_MODULE_0__/* .describeLock */ .FD)(info, facts.lock);
    const stale = info && (0,_drivers_release_lock_js__WEBPACK_IMPORTED_MODULE_0__/* .staleReason */ .Wf)(info, options.machine, options.now, options.isAlive);
    if (stale) {
        // A deploy takes a stale lock over by itself (release-lock.ts), so it is not a problem.
        return passed('lock', `stale: held by ${holder}; ${stale}, so the next deploy takes it over`);
    }
    return failed('lock', `held by ${holder}`, `A deploy is running: wait for it, or set lock-timeout to wait. If none is running, remove ${file} on the host.`);
}
function liveCheck(facts) {
    const current = `${facts.root}/current`;
    if (facts.currentNotLink) {
        return failed('live', `${current} exists and is not a symlink`, `Move ${current} away on the host; a deploy makes it a symlink to the live release.`);
    }
    if (facts.current === undefined)
        return passed('live', 'nothing yet (no current): the first deploy');
    if (facts.currentResolved === undefined) {
        return failed('live', `${current} points to ${facts.current}, which does not exist`, 'Deploy again, or roll back to a kept release (shiprail rollback).');
    }
    const release = facts.currentResolved.split('/').pop() ?? '';
    const entry = [...facts.history]
        .reverse()
        .find(e => e.release === release && e.outcome === 'success');
    if (!entry)
        return passed('live', `${release} (not in ${facts.root}/.shiprail/history.jsonl)`);
    return passed('live', `${entry.version} (release ${release}, ${entry.operation} at ${entry.time})`);
}


/***/ }),

/***/ 6911:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BC: () => (/* binding */ pickRollbackRelease),
/* harmony export */   W3: () => (/* binding */ releasesToPrune),
/* harmony export */   "do": () => (/* binding */ releaseName),
/* harmony export */   i6: () => (/* binding */ parseHistory),
/* harmony export */   kz: () => (/* binding */ formatHistoryLine)
/* harmony export */ });
/* unused harmony exports RELEASE_NAME_PATTERN, isReleaseName, goodReleases */
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
                ...(value.bad === true ? { bad: true } : {}),
                ...(typeof value.image === 'string' ? { image: value.image } : {}),
                ...(Array.isArray(value.runArgs) && value.runArgs.every(a => typeof a === 'string')
                    ? { runArgs: value.runArgs }
                    : {})
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
            : 'no known-good release is kept'
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


/***/ }),

/***/ 9124:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BF: () => (/* binding */ parseLockInfo),
/* harmony export */   FD: () => (/* binding */ describeLock),
/* harmony export */   Wf: () => (/* binding */ staleReason),
/* harmony export */   j4: () => (/* binding */ currentMachine),
/* harmony export */   kq: () => (/* binding */ newLockInfo),
/* harmony export */   pl: () => (/* binding */ pidAlive),
/* harmony export */   x: () => (/* binding */ acquireLocks),
/* harmony export */   x_: () => (/* binding */ releaseLock)
/* harmony export */ });
/* unused harmony export LOCK_MAX_AGE_MS */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5052);
/* harmony import */ var _host_transport_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6285);





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
        bootId = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    }
    catch {
        // Not Linux: the host name alone identifies the machine.
    }
    return { host: (0,node_os__WEBPACK_IMPORTED_MODULE_2__.hostname)(), bootId };
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
        token: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(12).toString('hex')
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
/** Exit status of the lock scripts when the deploy user cannot write under the deploy path. */
const UNWRITABLE = 3;
/**
 * The error for a lock script that failed: a path the deploy user cannot write is said as
 * such (with the fix), not as a lock problem.
 */
function lockScriptError(label, root, result) {
    const said = (0,_host_transport_js__WEBPACK_IMPORTED_MODULE_4__/* .lastLines */ .w$)(result.stderr || result.stdout);
    if (result.exitCode === UNWRITABLE) {
        return new _host_transport_js__WEBPACK_IMPORTED_MODULE_4__/* .HostError */ .dh(label, `cannot write to ${root}/.shiprail (${said}): the deploy user needs a writable path; create ${root} owned by the deploy user (docs/hosts.md) or set path to one it can write`);
    }
    return new _host_transport_js__WEBPACK_IMPORTED_MODULE_4__/* .HostError */ .dh(label, `could not take the lock: ${said}`);
}
const SCRIPT_TIMEOUT_MS = 60_000;
const POLL_MS = 2000;
/**
 * Moves a lock judged stale out of the way (TAKE_OVER): undefined when it is gone and the
 * caller may try again, else the content of the lock that holds it now.
 */
async function takeOver(transport, root, stale, info, options) {
    const result = await transport.run(TAKE_OVER, [root, stale, JSON.stringify(info), info.token], {
        timeoutMs: SCRIPT_TIMEOUT_MS,
        signal: options.signal
    });
    if (result.exitCode !== 0) {
        throw new _host_transport_js__WEBPACK_IMPORTED_MODULE_4__/* .HostError */ .dh(transport.label, `could not take the lock: ${(0,_host_transport_js__WEBPACK_IMPORTED_MODULE_4__/* .lastLines */ .w$)(result.stderr)}`);
    }
    const [first, ...rest] = result.stdout.split('\n');
    if (first === 'gone')
        return undefined;
    if (first === 'held')
        return rest.join('\n').trim();
    throw new _host_transport_js__WEBPACK_IMPORTED_MODULE_4__/* .HostError */ .dh(transport.label, `unexpected answer from the lock: ${(0,_host_transport_js__WEBPACK_IMPORTED_MODULE_4__/* .lastLines */ .w$)(result.stdout)}`);
}
/** Removes the lock if it is still ours. Never throws; a failure is a warning. */
async function releaseLock(transport, root, info, logger) {
    try {
        const result = await transport.run(RELEASE, [root, info.token], {
            timeoutMs: SCRIPT_TIMEOUT_MS
        });
        if (result.exitCode !== 0)
            throw new Error((0,_host_transport_js__WEBPACK_IMPORTED_MODULE_4__/* .lastLines */ .w$)(result.stderr));
    }
    catch (err) {
        logger.warning(`${transport.label}: could not remove the lock ${root}/.shiprail/lock (${err instanceof Error ? err.message : String(err)}); the next deploy will report it.`);
    }
}
/**
 * Takes the lock, then runs the caller's script (if any) in the same command, so locking and
 * preparing cost one SSH command.
 */
function acquireThen(body) {
    return `
shiprail_then() {
${body}
}
set -u
start=$PWD
mkdir -p -- "$1/.shiprail" && cd -- "$1/.shiprail" || exit 3
if [ -d lock ]; then echo "$1/.shiprail/lock is a directory" >&2; exit 2; fi
tmp="lock.new-$3"
printf '%s\\n' "$2" > "$tmp" || exit 3
if ln -- "$tmp" lock 2>/dev/null; then
  rm -f -- "$tmp"
  echo acquired
  cd -- "$start" || exit 1
  shift 3
  shiprail_then "$@"
  exit $?
fi
rm -f -- "$tmp"
echo held
cat lock 2>/dev/null
exit 0`;
}
/** One try at one host's lock, taking over a stale lock on the way (see staleReason). */
async function tryLock({ transport, root }, info, options, then = { body: ':', args: [] }) {
    const json = JSON.stringify(info);
    const self = options.machine ?? currentMachine();
    const isAlive = options.isAlive ?? pidAlive;
    const body = acquireThen(then.body);
    for (let attempt = 0;; attempt++) {
        const result = await transport.run(body, [root, json, info.token, ...then.args], {
            timeoutMs: SCRIPT_TIMEOUT_MS,
            signal: options.signal,
            maxOutput: then.maxOutput,
            onStdout: then.onStdout
        });
        // The first line says which; PREPARE's answer after it may hold a megabyte of manifest.
        const eol = result.stdout.indexOf('\n');
        const first = eol < 0 ? result.stdout : result.stdout.slice(0, eol);
        const rest = eol < 0 ? '' : result.stdout.slice(eol + 1);
        if (first === 'acquired')
            return { acquired: true, result: { ...result, stdout: rest } };
        if (result.exitCode !== 0 || first !== 'held')
            throw lockScriptError(transport.label, root, result);
        const held = rest.trim();
        // The lock vanished between our try and our read: try again.
        if (held === '' && attempt < 5)
            continue;
        const current = parseLockInfo(held);
        const stale = current && staleReason(current, self, options.clock.now(), isAlive);
        if (current && stale && attempt < 5) {
            options.logger.warning(`${transport.label}: taking over the stale lock of ${describeLock(current, held)}: ${stale}.`);
            const after = await takeOver(transport, root, held, info, options);
            if (after === undefined)
                continue;
            return { acquired: false, holder: describeLock(parseLockInfo(after), after) };
        }
        return { acquired: false, holder: describeLock(current, held) };
    }
}
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            try {
                results[i] = { status: 'fulfilled', value: await fn(items[i]) };
            }
            catch (reason) {
                results[i] = { status: 'rejected', reason };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}
/**
 * How long the holder of the first host waits for the others beyond lock-timeout: a deploy
 * that lost the first host lets go of the others within a round trip or two.
 */
const GATE_GRACE_MS = 5000;
const BACKOFF_MS = 250;
/**
 * Takes the lock of each target's root on every host at once, each in one command with its
 * follow-up script (if any), and returns each host's result (its follow-up's output). Two
 * deploys started together must not each hold some hosts and wait for the rest forever, so the
 * hosts have a fixed order (by label) and the first one decides: a deploy that did not get it
 * lets go of every lock it took and backs off (with jitter) until lock-timeout; the one that got
 * it keeps its locks and retries the hosts it missed, for up to GATE_GRACE_MS longer. Exactly
 * one of two deploys to the same hosts proceeds. On failure no lock of ours is left; on success
 * the caller releases them.
 */
async function acquireLocks(targets, info, options) {
    const order = [...targets].sort((a, b) => a.transport.label.localeCompare(b.transport.label));
    const gate = order[0];
    const held = new Map();
    const started = options.clock.now().getTime();
    const deadline = started + options.timeoutSeconds * 1000;
    const letGo = async () => {
        const ours = [...held.keys()];
        held.clear();
        await mapLimit(ours, options.parallel, t => releaseLock(t.transport, t.root, info, options.logger));
    };
    let waitingSaid = false;
    try {
        for (;;) {
            const todo = order.filter(t => !held.has(t));
            const outcomes = await mapLimit(todo, options.parallel, t => tryLock(t, info, options, options.then?.(t.transport)));
            let blocked;
            let failure;
            outcomes.forEach((o, i) => {
                if (o.status === 'rejected')
                    failure ??= o.reason;
                else if (o.value.acquired)
                    held.set(todo[i], o.value.result);
                else
                    blocked ??= { target: todo[i], holder: o.value.holder };
            });
            if (failure !== undefined)
                throw failure;
            if (!blocked)
                return new Map([...held].map(([t, result]) => [t.transport, result]));
            const haveGate = held.has(gate);
            if (!haveGate)
                await letGo();
            const now = options.clock.now().getTime();
            if (now >= (haveGate ? Math.max(deadline, started + GATE_GRACE_MS) : deadline)) {
                const waited = options.timeoutSeconds > 0 ? ` after waiting ${options.timeoutSeconds} s` : '';
                const { transport, root } = blocked.target;
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .CheckFailedError */ .CO(`${transport.label}: ${root} is locked by another deploy${waited}: ${blocked.holder}. ` +
                    `Set lock-timeout to wait for it; if no deploy is running, remove ${root}/.shiprail/lock.`);
            }
            if (!waitingSaid && now < deadline) {
                options.logger.info(`${blocked.target.transport.label}: waiting up to ${options.timeoutSeconds} s for the lock of ${blocked.holder}`);
                waitingSaid = true;
            }
            const pause = haveGate ? BACKOFF_MS : Math.min(POLL_MS, deadline - now);
            await options.clock.sleep(Math.max(1, Math.round(pause * (0.5 + Math.random()))), options.signal);
        }
    }
    catch (err) {
        await letGo();
        throw err;
    }
}


/***/ }),

/***/ 9504:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CV: () => (/* binding */ FINISH),
  cc: () => (/* binding */ HOOK),
  ps: () => (/* binding */ LINK),
  Co: () => (/* binding */ LINK_AND_SWITCH),
  IZ: () => (/* binding */ PREPARE),
  gv: () => (/* binding */ RECORD),
  Fo: () => (/* binding */ SWITCH),
  tu: () => (/* binding */ SWITCH_AND_RECORD),
  FP: () => (/* binding */ freeSpace)
});

;// CONCATENATED MODULE: ./build/ncc/core/drivers/release-perl.js
/*
 * The perl programs of the releases driver's host scripts (release-scripts.ts), each run with
 * \`perl -e\` and its values as arguments. perl-base is essential on Debian and Ubuntu; where
 * perl is missing, the scripts fall back to the shell tools.
 */
/**
 * The perl sub `dir`, `mkdir -p` below the directory in the perl variable `base`, each directory
 * made once (%made): the prelinking and the linking programs both build a release's tree with it.
 */
const makeParents = (base) => String.raw `sub dir {
  my ($d) = @_;
  return if $made{$d}++;
  my $i = rindex($d, '/');
  dir(substr($d, 0, $i)) if $i > 0;
  mkdir("${base}/$d") or $!{EEXIST} or die "mkdir ${base}/$d: $!
";
}`;
/**
 * Compares a tree with a stat snapshot, with perl: stdin holds `find -printf '%i %s %T@ %m %P\0'`
 * of the tree, $1 is the snapshot. Prints how many snapshot lines the disk no longer matches
 * (what `sort | comm -23` counts); with $2 = `exact`, files the snapshot lacks count too.
 */
const COMPARE_PERL = String.raw `
use strict;
use warnings;
my ($snap, $exact) = @ARGV;
local $/ = "\0";
my %disk;
while (my $r = <STDIN>) { $disk{$r} = 1 }
open(my $in, '<', $snap) or die "$snap: $!\n";
my ($changed, $lines) = (0, 0);
while (my $line = <$in>) { $lines++; $changed++ if !$disk{$line} }
close($in);
$changed += keys(%disk) - ($lines - $changed) if $exact eq 'exact';
print "$changed\n";
`;
/**
 * Links every file of the stat snapshot $2 from the release directory $1 into $3 (the release's
 * "prelinked" tree), then writes `$3.done`: `ok\t<release>` or `failed\t<why>`. Run in the
 * background, at low priority, after a deploy has switched: the next deploy's LINK then renames
 * this tree instead of making ten thousand links while the user waits, once PREPARE has checked
 * it against the snapshot.
 */
const PRELINK_PERL = String.raw `
use strict;
use warnings;
my ($live, $snap, $pre, $release) = @ARGV;
# A second's grace: the deploy that started this finishes its last commands first.
sleep(1);
local $/ = "\0";
my %made;
${makeParents('$pre')}
my $ok = eval {
  open(my $in, '<', $snap) or die "$snap: $!\n";
  mkdir($pre) or die "mkdir: $!\n";
  while (my $line = <$in>) {
    my $p = (split / /, substr($line, 0, -1), 5)[4];
    next if !defined $p;
    my $i = rindex($p, '/');
    dir(substr($p, 0, $i)) if $i > 0;
    link("$live/$p", "$pre/$p") or die "link $p: $!\n";
  }
  1;
};
if (open(my $d, '>', "$pre.done.tmp")) {
  print $d $ok ? "ok\t$release\n" : "failed\t$@";
  close($d) and rename("$pre.done.tmp", "$pre.done");
}
`;
/**
 * Links the files of the stat snapshot $3, except those named on stdin (NUL-terminated), from
 * the directory $1 into $2 (made with mode $6), creating their directories first, then prints
 * `linked\t<count>`. Writes the snapshot lines of the linked files to $4: a hard link has its
 * file's inode, size, time and mode, so FINISH takes them as they are. One perl process does
 * what `sort | comm | xargs cp -l --parents` does in six, with one link(2) per file and no stat;
 * with several CPUs, two processes share the links. perl-base is essential on Debian and
 * Ubuntu; LINK falls back to the shell tools where it is missing.
 * With $7, the live release's prelinked tree (see PRELINK_PERL), which PREPARE found complete:
 * when at most half of its files are to go, it is renamed to $2 and only those files are
 * unlinked (and the directories they leave empty removed), before `started`, so that rsync
 * never meets a file shared with the live release at a path it writes. Otherwise it goes to
 * the trash $8. $9 `inband` / `inband-finish` and $10-$12 (the manifests directory, the new and
 * the live release's names): see LINK in release-scripts.ts.
 */
const LINK_PERL = String.raw `
use strict;
use warnings;
use Fcntl qw(O_WRONLY O_CREAT O_EXCL);
my ($old, $new, $snap, $kept, $cpus, $mode, $pre, $trash, $inband, $mdir, $release, $base) = @ARGV;
local $/ = "\0";
my %drop;
while (my $p = <STDIN>) { chop $p; last if $p eq ''; $drop{$p} = 1 }
open(my $in, '<', $snap) or die "$snap: $!\n";
open(my $out, '>', $kept) or die "$kept: $!\n";
my (@link, @gone, %made, @snapshot);
my $all = 0;
while (my $line = <$in>) {
  my $p = (split / /, substr($line, 0, -1), 5)[4];
  next if !defined $p;
  $all++;
  if ($drop{$p}) { push @gone, $p; next }
  push @link, $p;
  push @snapshot, $line;
  print $out $line;
}
close($out) or die "$kept: $!\n";
$| = 1;
${makeParents('$new')}
my $linked = 0;
# The tree prelinked after the last deploy (PREPARE checked it): renamed into place when at most
# half of its files are to go; otherwise it goes to the trash and the links are made here.
if ($pre ne '') {
  if (@gone * 2 <= $all && rename($pre, $new)) {
    unlink("$pre.done");
    chmod(oct($mode), $new) or die "chmod $new: $!\n";
    my %up;
    for my $p (@gone) {
      unlink("$new/$p") or $!{ENOENT} or die "unlink $p: $!\n";
      for (my $i = rindex($p, '/'); $i > 0; $i = rindex($p, '/', $i - 1)) { $up{substr($p, 0, $i)} = 1 }
    }
    rmdir("$new/$_") for sort { length($b) <=> length($a) } keys %up;
    print "started\n";
    $linked = 1;
  } else {
    mkdir($trash);
    rename($pre, "$trash/.prelink.$$") or $!{ENOENT} or die "$pre: $!\n";
    unlink("$pre.done");
  }
}
if (!$linked) {
  mkdir($new) or $!{EEXIST} or die "mkdir $new: $!\n";
  chmod(oct($mode), $new) or die "chmod $new: $!\n";
  print "started\n";
  for my $p (@link) { my $i = rindex($p, '/'); dir(substr($p, 0, $i)) if $i > 0 }
  my $share = $cpus > 1 && @link > 2000 ? 2 : 1;
  my $pid = $share > 1 ? fork() : undef;
  die "fork: $!\n" if $share > 1 && !defined $pid;
  my $part = $share > 1 && $pid == 0 ? 1 : 0;
  for (my $i = $part; $i < @link; $i += $share) {
    link("$old/$link[$i]", "$new/$link[$i]") or die "link $link[$i]: $!\n";
  }
  exit 0 if $share > 1 && $pid == 0;
  if ($share > 1) { waitpid($pid, 0); die "linking failed\n" if $? != 0 }
}
print "linked\t", scalar(@link), "\n";
exit 0 if $inband ne 'inband' && $inband ne 'inband-finish';
# The changed entries, sent on stdin instead of by rsync: "<kind> <mode> <size> <path>\0" then
# <size> bytes (a file's content, a symlink's target). A file is created, never opened if it
# exists: a path of the new release that still named a live release's file is refused.
my ($sent, @dirs) = (0);
my @sentfiles;
while (my $head = <STDIN>) {
  chop $head;
  last if $head eq '';
  my ($kind, $m, $size, $p) = split / /, $head, 4;
  die "bad record\n" if !defined $p || $p eq '' || $p =~ m{(^|/)\.\.?(/|$)} || $p =~ m{^/};
  my $data = '';
  while (length($data) < $size) { read(STDIN, $data, $size - length($data), length($data)) or die "short record\n" }
  my $i = rindex($p, '/');
  dir(substr($p, 0, $i)) if $i > 0;
  my $to = "$new/$p";
  if ($kind eq 'd') {
    if (!mkdir($to)) { die "mkdir $p: $!\n" if !$!{EEXIST} || -l $to || !-d _ }
    $made{$p} = 1;
    push @dirs, [$p, $m];
  } elsif ($kind eq 'l') {
    symlink($data, $to) or die "symlink $p: $!\n";
  } else {
    sysopen(my $fh, $to, O_WRONLY | O_CREAT | O_EXCL, 0600) or die "create $p: $!\n";
    my $at = 0;
    while ($at < $size) { my $n = syswrite($fh, $data, $size - $at, $at) // die "write $p: $!\n"; $at += $n }
    close($fh) or die "write $p: $!\n";
    chmod(oct($m), $to) or die "chmod $p: $!\n";
    push @sentfiles, $p;
    $sent++;
  }
}
# Directory modes last, deepest first, as rsync does: a read-only one still got its files.
chmod(oct($_->[1]), "$new/$_->[0]") or die "chmod $_->[0]: $!\n" for reverse @dirs;
print "sent\t$sent\n";
exit 0 if $inband ne 'inband-finish';
# FINISH's work without shared paths, in this process: "<bytes> <bytes>\0", the new manifest
# lines (header first) and the keys of the live manifest's lines to drop, one a line. The new
# manifest is those lines and the live one's others; the snapshot is the linked files' lines and
# the written files' (find prints the time as it will be read back).
my $h = <STDIN> // die "no manifest\n";
chop $h;
my ($nl, $dl) = split / /, $h;
my ($lines, $keys) = ('', '');
while (length($lines) < $nl) { read(STDIN, $lines, $nl - length($lines), length($lines)) or die "short manifest\n" }
while (length($keys) < $dl) { read(STDIN, $keys, $dl - length($keys), length($keys)) or die "short keys\n" }
my %dk = map { $_ => 1 } split /\n/, $keys;
my $tmp = "$mdir/.$release.tmp";
my $count = ($lines =~ tr/\n//) - 1;
{
  local $/ = "\n";
  open(my $mo, '>', $tmp) or die "$tmp: $!\n";
  print $mo $lines;
  open(my $lm, '<', "$mdir/$base") or die "$mdir/$base: $!\n";
  <$lm>;
  while (my $l = <$lm>) {
    my $t = index($l, "\t");
    next if $dk{substr($l, 0, $t < 0 ? length($l) - 1 : $t)};
    print $mo $l;
    $count++;
  }
  close($mo) or die "$tmp: $!\n";
}
chdir($new) or die "$new: $!\n";
for (my $i = 0; $i < @sentfiles; $i += 500) {
  my $j = $i + 499 < $#sentfiles ? $i + 499 : $#sentfiles;
  my @chunk = map { "./$_" } @sentfiles[$i .. $j];
  open(my $f, '-|', 'find', @chunk, '-maxdepth', '0', '-type', 'f', '-printf', '%i %s %T@ %m %p\0')
    or die "find: $!\n";
  while (my $r = <$f>) { $r =~ s{^((?:[^ ]* ){4})\./}{$1}; push @snapshot, $r }
  close($f);
}
unlink($kept);
if (@snapshot == $count) {
  open(my $so, '>', "$tmp.stat") or die "$tmp.stat: $!\n";
  print $so sort @snapshot;
  close($so) or die "$tmp.stat: $!\n";
  rename("$tmp.stat", "$mdir/$release.stat") or die "$release.stat: $!\n";
  rename($tmp, "$mdir/$release") or die "$release: $!\n";
} else {
  unlink($tmp, "$tmp.stat");
  print "manifest\tskipped\n";
}
`;

;// CONCATENATED MODULE: ./build/ncc/core/drivers/release-scripts.js
/*
 * Host-side scripts of the releases driver. Each is a fixed function body run by `bash -s` on
 * the host (see hostScript); every value is a positional parameter, so nothing a user typed
 * becomes code, except the before-switch/after-switch scripts, which are meant to run and are
 * passed as data to `bash -c`. Every SSH command costs a session and the login shell's start,
 * so each phase is one script per host.
 */

/**
 * Prints `free\t<KiB available>\t<mount point>` for the filesystem holding the directory in
 * the shell variable `dir` (POSIX `df -P`: one line, fixed columns; the mount point may hold
 * spaces, so it comes last). Prints nothing when df fails: the check is then skipped rather
 * than the deploy refused. Shared by the deploy's PREPARE and doctor's probe.
 */
const freeSpace = (dir) => `
df -Pk -- "$${dir}" 2>/dev/null | { read -r _; read -r _ _ _ avail _ mount \\
  && printf 'free\\t%s\\t%s\\n' "$avail" "$mount"; } || true`;
/**
 * Removes what `$root/releases/.trash` holds, in the background: the command that put it there
 * returns at once, and the next deploy starts this again for whatever a reboot interrupted.
 * The trash is inside releases/ so that moving a release there is a rename on the same
 * filesystem even when releases/ is a link to another disk; as a dot-name it is no release.
 * Its output goes nowhere, so the SSH session ends without waiting for it.
 */
const emptyTrash = (root) => `
if [ -d "${root}/releases/.trash" ]; then
  (cd -- "${root}/releases/.trash" && exec nohup nice find . -mindepth 1 -maxdepth 1 \\
    -exec rm -rf -- {} + </dev/null >/dev/null 2>&1 &)
fi`;
/**
 * Starts PRELINK_PERL for release $release under the root in $root, detached (its output goes
 * nowhere, so the SSH command does not wait for it). Needs perl and the release's snapshot.
 */
const startPrelink = `
if command -v perl >/dev/null 2>&1 && [ -f "$root/.shiprail/manifests/$release.stat" ]; then
  (cd -- "$root" && state=$PWD/.shiprail/manifests && cd releases \\
    && exec nohup nice perl -e '${PRELINK_PERL.replace(/'/g, "'\\''")}' "$PWD/$release" \\
    "$state/$release.stat" "$PWD/.prelink-$release" "$release" </dev/null >/dev/null 2>&1 &)
fi`;
/**
 * Creates the layout and reports the live release, the real path of releases/, the release
 * directories, the live release's manifest when the disk still matches its stat snapshot
 * (`manifest\t<state>`), the free space (`free\t<KiB>\t<mount>`, see release-space.ts) and
 * the tail of the history. $1 root, $2 history bytes, $3 `manifest` when the caller wants the
 * manifest, which is printed before the disk is checked (the runner reads it meanwhile) and
 * counts only after `manifest\tok`. With perl, the live release's prelinked tree (see
 * PRELINK_PERL) is checked in its place when it is complete (`prelink\tready`: LINK renames
 * it); any other is removed. Runs right after the lock is taken, in the same command. The
 * snapshot check needs GNU find, and without perl also sort, comm, cut, grep and sed (-z),
 * which LINK then uses; without them the state says so and the deploy takes the --checksum path.
 */
const PREPARE = `
set -euo pipefail
root=$1
mkdir -p -- "$root/releases" "$root/shared" "$root/.shiprail/manifests"${freeSpace('root')}
cd -- "$root"
# Leftovers of a switch interrupted between ln and mv; the lock is ours, nobody else switches.
rm -f -- current.tmp-* .shiprail/manifests/.*.tmp .shiprail/manifests/.*.tmp.*${emptyTrash('.')}
if [ -e current ] && [ ! -L current ]; then
  echo "$root/current exists and is not a symlink; move it away first" >&2
  exit 3
fi
rel=$(cd -P -- releases && pwd -P)
printf 'releases\\t%s\\n' "$rel"
live=
if [ -L current ] && target=$(cd -P -- current 2>/dev/null && pwd -P); then
  case $target in "$rel"/*) live=\${target#"$rel"/}; printf 'live\\t%s\\n' "$live" ;; esac
fi
for d in releases/*/; do
  [ -d "$d" ] || continue
  n=\${d#releases/}
  n=\${n%/}
  case $n in *$'\\n'*) continue ;; esac
  printf 'dir\\t%s\\n' "$n"
done
# Trees prelinked for a release that is no longer live, or left unfinished (see PRELINK_PERL).
dropPrelink() {
  if [ -d "$1" ] && [ ! -L "$1" ]; then
    { mkdir -p releases/.trash && mv -- "$1" "releases/.trash/\${1#releases/}.$$"; } || rm -rf -- "$1"
  fi
  rm -f -- "$1" "$1.done" "$1.done.tmp"
}
for p in releases/.prelink-*; do
  case $p in "releases/.prelink-$live" | "releases/.prelink-$live.done") ;; *) dropPrelink "\${p%.done}" ;; esac
done
for m in .shiprail/manifests/*; do
  n=\${m##*/}
  if [ -e "$m" ] && [ ! -d "releases/\${n%.stat}" ]; then rm -f -- "$m"; fi
done
if [ "\${3:-}" = manifest ] && [ -n "$live" ]; then
  m=.shiprail/manifests/$live
  if [ ! -f "$m" ] || [ ! -f "$m.stat" ]; then
    echo 'manifest	missing'
  elif ! find . -maxdepth 0 -printf '' 2>/dev/null; then
    echo 'manifest	unsupported'
  else
    # First the manifest, which the runner parses while the disk is checked; it is used only
    # after a 'manifest ok' line.
    echo '--manifest--'
    cat -- "$m"
    echo '--manifest-end--'
    if command -v perl >/dev/null 2>&1; then
      # Snapshot lines tree $1 no longer matches; with $2 = exact, anything else in it counts too
      # (a file, a symlink or another entry added).
      snapshotChanged() {
        local snap=$PWD/$m.stat what=(-type f)
        if [ "$2" = exact ]; then what=('!' -type d); fi
        cd -- "$1" && find . "\${what[@]}" -printf '%i %s %T@ %m %P\\0' \\
          | perl -e '${COMPARE_PERL.replace(/'/g, "'\\''")}' "$snap" "$2"
      }
      # The tree prelinked after the last deploy, if complete and still exactly the snapshot, is
      # checked instead of the live release: its files are the ones the next release links.
      pre=releases/.prelink-$live
      state=missing
      if [ -d "$pre" ] && [ ! -L "$pre" ] && [ "$(cat -- "$pre.done" 2>/dev/null)" = "ok	$live" ]; then
        if changed=$(snapshotChanged "$pre" exact) && [ "$changed" -eq 0 ]; then state=ready; fi
      fi
      if [ "$state" != ready ]; then dropPrelink "$pre"; fi
      if [ "$state" = ready ]; then
        echo 'prelink	ready'
        changed=0
      elif ! changed=$(snapshotChanged "releases/$live" ''); then
        changed=unreadable
      fi
    elif ! comm -z /dev/null /dev/null 2>/dev/null \\
      || ! printf 'a b\\0' | cut -z -d ' ' -f 2- >/dev/null 2>&1 || ! cp --version >/dev/null 2>&1 \\
      || ! printf 'a/b\\0' | grep -z / | sed -z 's|/[^/]*$||' >/dev/null 2>&1; then
      changed=unsupported
    elif ! changed=$(snap=$PWD/$m.stat && cd -- "releases/$live" \\
      && find . -type f -printf '%i %s %T@ %m %P\\0' | LC_ALL=C sort -z \\
      | LC_ALL=C comm -z -23 "$snap" - | tr -cd '\\0' | wc -c); then
      changed=unreadable
    fi
    case $changed in
      0) echo 'manifest	ok' ;;
      unreadable | unsupported) printf 'manifest\\t%s\\n' "$changed" ;;
      *) printf 'manifest\\tchanged\\t%s\\n' "$changed" ;;
    esac
  fi
fi
echo '--history--'
if [ -f .shiprail/history.jsonl ]; then tail -c "$2" .shiprail/history.jsonl; fi`;
/**
 * Hard-links the live release's files into the new release, except the paths on stdin
 * (NUL-terminated: the files that changed or went). Only files of the stat snapshot are linked:
 * what a hook added later is not part of the release. No file is read. $1 root, $2 new
 * release, $3 live release, $4 the mode of the source's top directory (rsync, which is not
 * given `.`, leaves it alone), $5 `prelinked` when PREPARE answered `prelink\tready`. Prints
 * `started` once the new release's directory exists: rsync then sends the changed files while
 * the links are made. They never write the same path, and a directory both need is made by
 * whichever comes first (each takes EEXIST from mkdir as done). $6 `inband`: the changed
 * entries follow the drop list on stdin and perl writes them (no rsync); `inband-finish`: then
 * FINISH's work too, for a deploy without shared paths (see LINK_PERL).
 */
const LINK = `
set -euo pipefail
cd -- "$1"
root=$PWD
new=$root/releases/$2
old=$root/releases/$3
snap=$root/.shiprail/manifests/$3.stat
pre=
if [ "\${5:-}" = prelinked ]; then pre=$root/releases/.prelink-$3; fi
if command -v perl >/dev/null 2>&1; then
  exec perl -e '${LINK_PERL.replace(/'/g, "'\\''")}' "$old" "$new" "$snap" \\
    "$root/.shiprail/manifests/.$2.tmp.linked" "$(nproc 2>/dev/null || echo 1)" "$4" "$pre" \\
    "$root/releases/.trash" "\${6:-}" "$root/.shiprail/manifests" "$2" "$3"
fi
if [ -n "\${6:-}" ]; then echo 'the changed files were sent for perl, which is missing' >&2; exit 5; fi
mkdir -p -- "$new"
chmod -- "$4" "$new"
echo started
tmp=$(mktemp -d)
trap 'rm -rf -- "$tmp"' EXIT
cat | LC_ALL=C sort -z > "$tmp/drop"
cut -z -d ' ' -f 5- < "$snap" | LC_ALL=C sort -z | LC_ALL=C comm -z -23 - "$tmp/drop" > "$tmp/link"
{ grep -z / "$tmp/link" || true; } | sed -z 's|/[^/]*$||' | LC_ALL=C sort -zu > "$tmp/dirs"
(cd -- "$new" && xargs -0 -r mkdir -p -- < "$tmp/dirs")
cd -- "$old"
xargs -0 -r cp -l --parents -t "$new" -- < "$tmp/link"
printf 'linked\\t%s\\n' "$(tr -cd '\\0' < "$tmp/link" | wc -c)"`;
/**
 * Links shared paths into the new release, writes its manifest and stat snapshot, then (with
 * $6 = count) counts files rsync hard-linked from the live release. $1 root, $2 release, $3 the
 * live release whose manifest is merged ('' = stdin holds the whole manifest), $4 the byte
 * length of the manifest text on stdin (when merging: the header and the new lines), $5 the
 * byte length of what follows it, the manifest keys to drop, one a line; the rest of stdin
 * names the files rsync sent (NUL-terminated). Then the shared paths as `file:<path>` or
 * `dir:<path>`. A shared path missing from shared/ is seeded from the release; when the release
 * has none either, a directory starts empty and a file is reported (`missing-shared`, exit 4)
 * before anything is linked. The snapshot is the lines LINK kept for the linked files plus
 * those of the sent files; without LINK's lines (the --checksum path, or no perl), a walk of
 * the whole release.
 */
const FINISH = `
set -euo pipefail
root=$1
release=$2
base=$3
size=$4
dropsize=$5
count=$6
shift 6
dir=$root/releases/$release
mdir=$root/.shiprail/manifests
tmp=$mdir/.$release.tmp
mkdir -p -- "$mdir"
cat > "$tmp.in"
missing=
for e in "$@"; do
  p=\${e#*:}
  if [ "\${e%%:*}" = file ] && [ ! -e "$root/shared/$p" ] && [ ! -L "$root/shared/$p" ] \\
    && [ ! -e "$dir/$p" ] && [ ! -L "$dir/$p" ]; then
    printf 'missing-shared\\t%s\\n' "$p"
    missing=1
  fi
done
if [ -n "$missing" ]; then rm -f -- "$tmp.in" "$tmp.linked"; exit 4; fi
for e in "$@"; do
  p=\${e#*:}
  src=$root/shared/$p
  if [ ! -e "$src" ] && [ ! -L "$src" ]; then
    # First deploy with this shared path: seed it from the release, or start an empty directory.
    mkdir -p -- "$(dirname -- "$src")"
    if [ -e "$dir/$p" ] || [ -L "$dir/$p" ]; then cp -a -- "$dir/$p" "$src"; else mkdir -p -- "$src"; fi
  fi
  mkdir -p -- "$(dirname -- "$dir/$p")"
  rm -rf -- "\${dir:?}/$p"
  ln -s -- "$src" "$dir/$p"
done
tail -c +"$((size + 1))" "$tmp.in" > "$tmp.rest"
head -c "$dropsize" "$tmp.rest" > "$tmp.drop"
tail -c +"$((dropsize + 1))" "$tmp.rest" > "$tmp.sent"
if [ -z "$base" ]; then
  head -c "$size" "$tmp.in" > "$tmp"
else
  { head -c "$size" "$tmp.in"; awk -F '\\t' -v drops="$tmp.drop" 'BEGIN { while ((getline k < drops) > 0) d[k] = 1 }
      FNR > 1 && !($1 in d)' "$mdir/$base"; } > "$tmp"
fi
rm -f -- "$tmp.in" "$tmp.rest" "$tmp.drop"
# The snapshot: what the next deploy compares with the disk before it trusts the manifest.
if [ -f "$tmp.linked" ]; then
  snapshot() {
    cat -- "$tmp.linked"
    cd -- "$dir" && sed -z 's|^|./|' "$tmp.sent" \\
      | xargs -0 -r sh -c 'find "$@" -maxdepth 0 -type f -printf "%i %s %T@ %m %p\\0"' find \\
      | sed -z 's|^\\([^ ]* [^ ]* [^ ]* [^ ]* \\)\\./|\\1|'
  }
else
  snapshot() { cd -- "$dir" && find . -type f -printf '%i %s %T@ %m %P\\0'; }
fi
if (snapshot 2>/dev/null) | LC_ALL=C sort -z > "$tmp.stat" \\
  && [ "$(tr -cd '\\0' < "$tmp.stat" | wc -c)" -eq "$(($(wc -l < "$tmp") - 1))" ]; then
  mv -f -- "$tmp.stat" "$mdir/$release.stat"
  mv -f -- "$tmp" "$mdir/$release"
else
  rm -f -- "$tmp" "$tmp.stat"
  echo 'manifest	skipped'
fi
rm -f -- "$tmp.linked" "$tmp.sent"
# After LINK the caller knows what was linked; after rsync --link-dest only the disk does.
if [ "$count" = count ]; then
  linked=$(find "$dir" -type f -links +1 -print0 | tr -cd '\\0' | wc -c)
  printf 'linked\\t%s\\n' $linked
fi`;
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
 * mv replaces the link instead of moving into the directory it points to. In a subshell, so
 * that SWITCH_AND_RECORD can go on after it.
 */
const SWITCH_BODY = `(
set -euo pipefail
cd -- "$1"
if [ -z "$2" ]; then rm -f -- current; exit 0; fi
if [ ! -d "releases/$2" ]; then echo "release $2 is missing" >&2; exit 3; fi
tmp="current.tmp-$$"
ln -sfn -- "releases/$2" "$tmp"
if mv --version >/dev/null 2>&1; then mv -T -- "$tmp" current; else mv -h -- "$tmp" current; fi
)`;
const SWITCH = SWITCH_BODY;
/**
 * Appends whole history lines with one write (bash's printf flushes once; >> is O_APPEND),
 * then removes the releases named after them (and their manifests), never the live one: each
 * is renamed into the trash (one rename(2): a release is there whole or gone), which is then
 * emptied in the background, so a deploy does not wait for thousands of unlinks.
 */
const RECORD_BODY = `
root=$1
printf '%s' "$2" >> "$root/.shiprail/history.jsonl" || exit 1
shift 2
cd -- "$root/releases" 2>/dev/null || exit 0
live=$(cd -P -- "$root/current" 2>/dev/null && pwd -P || true)
trash=$root/releases/.trash
status=0
for n in "$@"; do
  case $n in '' | . | .. | */*) continue ;; esac
  rm -f -- "$root/.shiprail/manifests/$n" "$root/.shiprail/manifests/$n.stat"
  [ -e "$n" ] || continue
  if [ -n "$live" ] && [ "$(cd -P -- "$n" && pwd -P)" = "$live" ]; then
    echo "not removing $n: it is live" >&2
    continue
  fi
  { mkdir -p -- "$trash" && mv -- "$n" "$trash/$n.$$"; } 2>/dev/null || rm -rf -- "$n" || status=1
done${emptyTrash('$root')}
exit $status`;
const RECORD = `
set -uo pipefail${RECORD_BODY}`;
/**
 * The switch and, once it is done, the history line and the pruning, in one command: $1 root,
 * $2 release, $3 the lock's token ('' = keep the lock), then RECORD's $2... Prints `switched`
 * between the two, so a failure after it is told apart from a failed switch, and `unlocked`
 * once the lock is removed at the end (as RELEASE: only while it is still ours). Then starts
 * prelinking the new release for the next deploy (see PRELINK_PERL), in the background.
 */
const SWITCH_AND_RECORD = `
set -uo pipefail
${SWITCH_BODY} || exit $?
echo switched
root=$1
release=$2
token=$3
shift 3
(
set -- "$root" "$@"
${RECORD_BODY}
)
status=$?${startPrelink}
if [ -n "$token" ] && grep -qF -- "$token" "$root/.shiprail/lock" 2>/dev/null \\
  && rm -f -- "$root/.shiprail/lock"; then
  echo unlocked
fi
exit $status`;
/**
 * LINK in its `inband-finish` mode, then, once it has made the whole release, SWITCH_AND_RECORD:
 * one command for a deploy to one host without hooks, where nothing else needs to happen between
 * the upload and the switch. $1-$6 are LINK's, the rest SWITCH_AND_RECORD's. Prints LINK's
 * answer, then `switching` right before the switch: without that line, nothing was switched.
 */
const LINK_AND_SWITCH = `
shiprail_link() {${LINK}
}
shiprail_switch() {${SWITCH_AND_RECORD}
}
if linked=$(shiprail_link "$@"); then status=0; else status=$?; fi
printf '%s\\n' "$linked"
[ "$status" -eq 0 ] || exit "$status"
case $'\\n'$linked in *$'\\n'sent$'\\t'*) ;; *) exit 6 ;; esac
echo switching
shift 6
shiprail_switch "$@"`;


/***/ })

};
