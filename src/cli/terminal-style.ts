import type { TextStyle } from '../report/summary.js'

/**
 * Colour for people at a terminal, never for a file, a pipe or a CI log that cannot show it:
 * on only when the stream is a TTY, NO_COLOR is unset or empty (https://no-color.org) and TERM
 * is not `dumb`.
 */
export function wantsColour(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  return isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb'
}

const SGR = { bold: '1', dim: '2', red: '31', green: '32', yellow: '33' } as const
export type Paint = (code: keyof typeof SGR, text: string) => string

export function painter(colour: boolean): Paint {
  return (code, text) => (colour ? `\u001b[${SGR[code]}m${text}\u001b[0m` : text)
}

/** The summary's title in bold, its verdict green, red or plain by outcome. */
export function summaryStyle(paint: Paint): TextStyle {
  return {
    title: text => paint('bold', text),
    verdict: (text, tone) =>
      tone === 'good' ? paint('green', text) : tone === 'bad' ? paint('red', text) : text
  }
}
