/*
 * Host-side scripts of the releases driver. Each is a fixed function body run by `bash -s` on
 * the host (see hostScript); every value is a positional parameter, so nothing a user typed
 * becomes code, except the before-switch/after-switch scripts, which are meant to run and are
 * passed as data to `bash -c`. Every SSH command costs a session and the login shell's start,
 * so each phase is one script per host.
 */

import { COMPARE_PERL, LINK_PERL, PRELINK_PERL } from './release-perl.js'

/**
 * Prints `free\t<KiB available>\t<mount point>` for the filesystem holding the directory in
 * the shell variable `dir` (POSIX `df -P`: one line, fixed columns; the mount point may hold
 * spaces, so it comes last). Prints nothing when df fails: the check is then skipped rather
 * than the deploy refused. Shared by the deploy's PREPARE and doctor's probe.
 */
export const freeSpace = (dir: 'root' | 'probe') => `
df -Pk -- "$${dir}" 2>/dev/null | { read -r _; read -r _ _ _ avail _ mount \\
  && printf 'free\\t%s\\t%s\\n' "$avail" "$mount"; } || true`

/**
 * Removes what `$root/releases/.trash` holds, in the background: the command that put it there
 * returns at once, and the next deploy starts this again for whatever a reboot interrupted.
 * The trash is inside releases/ so that moving a release there is a rename on the same
 * filesystem even when releases/ is a link to another disk; as a dot-name it is no release.
 * Its output goes nowhere, so the SSH session ends without waiting for it.
 */
const emptyTrash = (root: string) => `
if [ -d "${root}/releases/.trash" ]; then
  (cd -- "${root}/releases/.trash" && exec nohup nice find . -mindepth 1 -maxdepth 1 \\
    -exec rm -rf -- {} + </dev/null >/dev/null 2>&1 &)
fi`

/**
 * Starts PRELINK_PERL for release $release under the root in $root, detached (its output goes
 * nowhere, so the SSH command does not wait for it). Needs perl and the release's snapshot.
 */
const startPrelink = `
if command -v perl >/dev/null 2>&1 && [ -f "$root/.shiprail/manifests/$release.stat" ]; then
  (cd -- "$root" && state=$PWD/.shiprail/manifests && cd releases \\
    && exec nohup nice perl -e '${PRELINK_PERL.replace(/'/g, "'\\''")}' "$PWD/$release" \\
    "$state/$release.stat" "$PWD/.prelink-$release" "$release" </dev/null >/dev/null 2>&1 &)
fi`

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
export const PREPARE = `
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
if [ -f .shiprail/history.jsonl ]; then tail -c "$2" .shiprail/history.jsonl; fi`

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
export const LINK = `
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
printf 'linked\\t%s\\n' "$(tr -cd '\\0' < "$tmp/link" | wc -c)"`

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
export const FINISH = `
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
fi`

/** Runs a user hook in the release; the hook text is data here, run by bash -c. */
export const HOOK = `
root=$1
release=$2
hook=$3
shift 3
cd -- "$root/releases/$release" || exit 1
export SHIPRAIL_PATH="$root" SHIPRAIL_RELEASE="$release" SHIPRAIL_RELEASE_PATH="$PWD"
while [ $# -ge 2 ]; do export "$1=$2"; shift 2; done
exec bash --noprofile --norc -eo pipefail -c "$hook" shiprail-hook </dev/null`

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
)`

export const SWITCH = SWITCH_BODY

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
exit $status`

export const RECORD = `
set -uo pipefail${RECORD_BODY}`

/**
 * The switch and, once it is done, the history line and the pruning, in one command: $1 root,
 * $2 release, $3 the lock's token ('' = keep the lock), then RECORD's $2... Prints `switched`
 * between the two, so a failure after it is told apart from a failed switch, and `unlocked`
 * once the lock is removed at the end (as RELEASE: only while it is still ours). Then starts
 * prelinking the new release for the next deploy (see PRELINK_PERL), in the background.
 */
export const SWITCH_AND_RECORD = `
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
exit $status`

/**
 * LINK in its `inband-finish` mode, then, once it has made the whole release, SWITCH_AND_RECORD:
 * one command for a deploy to one host without hooks, where nothing else needs to happen between
 * the upload and the switch. $1-$6 are LINK's, the rest SWITCH_AND_RECORD's. Prints LINK's
 * answer, then `switching` right before the switch: without that line, nothing was switched.
 */
export const LINK_AND_SWITCH = `
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
shiprail_switch "$@"`
