import { parseHistory, type HistoryEntry } from '../drivers/release-history.js'
import { freeSpace } from '../drivers/release-scripts.js'

/**
 * What doctor learns about one host in one round trip, strictly read-only: the script below
 * only tests, lists and reads (`command -v`, `test -w`, `df`, `readlink`, `head`, `tail`); it
 * creates nothing, not even the layout a deploy would create. Every value is a positional
 * parameter (see hostScript), so nothing a user typed becomes code.
 *
 * $1: deploy root (a leading `~/` means the login user's home, as for the containers driver's
 * default), $2: bytes of history to read from its tail, $3...: programs to look for.
 */
export const PROBE_SCRIPT = `
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
if [ -d "$probe" ]; then${freeSpace('probe')}
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
`

/** History is read from its tail: doctor only needs the newest lines. */
export const PROBE_HISTORY_BYTES = 64 * 1024

export interface HostFacts {
  /** Login user on the host. */
  user: string
  /** Deploy root as the host sees it (`~/` expanded). */
  root: string
  /** Program name → where it was found. */
  programs: Record<string, string>
  missing: string[]
  /** The root, or its nearest existing parent. */
  existing: string
  /** `existing` is not a directory. */
  existingNotDir: boolean
  /** Directories a deploy writes that the login user cannot, with their owner. */
  unwritable: { path: string; owner: string }[]
  /** Free KiB on the file system of `existing`, and its mount point. */
  freeKiB?: number
  mount?: string
  /** `current` as written in the symlink, its resolved path (absent when dangling). */
  current?: string
  currentResolved?: string
  /** `current` exists but is not a symlink. */
  currentNotLink: boolean
  /** Raw content of `.shiprail/lock`; undefined when there is none. */
  lock?: string
  lockIsDir: boolean
  history: HistoryEntry[]
  /** Docker daemon version, when docker was looked for and answered. */
  dockerServer?: string
  /** Why `docker version` could not reach the daemon. */
  dockerError?: string
}

/** Reads the probe's answer. Pure. */
export function parseProbe(stdout: string): HostFacts {
  const facts: HostFacts = {
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
  }
  const historyAt = stdout.indexOf('--history--\n')
  let head = historyAt >= 0 ? stdout.slice(0, historyAt) : stdout
  if (historyAt >= 0) facts.history = parseHistory(stdout.slice(historyAt + '--history--\n'.length))
  const lockAt = head.indexOf('--lock--\n')
  if (lockAt >= 0) {
    const end = head.indexOf('\n--end-lock--\n', lockAt)
    facts.lock = head.slice(lockAt + '--lock--\n'.length, end >= 0 ? end : undefined).trim()
    head = head.slice(0, lockAt) + (end >= 0 ? head.slice(end + '\n--end-lock--\n'.length) : '')
  }
  for (const line of head.split('\n')) {
    const [key, ...rest] = line.split('\t')
    const value = rest.join('\t')
    if (key === 'user') facts.user = value
    else if (key === 'root') facts.root = value
    else if (key === 'program') facts.programs[rest[0]] = rest.slice(1).join('\t')
    else if (key === 'missing') facts.missing.push(value)
    else if (key === 'existing') facts.existing = value
    else if (key === 'notdir') facts.existingNotDir = true
    else if (key === 'unwritable') facts.unwritable.push({ path: rest[0], owner: rest[1] ?? '' })
    else if (key === 'free') {
      facts.freeKiB = Number(rest[0])
      facts.mount = rest.slice(1).join('\t')
    } else if (key === 'current') facts.current = value
    else if (key === 'resolved') facts.currentResolved = value
    else if (key === 'notlink') facts.currentNotLink = true
    else if (key === 'lockdir') facts.lockIsDir = true
    else if (key === 'dockerd') facts.dockerServer = value
    else if (key === 'dockerdenied') facts.dockerError = value
  }
  return facts
}
