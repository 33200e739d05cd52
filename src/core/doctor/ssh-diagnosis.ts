import type { HostSpec } from '../settings/deploy-settings.js'

/**
 * Why an SSH connection failed, told apart from OpenSSH's own words (LogLevel=ERROR keeps
 * only these lines). Each kind has a different fix, so doctor reports them as different checks:
 * `unreachable` (nothing answers), `host-key-unknown` / `host-key-changed` (the host answered
 * with a key known-hosts does not vouch for), `auth-refused` (the host refused our key).
 */
export type SshFailureKind =
  'unreachable' | 'host-key-unknown' | 'host-key-changed' | 'auth-refused'

export interface SshDiagnosis {
  kind: SshFailureKind
  /** OpenSSH's reason in plain words, without paths of our temporary files. */
  detail: string
}

/** Classifies the message of a failed `ssh` connect. Pure. */
export function diagnoseSsh(message: string): SshDiagnosis {
  // Our temp known_hosts file is gone when the user reads this; never point at it.
  const detail = message
    .split(' / ')
    .filter(part => !/^Offending .* key in |^Remove with:|ssh-keygen -f /.test(part))
    .join(' / ')
    .replace(/\/\S*shiprail-ssh-[^\s:]+/g, '(known-hosts)')
    .trim()
  if (
    /IDENTIFICATION HAS CHANGED|host key for .* has changed|Host key for .* has changed/i.test(
      message
    )
  )
    return { kind: 'host-key-changed', detail }
  if (
    /Host key verification failed|No [A-Z0-9-]+ host key is known|host key is not known/i.test(
      message
    )
  )
    return { kind: 'host-key-unknown', detail }
  if (
    /Permission denied|Too many authentication failures|Load key .*: (invalid format|error in libcrypto)|no such identity|Authentication failed/i.test(
      message
    )
  )
    return { kind: 'auth-refused', detail }
  return { kind: 'unreachable', detail }
}

function portFlag(host: HostSpec): string {
  return host.port ? `-p ${host.port} ` : ''
}

/** What to do about each kind of failure, with the host's own names in the commands. */
export function sshFix(kind: SshFailureKind, host: HostSpec): string {
  const user = host.user ?? 'the deploy user'
  switch (kind) {
    case 'unreachable':
      return `Check that ${host.host} resolves and its sshd listens on port ${host.port ?? 22} for this machine (try: ssh ${portFlag(host)}${host.user ? `${host.user}@` : ''}${host.host} true); open the firewall or fix the address in hosts.`
    case 'host-key-unknown':
      return `Add the host's key to known-hosts: run ssh-keyscan ${portFlag(host)}${host.host}, check its fingerprint (ssh-keygen -lf on that output) against ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub run on the host, and put the line in the known-hosts input (docs/hosts.md).`
    case 'host-key-changed':
      return `The host's key is not the one in known-hosts. If the host was rebuilt, check its new fingerprint (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub on the host) and replace its line in known-hosts; otherwise do not deploy: something may be intercepting the connection.`
    case 'auth-refused':
      return `Put the public half of ssh-key in ~${host.user ?? ''}/.ssh/authorized_keys on the host (owned by ${user}, mode 600) and check the user name in hosts (${host.label}).`
  }
}
