export const id = 902;
export const ids = [902];
export const modules = {

/***/ 1357:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ sshFix),
/* harmony export */   z: () => (/* binding */ diagnoseSsh)
/* harmony export */ });
/** Classifies the message of a failed `ssh` connect. Pure. */
function diagnoseSsh(message) {
    // Our temp known_hosts file is gone when the user reads this; never point at it.
    const detail = message
        .split(' / ')
        .filter(part => !/^Offending .* key in |^Remove with:|ssh-keygen -f /.test(part))
        .join(' / ')
        .replace(/\/\S*shiprail-ssh-[^\s:]+/g, '(known-hosts)')
        .trim();
    if (/IDENTIFICATION HAS CHANGED|host key for .* has changed|Host key for .* has changed/i.test(message))
        return { kind: 'host-key-changed', detail };
    if (/Host key verification failed|No [A-Z0-9-]+ host key is known|host key is not known/i.test(message))
        return { kind: 'host-key-unknown', detail };
    if (/Permission denied|Too many authentication failures|Load key .*: (invalid format|error in libcrypto)|no such identity|Authentication failed/i.test(message))
        return { kind: 'auth-refused', detail };
    return { kind: 'unreachable', detail };
}
function portFlag(host) {
    return host.port ? `-p ${host.port} ` : '';
}
/** What to do about each kind of failure, with the host's own names in the commands. */
function sshFix(kind, host) {
    const user = host.user ?? 'the deploy user';
    switch (kind) {
        case 'unreachable':
            return `Check that ${host.host} resolves and its sshd listens on port ${host.port ?? 22} for this machine (try: ssh ${portFlag(host)}${host.user ? `${host.user}@` : ''}${host.host} true); open the firewall or fix the address in hosts.`;
        case 'host-key-unknown':
            return `Add the host's key to known-hosts: run ssh-keyscan ${portFlag(host)}${host.host}, check its fingerprint (ssh-keygen -lf on that output) against ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub run on the host, and put the line in the known-hosts input (docs/hosts.md).`;
        case 'host-key-changed':
            return `The host's key is not the one in known-hosts. If the host was rebuilt, check its new fingerprint (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub on the host) and replace its line in known-hosts; otherwise do not deploy: something may be intercepting the connection.`;
        case 'auth-refused':
            return `Put the public half of ssh-key in ~${host.user ?? ''}/.ssh/authorized_keys on the host (owned by ${user}, mode 600) and check the user name in hosts (${host.label}).`;
    }
}


/***/ }),

/***/ 6285:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B2: () => (/* binding */ SshCredentials),
/* harmony export */   Vu: () => (/* binding */ LocalTransport),
/* harmony export */   dh: () => (/* binding */ HostError),
/* harmony export */   e1: () => (/* binding */ SshTransport),
/* harmony export */   w$: () => (/* binding */ lastLines),
/* harmony export */   zN: () => (/* binding */ SshConnectError)
/* harmony export */ });
/* unused harmony exports shellQuote, hostScript, parseRsyncStats, rsyncArgs, SSH_DIR_PREFIX, CONTROL_SOCKET_PREFIX */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6760);
/* harmony import */ var _process_runner_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(787);
/* harmony import */ var _doctor_ssh_diagnosis_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1357);







/** Thrown when a host cannot be reached or a transport command fails; names the host. */
class HostError extends Error {
    host;
    name = 'HostError';
    constructor(host, message) {
        super(`${host}: ${message}`);
        this.host = host;
    }
}
/** SSH refused or failed the connection: OpenSSH's reason, told apart, with its fix. */
class SshConnectError extends HostError {
    diagnosis;
    name = 'SshConnectError';
    constructor(host, spec, diagnosis) {
        super(host, `could not connect: ${diagnosis.detail}. ${(0,_doctor_ssh_diagnosis_js__WEBPACK_IMPORTED_MODULE_6__/* .sshFix */ .W)(diagnosis.kind, spec)}`);
        this.diagnosis = diagnosis;
    }
}
/**
 * Quotes one word for bash: inside single quotes nothing is special, and a single quote is
 * written as '\''. Safe for every string without a NUL byte, newlines included. Only ever used
 * for text that bash itself parses (our script on its stdin), never a login shell.
 */
function shellQuote(value) {
    if (value.includes('\0'))
        throw new Error('A value for a host command contains a NUL byte.');
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
/**
 * The text sent to `bash -s`: the body becomes a function, so bash has read all of it before
 * anything runs (a command that reads stdin cannot swallow the rest of the script), then the
 * function is called with the quoted values.
 */
function hostScript(body, args) {
    return `shiprail_main() {\n${body}\n}\nshiprail_main ${args.map(shellQuote).join(' ')}\n`;
}
/** The script, then the payload (bytes when it is a Buffer). */
function withPayload(script, payload) {
    return Buffer.isBuffer(payload)
        ? Buffer.concat([Buffer.from(script), payload])
        : script + (payload ?? '');
}
/** Reads `Total bytes sent` and `Number of regular files transferred` from rsync --stats. */
function parseRsyncStats(output) {
    const number = (label) => {
        const m = new RegExp(`^${label}:\\s*([\\d,.]+)`, 'm').exec(output);
        return m ? Number(m[1].replace(/[,.]/g, '')) : NaN;
    };
    return {
        bytesSent: number('Total bytes sent'),
        filesTransferred: number('Number of regular files transferred')
    };
}
const TAIL_BODY = `
if [ -f "$1" ]; then tail -c "$2" -- "$1"; fi`;
/**
 * -r -l -p: files, directories, symlinks as links (never followed), permissions. No -t: a CI
 * checkout gives every file a new mtime, and with --checksum (content, not size+mtime, decides
 * what is unchanged) an identical file with another mtime is still hard-linked from the live
 * release. Unchanged files thus keep the time they were first deployed.
 * Caveat of hard links (as with every link-dest deploy): a hook that edits a file in place in
 * the new release edits the same file in older releases; write new files instead.
 */
function rsyncArgs(linkDest, options = {}) {
    return [
        // --files-from names every directory itself; -r would send each one's whole content.
        ...(options.filesFrom ? ['-lp', `--files-from=${options.filesFrom}`, '--from0'] : ['-rlp']),
        ...(options.checksum === false ? [] : ['--checksum']),
        '--stats',
        '--no-human-readable',
        // An I/O timeout: rsync gives up when nothing moves for this long.
        '--timeout=120',
        ...(linkDest ? [`--link-dest=${linkDest}`] : [])
    ];
}
async function runChecked(host, what, command, args, input, options) {
    const result = await (0,_process_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .runProcess */ .R)(command, {
        args,
        input,
        // Never Shiprail's own environment: without one from the transport, nothing is inherited.
        env: options.env ?? {},
        timeoutMs: options.timeoutMs,
        signal: options.signal,
        onLine: options.onLine,
        onStdout: options.onStdout,
        capture: true,
        captureLimit: options.maxOutput
    });
    if (result.exitCode === 255 && command === 'ssh') {
        throw new HostError(host, `SSH failed: ${lastLines(result.stderr)}`);
    }
    if (result.timedOut || result.aborted) {
        throw new HostError(host, `${what} ${(0,_process_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .describeExit */ .K)(result, options.timeoutMs)}`);
    }
    return result;
}
function lastLines(text, count = 3) {
    const lines = text
        .split('\n')
        .map(l => l.trim())
        .filter(Boolean);
    return lines.slice(-count).join(' / ') || '(no output)';
}
/** `hosts: local`: this machine's filesystem. */
class LocalTransport {
    env;
    label = 'local';
    /** `env`: what the user's hooks see (RunInfo.env); undefined inherits this process's. */
    constructor(env) {
        this.env = env;
    }
    async connect() { }
    run(body, args, options) {
        return runChecked(this.label, 'a command', 'bash', ['--noprofile', '--norc', '-s'], withPayload(hostScript(body, args), options.payload), { ...options, env: this.env });
    }
    async upload(sourceDir, dest, options) {
        const result = await runChecked(this.label, 'rsync', 'rsync', [...rsyncArgs(options.linkDest, options), '--', withSlash(sourceDir), withSlash(dest)], undefined, { ...options, env: this.env });
        if (result.exitCode !== 0) {
            throw new HostError(this.label, `rsync exited with status ${result.exitCode}: ${lastLines(result.stderr)}`);
        }
        return parseRsyncStats(result.stdout);
    }
    async readTail(path, maxBytes) {
        try {
            const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(path, 'r');
            try {
                const { size } = await handle.stat();
                const length = Math.min(size, maxBytes);
                const buffer = Buffer.alloc(length);
                await handle.read(buffer, 0, length, size - length);
                return buffer.toString('utf8');
            }
            finally {
                await handle.close();
            }
        }
        catch (err) {
            if (err.code === 'ENOENT')
                return '';
            throw err;
        }
    }
    async close() { }
}
function withSlash(path) {
    return path.endsWith('/') ? path : `${path}/`;
}
/** Files SSH needs, in one private temp dir that `dispose` removes (also after a failure). */
class SshCredentials {
    dir;
    keyFile;
    knownHostsFile;
    strict;
    constructor(dir, keyFile, knownHostsFile, strict) {
        this.dir = dir;
        this.keyFile = keyFile;
        this.knownHostsFile = knownHostsFile;
        this.strict = strict;
    }
    /**
     * The key goes to a 0600 file in a 0700 dir (OpenSSH refuses keys others can read). With
     * strict checking off, known hosts go to /dev/null so nothing is trusted or remembered.
     * `tempBase` is RUNNER_TEMP inside Actions: the runner empties it after the job, so even a
     * SIGKILLed deploy does not leave the key on a self-hosted machine, and the action's post run
     * finds the directory there (see ssh-leftovers.ts).
     */
    static async create(sshKey, knownHosts, strict, tempBase) {
        // Short and quote-free: the control sockets live here (a socket path has ~100 bytes at most)
        // and the paths go into rsync's -e string.
        const usable = (dir) => dir !== undefined && /^[A-Za-z0-9._/-]{1,60}$/.test(dir);
        const base = usable(tempBase) ? tempBase : usable((0,node_os__WEBPACK_IMPORTED_MODULE_3__.tmpdir)()) ? (0,node_os__WEBPACK_IMPORTED_MODULE_3__.tmpdir)() : '/tmp';
        // Synchronous (two small files): the connections start before the caller's next
        // synchronous work (the source scan) instead of after it, when a callback could run.
        const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(base, SSH_DIR_PREFIX));
        try {
            let keyFile;
            if (sshKey.trim() !== '') {
                keyFile = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, 'id');
                // OpenSSH rejects a key without its final newline ("invalid format"); pasted secrets
                // often lose it, or carry CRLF line ends.
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(keyFile, sshKey.replace(/\r\n/g, '\n').trim() + '\n', { mode: 0o600 });
            }
            let knownHostsFile = '/dev/null';
            if (strict) {
                knownHostsFile = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, 'known_hosts');
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(knownHostsFile, knownHosts.replace(/\r\n/g, '\n').trim() + '\n', {
                    mode: 0o600
                });
            }
            return new SshCredentials(dir, keyFile, knownHostsFile, strict);
        }
        catch (err) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(dir, { recursive: true, force: true });
            throw err;
        }
    }
    async dispose() {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(this.dir, { recursive: true, force: true });
    }
}
/** Name prefix of the per-deploy directory holding the key and the control sockets. */
const SSH_DIR_PREFIX = 'shiprail-ssh-';
/** Name prefix of the control sockets inside it. */
const CONTROL_SOCKET_PREFIX = 'cm-';
const CONNECT_TIMEOUT_S = 10;
/** The master stays this long after the last command, so a killed deploy leaves no process. */
const CONTROL_PERSIST_S = 120;
/**
 * A remote host over the system's OpenSSH client. `connect` starts one master connection
 * (ControlMaster); every later ssh and rsync goes through its socket, so a deploy opens one
 * TCP connection and authenticates once per host.
 */
class SshTransport {
    host;
    credentials;
    env;
    label;
    controlPath;
    constructor(host, credentials, index, 
    /** Environment of ssh and rsync here (PATH, HOME, SSH_AUTH_SOCK). */
    env) {
        this.host = host;
        this.credentials = credentials;
        this.env = env;
        this.label = host.label;
        this.controlPath = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(credentials.dir, `${CONTROL_SOCKET_PREFIX}${index}`);
    }
    /** Options shared by every ssh process for this host (argument array, never shell text). */
    sshOptions() {
        const c = this.credentials;
        return [
            '-o',
            'BatchMode=yes',
            '-o',
            `ConnectTimeout=${CONNECT_TIMEOUT_S}`,
            '-o',
            'ServerAliveInterval=15',
            '-o',
            'ServerAliveCountMax=4',
            '-o',
            `ControlPath=${this.controlPath}`,
            '-o',
            `StrictHostKeyChecking=${c.strict ? 'yes' : 'no'}`,
            '-o',
            `UserKnownHostsFile=${c.knownHostsFile}`,
            '-o',
            'GlobalKnownHostsFile=/dev/null',
            '-o',
            'LogLevel=ERROR',
            ...(c.keyFile ? ['-i', c.keyFile, '-o', 'IdentitiesOnly=yes'] : []),
            ...(this.host.port ? ['-p', String(this.host.port)] : []),
            ...(this.host.user ? ['-l', this.host.user] : [])
        ];
    }
    /**
     * `ssh -f -N -M`: ssh authenticates, then leaves a master in the background and exits. The
     * background master inherits our stderr, so stderr goes to a file: with a pipe, waiting for
     * the pipe to close would wait for the master to end.
     */
    async connect(timeoutMs, signal) {
        const logFile = `${this.controlPath}.log`;
        // Opened synchronously, so that ssh is spawned in the same turn (see SshCredentials.create).
        const log = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(logFile, 'w', 0o600);
        let code;
        try {
            code = await new Promise((resolve, reject) => {
                const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('ssh', [
                    '-f',
                    '-N',
                    '-o',
                    'ControlMaster=yes',
                    '-o',
                    `ControlPersist=${CONTROL_PERSIST_S}`,
                    ...this.sshOptions(),
                    '--',
                    this.host.host
                ], { stdio: ['ignore', 'ignore', log], env: this.env });
                const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
                const onAbort = () => child.kill('SIGKILL');
                signal?.addEventListener('abort', onAbort, { once: true });
                child.on('error', err => {
                    clearTimeout(timer);
                    reject(err);
                });
                child.on('exit', exitCode => {
                    clearTimeout(timer);
                    signal?.removeEventListener('abort', onAbort);
                    resolve(exitCode);
                });
            });
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(log);
        }
        if (code !== 0) {
            const stderr = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(logFile, 'utf8').catch(() => '');
            if (code === null)
                throw new HostError(this.label, `could not connect within ${Math.round(timeoutMs / 1000)} s`);
            // OpenSSH's own advice names our temporary known_hosts file, gone by the time anyone
            // reads this: say what went wrong and the fix that applies to the known-hosts input.
            throw new SshConnectError(this.label, this.host, (0,_doctor_ssh_diagnosis_js__WEBPACK_IMPORTED_MODULE_6__/* .diagnoseSsh */ .z)(lastLines(stderr, 8)));
        }
    }
    destination() {
        return [...this.sshOptions(), '-o', 'ControlMaster=no', '-T', '--', this.host.host];
    }
    run(body, args, options) {
        // The login shell only ever sees this fixed text; the script and its values come on stdin.
        return runChecked(this.label, 'a command', 'ssh', [...this.destination(), 'bash --noprofile --norc -s'], withPayload(hostScript(body, args), options.payload), { ...options, env: this.env });
    }
    async upload(sourceDir, dest, options) {
        // rsync splits -e on spaces and honours single quotes; our option values have neither
        // spaces nor quotes (SshCredentials picks a plain temp dir), the quotes are belt and braces.
        const rsh = ['ssh', ...this.sshOptions(), '-o', 'ControlMaster=no']
            .map(a => (/^[A-Za-z0-9@%+=:,./_-]+$/.test(a) ? a : `'${a}'`))
            .join(' ');
        const host = this.host.host.includes(':') ? `[${this.host.host}]` : this.host.host;
        const result = await runChecked(this.label, 'rsync', 'rsync', [
            ...rsyncArgs(options.linkDest, options),
            // The remote path and --link-dest go over rsync's protocol, not through the remote
            // shell, so spaces or quotes in `path` stay data (rsync >= 3.0 on the host).
            '--protect-args',
            '-e',
            rsh,
            '--',
            withSlash(sourceDir),
            `${host}:${withSlash(dest)}`
        ], undefined, { ...options, env: this.env });
        if (result.exitCode !== 0) {
            throw new HostError(this.label, `rsync exited with status ${result.exitCode}: ${lastLines(result.stderr)}`);
        }
        return parseRsyncStats(result.stdout);
    }
    async readTail(path, maxBytes, options) {
        const result = await this.run(TAIL_BODY, [path, String(maxBytes)], options);
        if (result.exitCode !== 0) {
            throw new HostError(this.label, `could not read ${path}: ${lastLines(result.stderr)}`);
        }
        return result.stdout;
    }
    async close() {
        await (0,_process_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .runProcess */ .R)('ssh', {
            args: [...this.sshOptions(), '-O', 'exit', '--', this.host.host],
            timeoutMs: 10_000,
            env: this.env,
            capture: true
        }).catch(() => undefined);
    }
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


/***/ })

};
