export const id = 766;
export const ids = [766];
export const modules = {

/***/ 6766:
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
// EXTERNAL MODULE: ./build/ncc/core/inputs.js
var inputs = __webpack_require__(9646);
// EXTERNAL MODULE: ./build/ncc/core/settings/input-reader.js
var input_reader = __webpack_require__(4657);
;// CONCATENATED MODULE: ./build/ncc/core/settings/doctor-settings.js




/**
 * The deploy inputs `shiprail doctor` takes, by name. `service` and `image` belong to the
 * containers driver: they are flags of doctor only while the input table defines them.
 */
const DOCTOR_INPUT_NAMES = (/* unused pure expression or super */ null && ([
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
]));
/** Where doctor's meaning differs from the step's: its default driver, what `url` is for. */
const DOCTOR_OVERRIDES = {
    driver: { default: 'releases' },
    url: { description: 'URL that must answer a GET with a status below 400 (redirects followed).' }
};
/** Doctor's flags, described by the deploy input table (one description for one input). */
function doctorInputs() {
    return DOCTOR_INPUT_NAMES.map(name => inputDef(name))
        .filter((d) => !!d)
        .map(d => ({ ...d, ...DOCTOR_OVERRIDES[d.name] }));
}
const SERVICE_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,62}$/;
function parseDoctorSettings(raw) {
    const reader = new InputReader(raw);
    const drivers = inputDef('service')
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
            throw new InputError('url', 'is required with `driver: command` (it has no hosts to check)', 'an http:// or https:// URL, or `driver: releases` with hosts and path');
        }
        return base;
    }
    let path;
    if (driver === 'containers' && !reader.has('path')) {
        const service = reader.required('service', '`[a-z0-9][a-z0-9_.-]{0,62}`', ' with `driver: containers`');
        if (!SERVICE_PATTERN.test(service))
            throw new InputError('service', `is ${showValue(service)}`, '`[a-z0-9][a-z0-9_.-]{0,62}`');
        path = `~/.shiprail/${service}`;
    }
    else {
        path = parsePathInput(reader, 'path');
    }
    const source = driver === 'releases' ? reader.string('source') : '';
    if (/[\0\n\r]/.test(source)) {
        throw new InputError('source', `is ${showValue(source)}`, 'a directory or a .tar.gz/.tgz file');
    }
    return { ...base, hosts: parseHosts(reader.string('hosts')), path, source };
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

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/ncc/core/checks/http-probe.js
var http_probe = __webpack_require__(1634);
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
            const checked = await (0,steps_phases/* timed */.a)(ctx, phases, 'doctor', () => doctor(doctorSettingsForDeploy(driverSettings), ctx));
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

// EXTERNAL MODULE: ./build/ncc/core/wording.js
var wording = __webpack_require__(2247);
;// CONCATENATED MODULE: ./build/ncc/report/doctor-report.js
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
        tables.push(doctorTable(result.preflight, 'Hosts (read-only check)'));
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
