import type { CheckSpec } from './check-spec.js'

/**
 * Header names whose values are credentials: masked wherever they could be shown, and not sent
 * on to another origin when a redirect leaves the one they were meant for. A word anywhere in
 * the name counts (`X-Deploy-Credential`, `X-Session-Id`, `Proxy-Authorization`): a list of
 * known names always misses the one a team made up, and masking a harmless header costs nothing.
 */
const CREDENTIAL_HEADER =
  /auth|token|secret|key|cookie|credential|password|passwd|session|signature/i
const CREDENTIAL_QUERY =
  /^(token|access_token|api_key|apikey|key|secret|password|passwd|sig|signature|auth|code)$|[-_](token|key|secret|password|signature)$/i

export function isCredentialHeader(name: string): boolean {
  return CREDENTIAL_HEADER.test(name.trim())
}

/**
 * The headers a redirect to `to` may carry: every credential header is dropped when the origin
 * (scheme, host and port) changes, so an http URL answering with a redirect to https on the
 * same host does not get them either: the credential was written for the other origin.
 */
export function headersForRedirect(
  headers: Record<string, string>,
  from: URL,
  to: URL
): Record<string, string> {
  if (to.origin === from.origin) return headers
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !isCredentialHeader(k)))
}

/** The URL with its password and credential-named query values replaced by `***`. */
export function maskUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return url
  }
  if (parsed.password) parsed.password = '***'
  else if (parsed.username) parsed.username = '***'
  for (const key of [...parsed.searchParams.keys()]) {
    if (CREDENTIAL_QUERY.test(key) && parsed.searchParams.get(key))
      parsed.searchParams.set(key, '***')
  }
  // searchParams.set encodes `*`; keep the mask readable.
  return parsed.toString().replace(/%2A%2A%2A/g, '***')
}

/** Credential values a check carries, for the redactor: header values, URL passwords, tokens. */
export function checkSecrets(check: CheckSpec): string[] {
  const out: string[] = []
  for (const [name, value] of Object.entries(check.headers)) {
    if (!isCredentialHeader(name)) continue
    out.push(value)
    // `Bearer abc`: the token alone may be echoed by a server or a tool.
    const scheme = /^\S+\s+(\S.*)$/.exec(value)
    if (scheme) out.push(scheme[1])
  }
  try {
    const parsed = new URL(check.url)
    if (parsed.password) out.push(decodeURIComponent(parsed.password), parsed.password)
    for (const [key, value] of parsed.searchParams) if (CREDENTIAL_QUERY.test(key)) out.push(value)
  } catch {
    // The URL was validated when the check was parsed.
  }
  return out.filter(v => v.trim() !== '')
}

/** Request headers as they may be shown: credential values replaced by `***`. */
export function shownHeaders(headers: Record<string, string>): string[] {
  return Object.entries(headers).map(([k, v]) => `${k}: ${isCredentialHeader(k) ? '***' : v}`)
}

/** Registers every credential the checks carry, before anything about them is logged. */
export function maskCheckSecrets(
  checks: readonly CheckSpec[],
  secrets: { add(value: string): void }
): void {
  for (const check of checks) for (const secret of checkSecrets(check)) secrets.add(secret)
}
