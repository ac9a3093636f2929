/** The README's backend table, kept between two markers and regenerated from the capability matrix. */
import { capabilityTable } from './capabilities';

const START = /<!-- capabilities: generated[^\n]*-->\n/;
const END = '<!-- capabilities:end -->';

/** The README with its capability table replaced by the current one; the README unchanged without markers. */
export function withCapabilityTable(readme: string): string {
  const start = START.exec(readme);
  const end = readme.indexOf(END);
  if (!start || end < start.index) return readme;
  const head = readme.slice(0, start.index + start[0].length);
  return `${head}${capabilityTable()}${readme.slice(end)}`;
}
