// An item of urgent business added by a supplementary agenda (issue 28): its paper is in the pack, after the
// main agenda's items, and in the supplement's own PDF.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE, cli, contentFolder } from '../helpers.js';

const M = 'committees/panel/2026-03-10';

describe('an urgent item added by a supplement', () => {
  it('has its paper in the web pack and the supplement’s PDF, under the supplement’s title for it', async () => {
    const root = contentFolder({
      ...BASE,
      [`${M}/agenda.md`]: '---\npublished: 2026-03-02\n---\n\n1. Apologies for absence\n2. Budget\n',
      [`${M}/supplement-1.md`]: '---\npublished: 2026-03-06\nurgency: The flood grant must be claimed by 13 March.\n---\n\n3. Flood recovery grant\n   [Report](flood.md)\n',
      [`${M}/flood.md`]: '---\ntitle: Claiming the flood recovery grant\n---\n\n## 1. Recommendations\n\n1.1 That the claim be made before 13 March.\n',
    });
    const out = join(root, 'out');
    const built = await cli(['build', root, '--out', out, '--format', 'all'], { today: '2026-03-08' });
    expect(built.code, built.stderr).toBe(0);
    const pack = readFileSync(join(out, 'panel/2026-03-10/agenda-pack.html'), 'utf8').replace(/\s+/g, ' ');
    expect(pack).toContain('That the claim be made before 13 March.');
    expect(pack).toMatch(/Agenda item 3, supplementary agenda 1 · Report<\/p> <h3 id="[^"]+">Claiming the flood recovery grant<\/h3>/);
    const pdf = execFileSync('pdftotext', [join(out, 'panel/2026-03-10/agenda-pack.supplement-1.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(pdf).toContain('That the claim be made before 13 March.');
  }, 60_000);
});
