// Images in papers (issue 28): an image of the content folder is carried in the page itself (nothing is fetched
// when a pack is read); another site's image, an SVG, a path out of the folder or a missing file is shown by
// its description, and an exempt paper's image is in no public page.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE, cli, contentFolder } from '../helpers.js';
import { PNG } from '../import/documents.js';

const M = 'committees/panel/2026-03-10';

describe('images in papers', () => {
  it('are carried in the page when they are images of the content folder, and are their description otherwise', async () => {
    const root = contentFolder({
      ...BASE,
      [`${M}/agenda.md`]: '---\npublished: 2026-03-02\n---\n\n1. Parks\n   [Report](parks.md)\n2. Land\n   [Report](land.md)\n',
      [`${M}/parks.md`]: [
        '---',
        'title: Parks',
        '---',
        '',
        '![Map of the parks](map.png)',
        '',
        '![Logo elsewhere](https://example.com/logo.png)',
        '',
        '![A drawing](drawing.svg)',
        '',
        '![Out of the folder](../../../../outside.png)',
        '',
        '![Through a link](linked.png)',
        '',
        '![Not there](missing.png)',
        '',
      ].join('\n'),
      [`${M}/land.md`]: '---\ntitle: Land\nexempt: 3\n---\n\n![Secret site plan](plan.png)\n',
      [`${M}/drawing.svg`]: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    });
    writeFileSync(join(root, M, 'map.png'), PNG);
    writeFileSync(join(root, M, 'plan.png'), Buffer.concat([PNG, Buffer.from('PLAN')]));
    mkdirSync(join(root, '..', 'elsewhere'), { recursive: true });
    writeFileSync(join(root, '..', 'elsewhere', 'secret.png'), Buffer.concat([PNG, Buffer.from('OUTSIDE')]));
    symlinkSync(join(root, '..', 'elsewhere', 'secret.png'), join(root, M, 'linked.png'));
    const out = join(root, 'out');
    const built = await cli(['build', root, '--out', out, '--force'], { today: '2026-03-05' });
    expect(built.code, built.stderr).toBe(0);
    const pack = readFileSync(join(out, 'panel/2026-03-10/agenda-pack.html'), 'utf8');
    const images = [...pack.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
    expect(images).toEqual([`<img src="data:image/png;base64,${PNG.toString('base64')}" alt="Map of the parks">`]);
    for (const description of ['Logo elsewhere', 'A drawing', 'Out of the folder', 'Through a link', 'Not there']) expect(pack).toContain(`<p>${description}</p>`);
    expect(pack).not.toContain('example.com');
    expect(pack).not.toContain(Buffer.concat([PNG, Buffer.from('OUTSIDE')]).toString('base64'));
    // The exempt paper's image, with the paper, is the members' only.
    expect(pack).not.toContain(Buffer.concat([PNG, Buffer.from('PLAN')]).toString('base64'));
    expect(pack).not.toContain('Secret site plan');
  }, 60_000);
});
