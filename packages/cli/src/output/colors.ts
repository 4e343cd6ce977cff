/** ANSI styling that is on only for a TTY and never when NO_COLOR is set (https://no-color.org). */
export interface Colors {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

/** Colours for a stream: plain text unless it is a TTY and NO_COLOR is unset or empty. */
export function colorsFor(
  stream: { isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>,
): Colors {
  const on = stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
  const wrap =
    (open: number, close: number) =>
    (text: string): string =>
      on ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    green: wrap(32, 39),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
  };
}
