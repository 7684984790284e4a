/**
 * Colour for terminal output: on for a terminal, off for a pipe or file; NO_COLOR (any non-empty
 * value, https://no-color.org) turns it off and FORCE_COLOR (any value but 0 or false) on, the
 * latter winning, as in Node itself.
 */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  return stream.isTTY === true;
}

/** The terminal's width for wrapping, or undefined (no wrapping) when the stream is not a terminal. */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number }): number | undefined {
  return stream.isTTY === true && stream.columns !== undefined && stream.columns > 0 ? stream.columns : undefined;
}

const ESC = '\u001b[';
export type Paint = (s: string) => string;
export const paint = (on: boolean, open: string, close: string): Paint => (on ? (s) => `${ESC}${open}m${s}${ESC}${close}m` : (s) => s);

/** The styles microplan's outputs use. */
export function palette(on: boolean) {
  return {
    underline: paint(on, '4', '24'),
    dim: paint(on, '2', '22'),
    red: paint(on, '31', '39'),
    yellow: paint(on, '33', '39'),
    green: paint(on, '32', '39'),
    bold: paint(on, '1', '22'),
  };
}
