import { schemaModeline } from './modeline.js';

/** `audit-and-governance` as a name: `Audit and Governance Committee`. */
function nameFrom(id: string): string {
  const small = new Set(['and', 'of', 'the', 'for', 'in', 'on']);
  const words = id.split('-').filter(Boolean);
  const name = words.map((w, i) => (i > 0 && small.has(w) ? w : w[0].toUpperCase() + w.slice(1))).join(' ');
  return /\b(committee|board|panel|council|cabinet|forum|group)$/i.test(name) ? name : `${name} Committee`;
}

const quote = (text: string) => JSON.stringify(text);

/**
 * A new committee's folder: its committee.yml, with the keys a clerk fills in, commented
 * where they are optional, and its schema named for the editor.
 */
export function newCommittee(id: string, name?: string): Record<string, string> {
  const yml = [
    schemaModeline('committee.schema.json'),
    `name: ${quote(name ?? nameFrom(id))}`,
    '# quorum: 3                # members present for a meeting to proceed, or a fraction such as "1/3"',
    '# venue: Council Chamber   # where it usually meets',
    '# time: "18:00"            # when it usually starts',
    'members: []',
    '# members:',
    '#   - name: Councillor Alex Morgan',
    '#     role: chair           # chair | vice-chair | member | co-opted',
    '#     aliases: [Councillor Morgan]',
    '',
  ].join('\n');
  return { 'committee.yml': yml };
}
