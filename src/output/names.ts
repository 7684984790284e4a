/** The lint output format names, apart from the formatters, so the CLI can list them without loading any. */
export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github'] as const;

export type FormatName = (typeof FORMAT_NAMES)[number];

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}
