export const id = 584;
export const ids = [584];
export const modules = {

/***/ 2584:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createContainersDriver: () => (/* binding */ createContainersDriver)
});

// UNUSED EXPORTS: containerHookVariables

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/ncc/core/errors.js
var errors = __webpack_require__(5052);
// EXTERNAL MODULE: ./build/ncc/core/drivers/host-transport.js
var host_transport = __webpack_require__(6285);
// EXTERNAL MODULE: ./build/ncc/core/drivers/host-fleet.js
var host_fleet = __webpack_require__(2940);
// EXTERNAL MODULE: ./build/ncc/core/drivers/release-history.js
var release_history = __webpack_require__(6911);
;// CONCATENATED MODULE: ./build/ncc/core/drivers/container-host.js



/**
 * What the containers driver does on one host, each a fixed bash function body run through the
 * host's transport (see hostScript): values are positional parameters and `docker` always gets
 * them as separate words ("$@"), so nothing a user typed becomes shell code, except the
 * proxy-reload and after-switch commands, which are meant to run and go to `bash -c` as data.
 */
const SCRIPT_TIMEOUT_MS = 60_000;
const PULL_TIMEOUT_MS = 3600_000;
const HOOK_TIMEOUT_MS = 3600_000;
const STOP_TIMEOUT_MS = 120_000;
/** History is read from its tail; old lines only matter for containers long pruned. */
const HISTORY_TAIL_BYTES = 512 * 1024;
const NEED_DOCKER = `command -v docker >/dev/null || { echo "docker is not installed on this host" >&2; exit 3; }`;
const INSPECT = `
set -uo pipefail
root=$1 service=$2 upstream=$4
mkdir -p -- "$root/.shiprail" || exit 1
${NEED_DOCKER}
ids=$(docker ps -aq --no-trunc --filter "label=shiprail.service=$service") || exit 1
if [ -n "$ids" ]; then
  # IDs are hex: splitting them into words is what is wanted.
  # shellcheck disable=SC2086
  docker inspect --format '{{.Name}}|{{.State.Status}}|{{index .Config.Labels "shiprail.release"}}|{{index .Config.Labels "shiprail.version"}}|{{.Image}}|{{range $p, $b := .NetworkSettings.Ports}}{{range $b}}{{.HostPort}} {{end}}{{end}}' $ids || exit 1
fi
echo '--images--'
docker images -q --no-trunc || exit 1
echo '--upstream--'
if [ -n "$upstream" ] && [ -f "$upstream" ]; then echo present; head -c 4096 -- "$upstream"; echo; fi
echo '--history--'
if [ -f "$root/.shiprail/history.jsonl" ]; then tail -c "$3" -- "$root/.shiprail/history.jsonl"; fi`;
function parseInspect(host, stdout) {
    const sections = new Map();
    let current = 'containers';
    let text = '';
    for (const line of stdout.split('\n')) {
        const m = /^--(images|upstream|history)--$/.exec(line);
        if (m) {
            sections.set(current, text);
            current = m[1];
            text = '';
        }
        else
            text += line + '\n';
    }
    sections.set(current, text);
    host.containers = (sections.get('containers') ?? '')
        .split('\n')
        .filter(l => l.includes('|'))
        .map(line => {
        const [name, state, release, version, image, ports] = line.split('|');
        return {
            name: name.replace(/^\//, ''),
            state,
            release,
            version,
            image,
            ports: (ports ?? '')
                .split(' ')
                .filter(p => /^\d+$/.test(p))
                .map(Number)
        };
    });
    host.images = new Set((sections.get('images') ?? '').split('\n').filter(l => l.startsWith('sha256:')));
    const upstream = sections.get('upstream') ?? '';
    host.upstream = upstream.startsWith('present\n')
        ? upstream.slice('present\n'.length).replace(/\n+$/, '')
        : undefined;
    host.history = (0,release_history/* parseHistory */.i6)(sections.get('history') ?? '');
}
async function inspectHost(host, service, upstreamFile) {
    const result = await host.transport.run(INSPECT, [host.root, service, String(HISTORY_TAIL_BYTES), upstreamFile], { timeoutMs: SCRIPT_TIMEOUT_MS });
    (0,host_fleet/* requireOk */.Mo)(host, `inspecting ${service}`, result, SCRIPT_TIMEOUT_MS);
    parseInspect(host, result.stdout);
}
/** The port an upstream file sends traffic to, from its `server 127.0.0.1:<port>;` line. */
function upstreamPort(content) {
    const m = content ? /server\s+127\.0\.0\.1:(\d+)\s*;/.exec(content) : null;
    return m ? Number(m[1]) : undefined;
}
function upstreamLine(port) {
    return `server 127.0.0.1:${port};`;
}
/**
 * The container serving now. Behind nginx: the running container published on the port the
 * upstream file names (the file is what nginx reads, so it is the truth). Without a proxy: the
 * newest running container of the service.
 */
function findLive(host, proxy) {
    const running = host.containers.filter(c => c.state === 'running');
    if (proxy === 'nginx') {
        const port = upstreamPort(host.upstream);
        return running.find(c => port !== undefined && c.ports.includes(port));
    }
    return [...running].sort((a, b) => a.release.localeCompare(b.release)).pop();
}
const DOCKER = `exec docker "$@"`;
/** Runs `docker <args>` on the host; throws naming `what` when it fails. */
async function docker(host, what, args, timeoutMs = SCRIPT_TIMEOUT_MS, signal) {
    const result = await host.transport.run(DOCKER, args, { timeoutMs, signal });
    (0,host_fleet/* requireOk */.Mo)(host, what, result, timeoutMs);
    return result.stdout;
}
const ENSURE_IMAGE = `
set -uo pipefail
${NEED_DOCKER}
if docker image inspect --format '{{.Id}}' -- "$1" 2>/dev/null; then exit 0; fi
docker pull --quiet -- "$1" >&2 || exit 1
docker image inspect --format '{{.Id}}' -- "$1"`;
/** The image's ID on the host, pulled first unless present (a digest reference pins it). */
async function ensureImage(host, image, signal) {
    const result = await host.transport.run(ENSURE_IMAGE, [image], {
        timeoutMs: PULL_TIMEOUT_MS,
        signal
    });
    (0,host_fleet/* requireOk */.Mo)(host, `getting image ${image}`, result, PULL_TIMEOUT_MS);
    return imageIdFrom(host, result.stdout);
}
/** Whether the host has the image with this ID (an ID is never re-pointed, unlike a tag). */
async function hasImage(host, id) {
    const result = await host.transport.run(`${NEED_DOCKER}\ndocker image inspect --format '{{.Id}}' -- "$1" >/dev/null 2>&1 || exit 1`, [id], { timeoutMs: SCRIPT_TIMEOUT_MS });
    if (result.exitCode === 3)
        (0,host_fleet/* requireOk */.Mo)(host, 'checking the image', result, SCRIPT_TIMEOUT_MS);
    return result.exitCode === 0;
}
async function makeDirectory(host, dir) {
    const result = await host.transport.run('mkdir -p -- "$1"', [dir], {
        timeoutMs: SCRIPT_TIMEOUT_MS
    });
    (0,host_fleet/* requireOk */.Mo)(host, `creating ${dir}`, result, SCRIPT_TIMEOUT_MS);
}
function imageIdFrom(host, stdout) {
    const id = stdout.trim().split('\n').pop() ?? '';
    if (!/^sha256:[0-9a-f]{64}$/.test(id))
        throw new host_transport/* HostError */.dh(host.transport.label, `unexpected image ID ${JSON.stringify(id)}`);
    return id;
}
const LOAD_ARCHIVE = `
set -uo pipefail
${NEED_DOCKER}
docker load --quiet --input "$1" >&2 || exit 1
if [ -n "$3" ]; then rm -rf -- "$3"; fi
docker image inspect --format '{{.Id}}' -- "$2"`;
/** Loads a `docker save` tarball, removes `uploadDir` (if any), and returns the image's ID. */
async function loadArchive(host, archive, image, uploadDir, signal) {
    const result = await host.transport.run(LOAD_ARCHIVE, [archive, image, uploadDir], {
        timeoutMs: PULL_TIMEOUT_MS,
        signal
    });
    (0,host_fleet/* requireOk */.Mo)(host, `loading ${archive} (it must hold ${image})`, result, PULL_TIMEOUT_MS);
    return imageIdFrom(host, result.stdout);
}
const RUN_CONTAINER = `
set -uo pipefail
name=$1 port=$2
shift 2
docker run "$@" >/dev/null || exit 1
if [ -n "$port" ]; then docker port "$name" "$port/tcp" | head -n 1; fi`;
const START_CONTAINER = `
set -uo pipefail
docker start -- "$1" >/dev/null || exit 1
if [ -n "$2" ]; then docker port "$1" "$2/tcp" | head -n 1; fi`;
/** The host port from `docker port` output (`127.0.0.1:32768`), or undefined. */
function portFrom(stdout) {
    const m = /:(\d+)\s*$/.exec(stdout.trim());
    return m ? Number(m[1]) : undefined;
}
/** `docker run` with `args` (options then image); returns the published host port. */
async function runContainer(host, name, containerPort, args, signal) {
    const result = await host.transport.run(RUN_CONTAINER, [name, containerPort ? String(containerPort) : '', ...args], { timeoutMs: STOP_TIMEOUT_MS, signal });
    (0,host_fleet/* requireOk */.Mo)(host, `starting ${name}`, result, STOP_TIMEOUT_MS);
    return portFrom(result.stdout);
}
/** Starts a kept (stopped) container again; returns its new host port (docker picks afresh). */
async function startContainer(host, name, containerPort) {
    const result = await host.transport.run(START_CONTAINER, [name, containerPort ? String(containerPort) : ''], { timeoutMs: STOP_TIMEOUT_MS });
    (0,host_fleet/* requireOk */.Mo)(host, `starting ${name}`, result, STOP_TIMEOUT_MS);
    return portFrom(result.stdout);
}
async function stopContainers(host, names) {
    if (names.length === 0)
        return;
    await docker(host, `stopping ${names.join(', ')}`, ['stop', '--time', '10', '--', ...names], STOP_TIMEOUT_MS);
}
async function removeContainers(host, names) {
    if (names.length === 0)
        return;
    await docker(host, `removing ${names.join(', ')}`, ['rm', '--force', '--', ...names], STOP_TIMEOUT_MS);
}
/**
 * Waits on the host (one round trip, the loop runs there) until the container is healthy:
 * `http` polls `path` on `addr:port` with bash's /dev/tcp (no curl needed on the host) until a
 * 2xx status line; `auto` waits for the image's HEALTHCHECK to say healthy, or, without one,
 * wants the container still running after 5 s. A container that stops fails at once.
 */
const HEALTH = `
set -u
name=$1 mode=$2 addr=$3 port=$4 path=$5 timeout=$6
end=$((SECONDS + timeout))
begin=$SECONDS
probe() {
  exec 3<>"/dev/tcp/$addr/$port" || return 1
  printf 'GET %s HTTP/1.0\\r\\nHost: %s\\r\\nConnection: close\\r\\n\\r\\n' "$path" "$addr" >&3
  local line=''
  IFS= read -r -t 5 line <&3
  exec 3<&- 3>&-
  case $line in "HTTP/"*" 2"[0-9][0-9]*) return 0 ;; esac
  last="answered \${line%$'\\r'}"
  return 1
}
last='no answer yet'
while :; do
  read -r status health < <(docker inspect --format '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}}' -- "$name" 2>/dev/null || echo missing)
  if [ "$status" != running ]; then echo "the container is $status"; exit 1; fi
  case $mode in
    http) if probe 2>/dev/null; then echo healthy; exit 0; fi ;;
    *)
      if [ -n "\${health:-}" ]; then
        # The image has a HEALTHCHECK: its verdict decides.
        if [ "$health" = healthy ]; then echo healthy; exit 0; fi
        last="HEALTHCHECK says $health"
      elif [ $((SECONDS - begin)) -ge 5 ]; then echo healthy; exit 0
      else last='still running'; fi ;;
  esac
  if [ "$SECONDS" -ge "$end" ]; then echo "not healthy after $timeout s ($path: $last)"; exit 1; fi
  sleep 0.1
done`;
/** Throws HostError with the reason and the container's log tail when it is not healthy. */
async function waitHealthy(host, name, check, redact, signal) {
    const timeoutMs = (check.timeoutSeconds + 30) * 1000;
    const result = await host.transport.run(HEALTH, [
        name,
        check.mode,
        check.addr,
        String(check.port ?? ''),
        check.path,
        String(check.timeoutSeconds)
    ], { timeoutMs, signal });
    if (result.exitCode === 0)
        return;
    const why = (0,host_transport/* lastLines */.w$)(result.stdout || result.stderr, 1);
    const logs = await host.transport
        .run(`docker logs --tail 20 -- "$1" 2>&1 | tail -c 1500`, [name], {
        timeoutMs: SCRIPT_TIMEOUT_MS
    })
        .then(r => (0,host_transport/* lastLines */.w$)(r.stdout, 5))
        .catch(() => '(no log)');
    throw new host_transport/* HostError */.dh(host.transport.label, `${name} is not healthy: ${why}; its log ends: ${redact(logs)}`);
}
/**
 * Replaces the upstream file atomically (a temp file beside it, then rename), then runs the
 * reload command. An empty content removes the file (undoing a first deploy).
 */
const WRITE_UPSTREAM = `
set -euo pipefail
file=$1 content=$2 reload=$3
dir=$(dirname -- "$file")
mkdir -p -- "$dir"
if [ -z "$content" ]; then rm -f -- "$file"; else
  tmp="$dir/.$(basename -- "$file").shiprail-$$"
  printf '%s\\n' "$content" > "$tmp"
  mv -f -- "$tmp" "$file"
fi
bash --noprofile --norc -eo pipefail -c "$reload" shiprail-proxy-reload </dev/null`;
async function writeUpstream(host, file, content, reload) {
    const result = await host.transport.run(WRITE_UPSTREAM, [file, content, reload], {
        timeoutMs: SCRIPT_TIMEOUT_MS
    });
    (0,host_fleet/* requireOk */.Mo)(host, `switching ${file} and running proxy-reload`, result, SCRIPT_TIMEOUT_MS);
}
/** after-switch on the host, in the state directory, with the SHIPRAIL_* variables. */
const HOOK = `
root=$1 hook=$2
shift 2
cd -- "$root" || exit 1
while [ $# -ge 2 ]; do export "$1=$2"; shift 2; done
exec bash --noprofile --norc -eo pipefail -c "$hook" shiprail-hook </dev/null`;
async function runHostHook(host, hook, env, onLine, signal) {
    const result = await host.transport.run(HOOK, [host.root, hook, ...env], {
        timeoutMs: HOOK_TIMEOUT_MS,
        signal,
        onLine
    });
    (0,host_fleet/* requireOk */.Mo)(host, 'the script', result, HOOK_TIMEOUT_MS);
}
/** Runs a one-off container (`docker run --rm ...`), its output shown line by line. */
async function runOneOff(host, args, onLine, signal) {
    const result = await host.transport.run(DOCKER, ['run', '--rm', ...args], {
        timeoutMs: HOOK_TIMEOUT_MS,
        signal,
        onLine
    });
    (0,host_fleet/* requireOk */.Mo)(host, 'the one-off container', result, HOOK_TIMEOUT_MS);
}
/**
 * Appends whole history lines with one write (O_APPEND), then removes the named containers and
 * images; an image still used by a container stays (docker refuses), which is what we want.
 */
const RECORD = `
set -uo pipefail
root=$1
printf '%s' "$2" >> "$root/.shiprail/history.jsonl" || exit 1
shift 2
status=0
for item in "$@"; do
  case $item in
    container:*) docker rm --force -- "\${item#container:}" >/dev/null || status=1 ;;
    image:*) docker image rm -- "\${item#image:}" >/dev/null 2>&1 || true ;;
  esac
done
exit $status`;
async function recordHistory(host, entries, containers = [], images = []) {
    const text = entries.map(e => (0,release_history/* formatHistoryLine */.kz)(e) + '\n').join('');
    const result = await host.transport.run(RECORD, [host.root, text, ...containers.map(c => `container:${c}`), ...images.map(i => `image:${i}`)], { timeoutMs: STOP_TIMEOUT_MS });
    (0,host_fleet/* requireOk */.Mo)(host, 'recording history', result, STOP_TIMEOUT_MS);
}

// EXTERNAL MODULE: ./build/ncc/core/ledger/ledger.js
var ledger = __webpack_require__(6192);
;// CONCATENATED MODULE: ./build/ncc/core/drivers/container-plan.js


/**
 * Pure decisions of the containers driver: names, `docker run` arguments, what a deploy left
 * behind, what to prune. Tested table-driven; the driver only carries them out.
 */
/** Docker names allow [a-zA-Z0-9_.-]: a `+` of a version becomes `_` in the release name. */
function containerRelease(release) {
    return release.replace(/\+/g, '_');
}
function containerName(service, release) {
    return `${service}-${release}`;
}
/**
 * The `docker run` options of a release's container (the image goes after them). With
 * `proxy: nginx` each container gets a free 127.0.0.1 port of its host, chosen by docker.
 */
function runOptions(settings, release, version) {
    const publish = settings.proxy === 'nginx' ? `127.0.0.1::${settings.containerPort}` : settings.publish;
    return [
        '--detach',
        '--name',
        containerName(settings.service, release),
        '--label',
        `shiprail.service=${settings.service}`,
        '--label',
        `shiprail.version=${version}`,
        '--label',
        `shiprail.release=${release}`,
        ...settings.dockerArgs,
        ...(publish ? ['--publish', publish] : [])
    ];
}
/** The port inside the container whose host port `docker port` should report. */
function publishedContainerPort(settings) {
    if (settings.proxy === 'nginx')
        return settings.containerPort;
    if (!settings.publish)
        return undefined;
    return Number(settings.publish
        .replace(/\/(tcp|udp)$/, '')
        .split(':')
        .pop());
}
/** How a new container's health is judged, given the host port it was published on. */
function healthCheck(settings, hostPort) {
    let addr = '127.0.0.1';
    if (settings.proxy === 'none' && settings.publish) {
        // `ip:host:container` binds one address; 0.0.0.0 (every address) includes loopback.
        const ip = /^(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:]+\]):/.exec(settings.publish)?.[1];
        if (ip && ip !== '0.0.0.0' && ip !== '[::]')
            addr = ip.replace(/^\[|\]$/g, '');
    }
    return {
        mode: settings.healthPath ? 'http' : 'auto',
        addr,
        port: hostPort,
        path: settings.healthPath,
        timeoutSeconds: settings.healthTimeoutSeconds
    };
}
/** Releases that went live at least once on this host (a success line in its history). */
function wentLive(history) {
    return new Set(history.filter(e => e.outcome === 'success').map(e => e.release));
}
/**
 * Containers an earlier, interrupted deploy left: never live (no success line) and not serving
 * now. They are removed before a new deploy starts.
 */
function leftovers(host) {
    const live = wentLive(host.history);
    return host.containers.filter(c => c.name !== host.live?.name && !live.has(c.release));
}
/**
 * Containers to remove after a release `live` went live: releasesToPrune's rule (the live one,
 * the rollback target and the newest `keep` good ones stay), applied to the kept containers,
 * and the images only they used.
 */
function pruneContainers(history, containers, live, keep) {
    const remove = new Set((0,release_history/* releasesToPrune */.W3)(history, containers.map(c => c.release), live, keep));
    const gone = containers.filter(c => remove.has(c.release) && c.release !== live);
    const stay = containers.filter(c => !gone.includes(c));
    const usedImages = new Set(stay.map(c => c.image));
    // Only an image that once ran a live release is an old release's image. A container that never
    // went live (a failed or killed deploy) may run the very image the next deploy asks for (a
    // retry): removing it would untag that image and force a pull, or fail without a registry.
    const wentLive = new Set(history.filter(e => e.outcome !== 'failure').map(e => e.release));
    return {
        containers: gone.map(c => c.name),
        images: [...new Set(gone.filter(c => wentLive.has(c.release)).map(c => c.image))].filter(i => !usedImages.has(i))
    };
}
/** Releases a rollback can return to here: a kept container, or a kept image with its arguments. */
function rollbackCandidates(host) {
    const fromContainers = host.containers.map(c => c.release);
    const fromImages = host.history
        .filter(e => e.image && e.runArgs && host.images.has(e.image))
        .map(e => e.release);
    return [...new Set([...fromContainers, ...fromImages])];
}
/** The newest history line of a release that carries how its container was run. */
function runRecord(history, release) {
    const entry = [...history].reverse().find(e => e.release === release && e.image && e.runArgs);
    return entry ? { image: entry.image, runArgs: entry.runArgs } : undefined;
}
/**
 * Picks each host's rollback target (release-history's rule, over the releases this host can
 * still run) and names its container; the problems when any host has none, or when the target
 * would run another image than the ID the ledger recorded for the version (`recorded`).
 */
function pickTargets(hosts, service, version, recorded) {
    const problems = [];
    for (const host of hosts) {
        const pick = (0,release_history/* pickRollbackRelease */.BC)(host.history, version, rollbackCandidates(host));
        if (!pick.ok) {
            problems.push(`${host.transport.label}: ${pick.reason}`);
            continue;
        }
        const want = (0,ledger/* recordedImageId */.Rd)(recorded, host.transport.label);
        const has = host.containers.find(c => c.release === pick.release)?.image ??
            runRecord(host.history, pick.release)?.image;
        if (want !== undefined && has !== undefined && has !== want) {
            problems.push(`${host.transport.label}: ${pick.release} runs ${has}, not ${want}, the image ID the ledger recorded for ${version}`);
            continue;
        }
        host.report.release = pick.release;
        host.next = { name: containerName(service, pick.release) };
    }
    return problems.length ? { ok: false, problems } : { ok: true };
}

;// CONCATENATED MODULE: ./build/ncc/core/drivers/container-switch.js




/**
 * The switch of the containers driver, all or nothing across hosts.
 * - nginx: every host's new container is already healthy; each host's upstream file is
 *   replaced and proxy-reload runs. If any host fails, the hosts already tried get their
 *   previous upstream file back (and a reload).
 * - none: on each host the old container stops, then the new one starts (`start`) and must
 *   turn healthy. If any host fails, every host already tried loses the new container and gets
 *   its old one started again.
 */
async function switchNginx(hosts, settings, ctx) {
    const results = await ctx.logger.group('Switch the upstream on every host', () => (0,host_fleet/* forEachHost */.nY)(hosts, settings.parallel, host => (0,host_fleet/* timed */.ay)(host, 'switch', async () => {
        host.switchTried = true;
        await writeUpstream(host, settings.upstreamFile, upstreamLine(host.next.port), settings.proxyReload);
        ctx.logger.info(`${host.transport.label}: ${settings.upstreamFile} -> ${host.next.name} (127.0.0.1:${host.next.port})`);
    })));
    if (results.every(r => r.ok))
        return;
    const back = hosts.filter(h => h.switchTried);
    const undo = await ctx.logger.group('Restore the previous upstream', () => (0,host_fleet/* forEachHost */.nY)(back, settings.parallel, host => writeUpstream(host, settings.upstreamFile, host.upstream ?? '', settings.proxyReload)));
    const stuck = back.filter((_, i) => !undo[i].ok).map(h => h.transport.label);
    (0,host_fleet/* warnFailures */.eB)(back, undo, ctx);
    (0,host_fleet/* failIfAny */.GO)(hosts, results, 'The switch', stuck.length === 0
        ? 'Every host has its previous upstream file again.'
        : `Restoring the previous upstream FAILED on ${stuck.join(', ')}: check ${settings.upstreamFile} there.`);
}
/**
 * `proxy: none`: stop old, start new, health. `start(host)` creates or starts the new container
 * and returns its host port.
 */
async function switchInPlace(hosts, settings, ctx, start) {
    const results = await ctx.logger.group('Replace the container on every host', () => (0,host_fleet/* forEachHost */.nY)(hosts, settings.parallel, host => (0,host_fleet/* timed */.ay)(host, 'switch', async () => {
        host.switchTried = true;
        if (host.live)
            await stopContainers(host, [host.live.name]);
        const port = await start(host);
        host.next.port = port;
        await waitHealthy(host, host.next.name, healthCheck(settings, port), t => ctx.secrets.redact(t));
        ctx.logger.info(`${host.transport.label}: ${host.live?.name ?? '(nothing)'} -> ${host.next.name}`);
    })));
    if (results.every(r => r.ok))
        return;
    const back = hosts.filter(h => h.switchTried);
    const undo = await ctx.logger.group('Start the old containers again', () => (0,host_fleet/* forEachHost */.nY)(back, settings.parallel, async (host) => {
        await restoreInPlace(host, settings);
    }));
    (0,host_fleet/* warnFailures */.eB)(back, undo, ctx);
    const stuck = back.filter((_, i) => !undo[i].ok).map(h => h.transport.label);
    (0,host_fleet/* failIfAny */.GO)(hosts, results, 'The switch', stuck.length === 0
        ? 'Every host runs its old container again.'
        : `Starting the old container again FAILED on ${stuck.join(', ')}.`);
}
/** Undoes one host's in-place switch: the new container goes, the old one starts again. */
async function restoreInPlace(host, settings) {
    if (host.created)
        await removeContainers(host, [host.next.name]);
    else
        await stopContainers(host, [host.next.name]);
    if (host.live)
        await startContainer(host, host.live.name, publishedContainerPort(settings));
}
/**
 * After the switch: the old containers keep serving requests already sent to them for
 * `drain-seconds`, then every running container of the service but the new one is stopped
 * (kept for rollback). Failures are warnings: the new release is live either way.
 */
async function drainAndStop(hosts, settings, ctx) {
    const old = (host) => host.containers
        .filter(c => c.state === 'running' && c.name !== host.next.name)
        .map(c => c.name);
    if (!hosts.some(h => old(h).length > 0))
        return;
    if (settings.proxy === 'nginx' && settings.drainSeconds > 0) {
        ctx.logger.info(`Draining the old containers for ${settings.drainSeconds} s`);
        // Not cancellable: a cancelled job still stops the old containers cleanly.
        await ctx.clock.sleep(settings.drainSeconds * 1000);
    }
    const results = await ctx.logger.group('Stop the old containers (kept for rollback)', () => (0,host_fleet/* forEachHost */.nY)(hosts, settings.parallel, host => (0,host_fleet/* timed */.ay)(host, 'stop old', async () => {
        const names = old(host);
        await stopContainers(host, names);
        if (names.length)
            ctx.logger.info(`${host.transport.label}: stopped ${names.join(', ')}`);
    })));
    (0,host_fleet/* warnFailures */.eB)(hosts, results, ctx, ' (the next deploy stops it)');
}
function cancelledBeforeSwitch(ctx) {
    if (ctx.signal.aborted)
        throw new errors/* CheckFailedError */.CO('The deploy was cancelled before the switch; no host was switched.');
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./build/ncc/core/drivers/container-image.js







const UPLOAD_TIMEOUT_MS = 3600_000;
/**
 * Puts the image on every host: pulled unless present (a digest reference pins it), or a
 * `docker save` tarball uploaded over the host's connection and loaded. Records the image ID
 * each host will run: a tag can point elsewhere tomorrow, the ID cannot. With `recorded` (the
 * IDs the ledger record names), a host that still has its ID uses it as is; one that lost it
 * gets the image again, which must have the same ID.
 */
async function imageOntoHosts(hosts, settings, ctx, recorded) {
    const known = hosts.filter(h => (0,ledger/* recordedImageId */.Rd)(recorded, h.transport.label) !== undefined);
    const present = await (0,host_fleet/* forEachHost */.nY)(known, settings.parallel, host => (0,host_fleet/* timed */.ay)(host, 'image', async () => {
        const id = (0,ledger/* recordedImageId */.Rd)(recorded, host.transport.label);
        if (await hasImage(host, id))
            host.imageId = host.report.image = id;
    }));
    (0,host_fleet/* failIfAny */.GO)(known, present, 'Checking the image', 'Nothing was changed.');
    const missing = hosts.filter(h => h.imageId === undefined);
    if (missing.length)
        await deliver(missing, settings, ctx);
    for (const host of missing) {
        const id = (0,ledger/* recordedImageId */.Rd)(recorded, host.transport.label);
        if (id !== undefined && id !== host.imageId)
            throw new host_transport/* HostError */.dh(host.transport.label, `${settings.image} is now ${host.imageId}, not the ${id} this deployment recorded (the reference moved meanwhile). Nothing was changed.`);
    }
}
/**
 * The payload fields naming what the hosts run: one `image_id` when every host has the same,
 * else each host's in `image_ids`.
 */
function recordedImages(hosts) {
    const ids = new Set(hosts.map(h => h.imageId));
    if (ids.size === 1)
        return { image_id: hosts[0].imageId ?? null };
    return {
        image_id: null,
        image_ids: Object.fromEntries(hosts.map(h => [h.transport.label, h.imageId]))
    };
}
async function deliver(hosts, settings, ctx) {
    let staged;
    try {
        const archive = settings.imageArchive ? (0,external_node_path_.resolve)(ctx.run.workspace, settings.imageArchive) : '';
        if (archive && hosts.some(h => h.transport.label !== 'local')) {
            staged = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'shiprail-image-'));
            // rsync sends directories: stage the tarball alone in one (a hard link costs nothing).
            await (0,promises_.link)(archive, (0,external_node_path_.join)(staged, (0,external_node_path_.basename)(archive))).catch(() => (0,promises_.copyFile)(archive, (0,external_node_path_.join)(staged, (0,external_node_path_.basename)(archive))));
        }
        const results = await ctx.logger.group(`Image ${settings.image} onto every host`, () => (0,host_fleet/* forEachHost */.nY)(hosts, settings.parallel, host => (0,host_fleet/* timed */.ay)(host, 'image', async () => {
            if (!archive) {
                host.imageId = await ensureImage(host, settings.image, ctx.signal);
            }
            else if (host.transport.label === 'local') {
                host.imageId = await loadArchive(host, archive, settings.image, '', ctx.signal);
            }
            else {
                const dir = `${host.root}/.shiprail/upload`;
                // The first deploy to a host has no state directory yet; rsync makes only the last.
                await makeDirectory(host, dir);
                await host.transport.upload(staged, dir, {
                    timeoutMs: UPLOAD_TIMEOUT_MS,
                    signal: ctx.signal
                });
                host.imageId = await loadArchive(host, `${dir}/${(0,external_node_path_.basename)(archive)}`, settings.image, dir, ctx.signal);
            }
            host.report.image = host.imageId;
            ctx.logger.info(`${host.transport.label}: ${settings.image} is ${host.imageId}`);
        })));
        (0,host_fleet/* failIfAny */.GO)(hosts, results, 'Getting the image', 'Nothing was changed.');
    }
    finally {
        if (staged)
            await (0,promises_.rm)(staged, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./build/ncc/core/drivers/driver.js
var driver = __webpack_require__(2761);
// EXTERNAL MODULE: ./build/ncc/core/drivers/release-source.js
var release_source = __webpack_require__(1630);
;// CONCATENATED MODULE: ./build/ncc/core/drivers/containers-driver.js











function newHost(base) {
    return {
        ...base,
        containers: [],
        images: new Set(),
        history: [],
        created: false,
        switchTried: false
    };
}
/** The containers driver's hook variables (see HOOK_VARIABLES), as name, value pairs. */
function containerHookVariables(request, service, container) {
    return [...(0,driver/* hookVariables */.hv)(request), 'SHIPRAIL_SERVICE', service, 'SHIPRAIL_CONTAINER', container];
}
/** `driver: containers`: Docker containers behind a health-gated, all-or-nothing switch. */
function createContainersDriver(settings) {
    const remote = settings.hosts.some(h => !h.local);
    const hookEnv = (request, host) => containerHookVariables(request, settings.service, host.next?.name ?? '');
    const show = (ctx, host) => (line) => ctx.logger.info(ctx.secrets.redact(`[${host.transport.label}] ${line}`));
    async function inspectAll(hosts) {
        const inspected = await (0,host_fleet/* forEachHost */.nY)(hosts, settings.parallel, async (host) => {
            await inspectHost(host, settings.service, settings.upstreamFile);
            host.live = findLive(host, settings.proxy);
        });
        (0,host_fleet/* failIfAny */.GO)(hosts, inspected, 'Inspecting the hosts', 'Nothing was changed.');
    }
    /** "The next deploy removes what it left": containers of an interrupted deploy go first. */
    async function removeLeftovers(hosts, ctx) {
        const results = await (0,host_fleet/* forEachHost */.nY)(hosts, settings.parallel, async (host) => {
            const names = leftovers(host).map(c => c.name);
            if (names.length === 0)
                return;
            ctx.logger.info(`${host.transport.label}: removing ${names.join(', ')} (left by an interrupted deploy)`);
            await removeContainers(host, names);
            host.containers = host.containers.filter(c => !names.includes(c.name));
        });
        (0,host_fleet/* warnFailures */.eB)(hosts, results, ctx);
    }
    async function deploy(hosts, request, ctx) {
        const { logger } = ctx;
        await inspectAll(hosts);
        await removeLeftovers(hosts, ctx);
        const taken = hosts.flatMap(h => [
            ...h.containers.map(c => c.release),
            ...h.history.map(e => e.release)
        ]);
        const release = containerRelease((0,release_history/* releaseName */["do"])(ctx.clock.now(), request.version, taken));
        const name = containerName(settings.service, release);
        const options = runOptions(settings, release, request.version);
        for (const host of hosts)
            host.report.release = release;
        await imageOntoHosts(hosts, settings, ctx, request.images);
        const entry = (host, outcome) => ({
            release,
            version: request.version,
            ref: request.ref,
            operation: 'deploy',
            time: ctx.clock.now().toISOString(),
            outcome,
            deploymentId: request.deploymentId,
            image: host.imageId,
            runArgs: options
        });
        const create = async (host) => {
            host.created = true;
            host.next = { name };
            return runContainer(host, name, publishedContainerPort(settings), [...options, host.imageId], ctx.signal);
        };
        try {
            if (settings.proxy === 'nginx') {
                const started = await logger.group(`Start ${name} on every host`, () => (0,host_fleet/* forEachHost */.nY)(hosts, settings.parallel, host => (0,host_fleet/* timed */.ay)(host, 'start', async () => {
                    const port = await create(host);
                    if (port === undefined)
                        throw new errors/* CheckFailedError */.CO(`${name} has no published port for ${settings.containerPort}`);
                    host.next = { name, port };
                })));
                (0,host_fleet/* failIfAny */.GO)(hosts, started, 'Starting the new container', 'No host was switched; every host still serves its old container.');
                const healthy = await logger.group('Wait until every new container is healthy', () => (0,host_fleet/* forEachHost */.nY)(hosts, settings.parallel, host => (0,host_fleet/* timed */.ay)(host, 'health', () => waitHealthy(host, name, healthCheck(settings, host.next.port), t => ctx.secrets.redact(t), ctx.signal))));
                (0,host_fleet/* failIfAny */.GO)(hosts, healthy, 'The health check', 'No host was switched; every host still serves its old container.');
            }
            else {
                for (const host of hosts)
                    host.next = { name };
            }
            await beforeSwitch(hosts[0], request, ctx);
            cancelledBeforeSwitch(ctx);
            if (settings.proxy === 'nginx')
                await switchNginx(hosts, settings, ctx);
            else
                await switchInPlace(hosts, settings, ctx, create);
        }
        catch (err) {
            // Cleanup runs even when the job was cancelled: no signal here.
            const made = hosts.filter(h => h.created && !(settings.proxy === 'none' && h.switchTried));
            await logger.group('Remove the new containers', async () => {
                const removed = await (0,host_fleet/* forEachHost */.nY)(made, settings.parallel, host => removeContainers(host, [name]));
                (0,host_fleet/* warnFailures */.eB)(made, removed, ctx, ' (the next deploy removes it)');
                const recorded = await (0,host_fleet/* forEachHost */.nY)(hosts.filter(h => h.created), settings.parallel, host => recordHistory(host, [entry(host, 'failure')]));
                (0,host_fleet/* warnFailures */.eB)(hosts, recorded, ctx);
            });
            throw err;
        }
        await drainAndStop(hosts, settings, ctx);
        const after = await afterSwitch(hosts, request, ctx);
        await logger.group('Record history and prune', async () => {
            const results = await (0,host_fleet/* forEachHost */.nY)(hosts, settings.parallel, async (host) => {
                const done = entry(host, after.ok ? 'success' : 'failure');
                const kept = [
                    ...host.containers,
                    {
                        name,
                        state: 'running',
                        release,
                        version: request.version,
                        image: host.imageId,
                        ports: []
                    }
                ];
                const prune = after.ok
                    ? pruneContainers([...host.history, done], kept, release, settings.keepReleases)
                    : { containers: [], images: [] };
                if (prune.containers.length)
                    logger.info(`${host.transport.label}: removing ${prune.containers.join(', ')}`);
                await recordHistory(host, [done], prune.containers, prune.images);
            });
            (0,host_fleet/* warnFailures */.eB)(hosts, results, ctx);
        });
        if (!after.ok)
            throw after.error;
        return { release, hosts: hosts.map(h => h.report) };
    }
    /** before-switch: once, on the first host, in a one-off container of the new image. */
    async function beforeSwitch(host, request, ctx) {
        if (settings.beforeSwitch.trim() === '')
            return;
        const env = hookEnv(request, host);
        const envArgs = [];
        for (let i = 0; i < env.length; i += 2)
            envArgs.push(`--env=${env[i]}=${env[i + 1]}`);
        await ctx.logger.group('before-switch', async () => {
            try {
                await (0,host_fleet/* timed */.ay)(host, 'before-switch', () => runOneOff(host, [
                    ...settings.dockerArgs,
                    ...envArgs,
                    '--entrypoint',
                    '/bin/sh',
                    host.imageId,
                    '-c',
                    settings.beforeSwitch
                ], show(ctx, host), ctx.signal));
            }
            catch (err) {
                throw new errors/* CheckFailedError */.CO(`before-switch failed: ${err instanceof Error ? err.message : String(err)}. No host was switched; every host still serves its old container.`);
            }
        });
    }
    function afterSwitch(hosts, request, ctx) {
        return (0,host_fleet/* afterSwitchAll */.GY)(settings.afterSwitch, hosts, settings.parallel, ctx, 'container', host => runHostHook(host, settings.afterSwitch, hookEnv(request, host), show(ctx, host), ctx.signal));
    }
    async function rollback(hosts, request, ctx) {
        await inspectAll(hosts);
        const targets = pickTargets(hosts, settings.service, request.version, request.images);
        if (!targets.ok) {
            throw new errors/* CheckFailedError */.CO(`Cannot roll back to ${request.version}: ${targets.problems.join('; ')}. Nothing was changed.`);
        }
        const port = publishedContainerPort(settings);
        const bring = async (host) => {
            const target = host.next.name;
            if (host.containers.some(c => c.name === target))
                return startContainer(host, target, port);
            const record = runRecord(host.history, host.report.release);
            host.created = true;
            return runContainer(host, target, port, [...record.runArgs, record.image]);
        };
        for (const host of hosts) {
            ctx.logger.info(`${host.transport.label}: ${host.live?.name ?? '(nothing live)'} -> ${host.next.name}`);
        }
        const moving = hosts.filter(h => h.live?.name !== h.next.name);
        try {
            if (settings.proxy === 'nginx') {
                const ready = await ctx.logger.group('Start the kept containers', () => (0,host_fleet/* forEachHost */.nY)(moving, settings.parallel, host => (0,host_fleet/* timed */.ay)(host, 'start', async () => {
                    host.next.port = await bring(host);
                    await waitHealthy(host, host.next.name, healthCheck(settings, host.next.port), t => ctx.secrets.redact(t), ctx.signal);
                })));
                (0,host_fleet/* failIfAny */.GO)(moving, ready, 'Starting the rollback target', 'No host was switched; every host still serves its current container.');
                await switchNginx(moving, settings, ctx);
            }
            else {
                await switchInPlace(moving, settings, ctx, bring);
            }
        }
        catch (err) {
            if (settings.proxy === 'nginx') {
                const stop = await (0,host_fleet/* forEachHost */.nY)(moving, settings.parallel, async (host) => {
                    if (host.created)
                        await removeContainers(host, [host.next.name]);
                    else
                        await stopContainers(host, [host.next.name]);
                });
                (0,host_fleet/* warnFailures */.eB)(moving, stop, ctx);
            }
            throw err;
        }
        await drainAndStop(moving, settings, ctx);
        const after = await afterSwitch(hosts, request, ctx);
        const time = ctx.clock.now().toISOString();
        const recorded = await (0,host_fleet/* forEachHost */.nY)(hosts, settings.parallel, async (host) => {
            const entries = [];
            const from = host.live;
            const to = host.report.release;
            const how = runRecord(host.history, to);
            if (how)
                host.report.image = how.image;
            if (from && from.release !== to) {
                entries.push({
                    release: from.release,
                    version: from.version,
                    ref: '',
                    operation: 'rollback',
                    time,
                    outcome: 'rolled-back',
                    deploymentId: request.deploymentId,
                    bad: true
                });
            }
            entries.push({
                release: to,
                version: request.version,
                ref: request.ref,
                operation: 'rollback',
                time,
                outcome: after.ok ? 'success' : 'failure',
                deploymentId: request.deploymentId,
                ...(from && from.release !== to ? { rollbackOf: from.release } : {}),
                ...(how ? { image: how.image, runArgs: how.runArgs } : {})
            });
            await recordHistory(host, entries);
        });
        (0,host_fleet/* warnFailures */.eB)(hosts, recorded, ctx);
        if (!after.ok)
            throw after.error;
        return { release: hosts[0]?.report.release, hosts: hosts.map(h => h.report) };
    }
    return {
        name: 'containers',
        async preflight(ctx) {
            ctx.secrets.add(settings.sshKey);
            (0,host_fleet/* warnIfKeysUnverified */.xm)(settings, ctx.logger);
            if (remote)
                await (0,release_source/* requireTool */.Y0)('ssh', 'to reach remote hosts', ctx.run.env);
            if (settings.imageArchive) {
                const archive = (0,external_node_path_.resolve)(ctx.run.workspace, settings.imageArchive);
                const info = await (0,promises_.stat)(archive).catch(() => undefined);
                if (!info?.isFile()) {
                    throw new errors/* UserError */.yo(`Input 'image-archive' is ${JSON.stringify(settings.imageArchive)}, which is not a file; expected a \`docker save\` tarball on the runner.`);
                }
                if (remote)
                    await (0,release_source/* requireTool */.Y0)('rsync', 'to upload the image archive', ctx.run.env);
            }
        },
        plan(request) {
            const hosts = settings.hosts.map(h => h.label).join(', ');
            const lines = [`hosts: ${hosts} (${settings.parallel} at a time); state in ${settings.path}`];
            if (request.operation === 'deploy') {
                const image = settings.imageArchive
                    ? `upload ${settings.imageArchive} and docker load it on every host`
                    : `pull ${settings.image} on every host where it is not present`;
                lines.push(`${image}, before the deployment is recorded (its payload names the image ID)`);
            }
            lines.push(`lock ${settings.path}/.shiprail/lock on every host (wait up to ${settings.lockTimeoutSeconds} s)`);
            const health = settings.healthPath
                ? `until ${settings.healthPath} answers 2xx`
                : "until the image's HEALTHCHECK says healthy (or it still runs after 5 s)";
            if (request.operation === 'rollback') {
                lines.push(`start the kept container of ${request.version} on every host (or run its kept image), wait ${health}`);
            }
            else {
                lines.push(`run ${settings.service}-<UTC time>-${request.version} on every host and wait ${health} (at most ${settings.healthTimeoutSeconds} s)`, ...(settings.beforeSwitch.trim()
                    ? ['run before-switch once, in a one-off container on the first host']
                    : []));
            }
            lines.push(settings.proxy === 'nginx'
                ? `when every host is ready, replace ${settings.upstreamFile} on every host, run \`${settings.proxyReload}\`, drain ${settings.drainSeconds} s, stop the old container (kept)`
                : 'on every host stop the old container, start the new one and wait until it is healthy; put the old one back everywhere if any host fails', ...(settings.afterSwitch.trim() ? ['run after-switch on every host'] : []), `record history in ${settings.path}/.shiprail/history.jsonl; keep ${settings.keepReleases} stopped containers (plus the rollback target)`, 'unlock every host');
            return lines;
        },
        /** The image onto every host before the deployment is recorded, its ID into the payload. */
        async resolve(_request, ctx) {
            ctx.secrets.add(settings.sshKey);
            return (0,host_fleet/* withFleet */.xd)(settings, settings.path, ctx, newHost, async (hosts) => {
                await imageOntoHosts(hosts, settings, ctx);
                return recordedImages(hosts);
            });
        },
        async apply(request, ctx) {
            ctx.secrets.add(settings.sshKey);
            return (0,host_fleet/* withLockedFleet */.Tv)(settings, settings.path, ctx, newHost, hosts => request.operation === 'rollback'
                ? rollback(hosts, request, ctx)
                : deploy(hosts, request, ctx));
        }
    };
}


/***/ }),

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


/***/ })

};
