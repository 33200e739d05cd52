/*
 * The perl programs of the releases driver's host scripts (release-scripts.ts), each run with
 * \`perl -e\` and its values as arguments. perl-base is essential on Debian and Ubuntu; where
 * perl is missing, the scripts fall back to the shell tools.
 */

/**
 * The perl sub `dir`, `mkdir -p` below the directory in the perl variable `base`, each directory
 * made once (%made): the prelinking and the linking programs both build a release's tree with it.
 */
const makeParents = (base: '$pre' | '$new') => String.raw`sub dir {
  my ($d) = @_;
  return if $made{$d}++;
  my $i = rindex($d, '/');
  dir(substr($d, 0, $i)) if $i > 0;
  mkdir("${base}/$d") or $!{EEXIST} or die "mkdir ${base}/$d: $!
";
}`

/**
 * Compares a tree with a stat snapshot, with perl: stdin holds `find -printf '%i %s %T@ %m %P\0'`
 * of the tree, $1 is the snapshot. Prints how many snapshot lines the disk no longer matches
 * (what `sort | comm -23` counts); with $2 = `exact`, files the snapshot lacks count too.
 */
export const COMPARE_PERL = String.raw`
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
`

/**
 * Links every file of the stat snapshot $2 from the release directory $1 into $3 (the release's
 * "prelinked" tree), then writes `$3.done`: `ok\t<release>` or `failed\t<why>`. Run in the
 * background, at low priority, after a deploy has switched: the next deploy's LINK then renames
 * this tree instead of making ten thousand links while the user waits, once PREPARE has checked
 * it against the snapshot.
 */
export const PRELINK_PERL = String.raw`
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
`

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
export const LINK_PERL = String.raw`
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
`
