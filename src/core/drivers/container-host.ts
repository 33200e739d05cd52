import { HostError, lastLines } from './host-transport.js'
import { requireOk, type FleetHost } from './host-fleet.js'
import { formatHistoryLine, parseHistory, type HistoryEntry } from './release-history.js'

/**
 * What the containers driver does on one host, each a fixed bash function body run through the
 * host's transport (see hostScript): values are positional parameters and `docker` always gets
 * them as separate words ("$@"), so nothing a user typed becomes shell code, except the
 * proxy-reload and after-switch commands, which are meant to run and go to `bash -c` as data.
 */

const SCRIPT_TIMEOUT_MS = 60_000
const PULL_TIMEOUT_MS = 3600_000
const HOOK_TIMEOUT_MS = 3600_000
const STOP_TIMEOUT_MS = 120_000
/** History is read from its tail; old lines only matter for containers long pruned. */
const HISTORY_TAIL_BYTES = 512 * 1024

/** A container of the service, as `docker inspect` reports it. */
export interface ContainerInfo {
  name: string
  /** created, running, exited, ... */
  state: string
  release: string
  version: string
  /** Image ID. */
  image: string
  /** Host ports it is published on while running. */
  ports: number[]
}

export interface ContainerHost extends FleetHost {
  containers: ContainerInfo[]
  /** Image IDs present on the host. */
  images: Set<string>
  /** The upstream file's content before this operation; undefined when there was none. */
  upstream?: string
  history: HistoryEntry[]
  /** The container serving before this operation. */
  live?: ContainerInfo
  /** Image ID of the new release on this host. */
  imageId?: string
  /** The container this operation puts live, and the host port it is published on. */
  next?: { name: string; port?: number }
  /** The new container was created here: remove it if the operation fails. */
  created: boolean
  /** This host's switch was attempted: undo it if another host fails. */
  switchTried: boolean
}

const NEED_DOCKER = `command -v docker >/dev/null || { echo "docker is not installed on this host" >&2; exit 3; }`

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
if [ -f "$root/.shiprail/history.jsonl" ]; then tail -c "$3" -- "$root/.shiprail/history.jsonl"; fi`

export function parseInspect(host: ContainerHost, stdout: string): void {
  const sections = new Map<string, string>()
  let current = 'containers'
  let text = ''
  for (const line of stdout.split('\n')) {
    const m = /^--(images|upstream|history)--$/.exec(line)
    if (m) {
      sections.set(current, text)
      current = m[1]
      text = ''
    } else text += line + '\n'
  }
  sections.set(current, text)
  host.containers = (sections.get('containers') ?? '')
    .split('\n')
    .filter(l => l.includes('|'))
    .map(line => {
      const [name, state, release, version, image, ports] = line.split('|')
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
      }
    })
  host.images = new Set(
    (sections.get('images') ?? '').split('\n').filter(l => l.startsWith('sha256:'))
  )
  const upstream = sections.get('upstream') ?? ''
  host.upstream = upstream.startsWith('present\n')
    ? upstream.slice('present\n'.length).replace(/\n+$/, '')
    : undefined
  host.history = parseHistory(sections.get('history') ?? '')
}

export async function inspectHost(
  host: ContainerHost,
  service: string,
  upstreamFile: string
): Promise<void> {
  const result = await host.transport.run(
    INSPECT,
    [host.root, service, String(HISTORY_TAIL_BYTES), upstreamFile],
    { timeoutMs: SCRIPT_TIMEOUT_MS }
  )
  requireOk(host, `inspecting ${service}`, result, SCRIPT_TIMEOUT_MS)
  parseInspect(host, result.stdout)
}

/** The port an upstream file sends traffic to, from its `server 127.0.0.1:<port>;` line. */
export function upstreamPort(content: string | undefined): number | undefined {
  const m = content ? /server\s+127\.0\.0\.1:(\d+)\s*;/.exec(content) : null
  return m ? Number(m[1]) : undefined
}

export function upstreamLine(port: number): string {
  return `server 127.0.0.1:${port};`
}

/**
 * The container serving now. Behind nginx: the running container published on the port the
 * upstream file names (the file is what nginx reads, so it is the truth). Without a proxy: the
 * newest running container of the service.
 */
export function findLive(host: ContainerHost, proxy: 'nginx' | 'none'): ContainerInfo | undefined {
  const running = host.containers.filter(c => c.state === 'running')
  if (proxy === 'nginx') {
    const port = upstreamPort(host.upstream)
    return running.find(c => port !== undefined && c.ports.includes(port))
  }
  return [...running].sort((a, b) => a.release.localeCompare(b.release)).pop()
}

const DOCKER = `exec docker "$@"`

/** Runs `docker <args>` on the host; throws naming `what` when it fails. */
export async function docker(
  host: FleetHost,
  what: string,
  args: string[],
  timeoutMs = SCRIPT_TIMEOUT_MS,
  signal?: AbortSignal
): Promise<string> {
  const result = await host.transport.run(DOCKER, args, { timeoutMs, signal })
  requireOk(host, what, result, timeoutMs)
  return result.stdout
}

const ENSURE_IMAGE = `
set -uo pipefail
${NEED_DOCKER}
if docker image inspect --format '{{.Id}}' -- "$1" 2>/dev/null; then exit 0; fi
docker pull --quiet -- "$1" >&2 || exit 1
docker image inspect --format '{{.Id}}' -- "$1"`

/** The image's ID on the host, pulled first unless present (a digest reference pins it). */
export async function ensureImage(
  host: FleetHost,
  image: string,
  signal?: AbortSignal
): Promise<string> {
  const result = await host.transport.run(ENSURE_IMAGE, [image], {
    timeoutMs: PULL_TIMEOUT_MS,
    signal
  })
  requireOk(host, `getting image ${image}`, result, PULL_TIMEOUT_MS)
  return imageIdFrom(host, result.stdout)
}

/** Whether the host has the image with this ID (an ID is never re-pointed, unlike a tag). */
export async function hasImage(host: FleetHost, id: string): Promise<boolean> {
  const result = await host.transport.run(
    `${NEED_DOCKER}\ndocker image inspect --format '{{.Id}}' -- "$1" >/dev/null 2>&1 || exit 1`,
    [id],
    { timeoutMs: SCRIPT_TIMEOUT_MS }
  )
  if (result.exitCode === 3) requireOk(host, 'checking the image', result, SCRIPT_TIMEOUT_MS)
  return result.exitCode === 0
}

export async function makeDirectory(host: FleetHost, dir: string): Promise<void> {
  const result = await host.transport.run('mkdir -p -- "$1"', [dir], {
    timeoutMs: SCRIPT_TIMEOUT_MS
  })
  requireOk(host, `creating ${dir}`, result, SCRIPT_TIMEOUT_MS)
}

function imageIdFrom(host: FleetHost, stdout: string): string {
  const id = stdout.trim().split('\n').pop() ?? ''
  if (!/^sha256:[0-9a-f]{64}$/.test(id))
    throw new HostError(host.transport.label, `unexpected image ID ${JSON.stringify(id)}`)
  return id
}

const LOAD_ARCHIVE = `
set -uo pipefail
${NEED_DOCKER}
docker load --quiet --input "$1" >&2 || exit 1
if [ -n "$3" ]; then rm -rf -- "$3"; fi
docker image inspect --format '{{.Id}}' -- "$2"`

/** Loads a `docker save` tarball, removes `uploadDir` (if any), and returns the image's ID. */
export async function loadArchive(
  host: FleetHost,
  archive: string,
  image: string,
  uploadDir: string,
  signal?: AbortSignal
): Promise<string> {
  const result = await host.transport.run(LOAD_ARCHIVE, [archive, image, uploadDir], {
    timeoutMs: PULL_TIMEOUT_MS,
    signal
  })
  requireOk(host, `loading ${archive} (it must hold ${image})`, result, PULL_TIMEOUT_MS)
  return imageIdFrom(host, result.stdout)
}

const RUN_CONTAINER = `
set -uo pipefail
name=$1 port=$2
shift 2
docker run "$@" >/dev/null || exit 1
if [ -n "$port" ]; then docker port "$name" "$port/tcp" | head -n 1; fi`

const START_CONTAINER = `
set -uo pipefail
docker start -- "$1" >/dev/null || exit 1
if [ -n "$2" ]; then docker port "$1" "$2/tcp" | head -n 1; fi`

/** The host port from `docker port` output (`127.0.0.1:32768`), or undefined. */
export function portFrom(stdout: string): number | undefined {
  const m = /:(\d+)\s*$/.exec(stdout.trim())
  return m ? Number(m[1]) : undefined
}

/** `docker run` with `args` (options then image); returns the published host port. */
export async function runContainer(
  host: FleetHost,
  name: string,
  containerPort: number | undefined,
  args: string[],
  signal?: AbortSignal
): Promise<number | undefined> {
  const result = await host.transport.run(
    RUN_CONTAINER,
    [name, containerPort ? String(containerPort) : '', ...args],
    { timeoutMs: STOP_TIMEOUT_MS, signal }
  )
  requireOk(host, `starting ${name}`, result, STOP_TIMEOUT_MS)
  return portFrom(result.stdout)
}

/** Starts a kept (stopped) container again; returns its new host port (docker picks afresh). */
export async function startContainer(
  host: FleetHost,
  name: string,
  containerPort: number | undefined
): Promise<number | undefined> {
  const result = await host.transport.run(
    START_CONTAINER,
    [name, containerPort ? String(containerPort) : ''],
    { timeoutMs: STOP_TIMEOUT_MS }
  )
  requireOk(host, `starting ${name}`, result, STOP_TIMEOUT_MS)
  return portFrom(result.stdout)
}

export async function stopContainers(host: FleetHost, names: string[]): Promise<void> {
  if (names.length === 0) return
  await docker(
    host,
    `stopping ${names.join(', ')}`,
    ['stop', '--time', '10', '--', ...names],
    STOP_TIMEOUT_MS
  )
}

export async function removeContainers(host: FleetHost, names: string[]): Promise<void> {
  if (names.length === 0) return
  await docker(
    host,
    `removing ${names.join(', ')}`,
    ['rm', '--force', '--', ...names],
    STOP_TIMEOUT_MS
  )
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
done`

export interface HealthCheck {
  /** `http`: poll `path`; `auto`: the image's HEALTHCHECK, else still running after 5 s. */
  mode: 'http' | 'auto'
  addr: string
  port?: number
  path: string
  timeoutSeconds: number
}

/** Throws HostError with the reason and the container's log tail when it is not healthy. */
export async function waitHealthy(
  host: FleetHost,
  name: string,
  check: HealthCheck,
  redact: (text: string) => string,
  signal?: AbortSignal
): Promise<void> {
  const timeoutMs = (check.timeoutSeconds + 30) * 1000
  const result = await host.transport.run(
    HEALTH,
    [
      name,
      check.mode,
      check.addr,
      String(check.port ?? ''),
      check.path,
      String(check.timeoutSeconds)
    ],
    { timeoutMs, signal }
  )
  if (result.exitCode === 0) return
  const why = lastLines(result.stdout || result.stderr, 1)
  const logs = await host.transport
    .run(`docker logs --tail 20 -- "$1" 2>&1 | tail -c 1500`, [name], {
      timeoutMs: SCRIPT_TIMEOUT_MS
    })
    .then(r => lastLines(r.stdout, 5))
    .catch(() => '(no log)')
  throw new HostError(
    host.transport.label,
    `${name} is not healthy: ${why}; its log ends: ${redact(logs)}`
  )
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
bash --noprofile --norc -eo pipefail -c "$reload" shiprail-proxy-reload </dev/null`

export async function writeUpstream(
  host: FleetHost,
  file: string,
  content: string,
  reload: string
): Promise<void> {
  const result = await host.transport.run(WRITE_UPSTREAM, [file, content, reload], {
    timeoutMs: SCRIPT_TIMEOUT_MS
  })
  requireOk(host, `switching ${file} and running proxy-reload`, result, SCRIPT_TIMEOUT_MS)
}

/** after-switch on the host, in the state directory, with the SHIPRAIL_* variables. */
const HOOK = `
root=$1 hook=$2
shift 2
cd -- "$root" || exit 1
while [ $# -ge 2 ]; do export "$1=$2"; shift 2; done
exec bash --noprofile --norc -eo pipefail -c "$hook" shiprail-hook </dev/null`

export async function runHostHook(
  host: FleetHost,
  hook: string,
  env: string[],
  onLine: (line: string) => void,
  signal?: AbortSignal
): Promise<void> {
  const result = await host.transport.run(HOOK, [host.root, hook, ...env], {
    timeoutMs: HOOK_TIMEOUT_MS,
    signal,
    onLine
  })
  requireOk(host, 'the script', result, HOOK_TIMEOUT_MS)
}

/** Runs a one-off container (`docker run --rm ...`), its output shown line by line. */
export async function runOneOff(
  host: FleetHost,
  args: string[],
  onLine: (line: string) => void,
  signal?: AbortSignal
): Promise<void> {
  const result = await host.transport.run(DOCKER, ['run', '--rm', ...args], {
    timeoutMs: HOOK_TIMEOUT_MS,
    signal,
    onLine
  })
  requireOk(host, 'the one-off container', result, HOOK_TIMEOUT_MS)
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
exit $status`

export async function recordHistory(
  host: FleetHost,
  entries: HistoryEntry[],
  containers: string[] = [],
  images: string[] = []
): Promise<void> {
  const text = entries.map(e => formatHistoryLine(e) + '\n').join('')
  const result = await host.transport.run(
    RECORD,
    [host.root, text, ...containers.map(c => `container:${c}`), ...images.map(i => `image:${i}`)],
    { timeoutMs: STOP_TIMEOUT_MS }
  )
  requireOk(host, 'recording history', result, STOP_TIMEOUT_MS)
}
