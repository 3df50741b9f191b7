import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE, cli, contentFolder } from '../helpers.js';
import { page, select, selectAll, text } from './site.js';

const M = 'committees/panel/2026-03-10';
const meeting = (report: string, extra: Record<string, string> = {}) =>
  contentFolder({
    ...BASE,
    'committees/panel/committee.yml': 'name: Test Panel\nquorum: 1\nmembers:\n  - name: Councillor Ann Lee\n    role: chair\n',
    [`${M}/agenda.md`]: '---\npublished: 2026-03-02\n---\n\n1. Report\n   [Report](report.md)\n',
    [`${M}/report.md`]: `---\ntitle: Report\n---\n\n${report}`,
    ...extra,
  });
const build = (root: string, ...args: string[]) => cli(['build', root, '--out', join(root, 'out'), ...args], { today: '2026-11-22' });

describe('raw HTML in papers is sanitised', () => {
  it('drops scripts, event handlers, iframes, styles and javascript: links, and keeps tables, emphasis, sup and lists', async () => {
    const root = meeting(
      [
        'Intro <script>alert("x")</script> text.',
        '',
        '<iframe src="https://example.org"></iframe>',
        '',
        '<p onclick="steal()" style="color:red">Click <a href="javascript:alert(1)">here</a> on 29<sup>th</sup> <b>May</b> <em>2026</em>.</p>',
        '',
        '<ul><li>one</li><li>two</li></ul>',
        '',
        '| A | B |',
        '|---|---|',
        '| <p>cell</p> | <b>bold</b> |',
        '',
        '![a chart](https://example.org/chart.png)',
        '',
      ].join('\n'),
    );
    const result = await build(root);
    expect(result.code).toBe(0);
    const html = readFileSync(join(root, 'out/panel/2026-03-10/agenda-pack.html'), 'utf8');
    const body = html.slice(html.indexOf('class="paper-body"'));
    for (const bad of ['<script', 'alert(', 'onclick', '<iframe', 'javascript:', 'style="color', 'example.org']) {
      expect(body, bad).not.toContain(bad);
    }
    const t = page(root, 'out/panel/2026-03-10/agenda-pack.html');
    expect(text(t, '.paper-body sup')).toEqual(['th']);
    expect(text(t, '.paper-body b')).toEqual(['May', 'bold']);
    expect(text(t, '.paper-body em')).toEqual(['2026']);
    expect(text(t, '.paper-body li')).toEqual(['one', 'two']);
    expect(select('.paper-body th', t)?.properties.scope).toBe('col');
    expect(text(t, '.paper-body')[0]).toContain('a chart'); // an image becomes its description
  });

  it('refuses a link out of the content folder, with a message, and writes nothing', async () => {
    const root = meeting('See [the file](../../../../secret.md).\n');
    const result = await build(root, '--force');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${M}/report.md:5:5: error: Unexpected link "../../../../secret.md" to a file outside the content folder`);
    expect(existsSync(join(root, 'out'))).toBe(false);
  });

  it('says so once when both the HTML and the PDF show the paper: each paper is rendered once', async () => {
    const root = meeting('See [the file](../../../../secret.md).\n', {
      [`${M}/minutes.md`]: '---\nchair: Councillor Ann Lee\n---\n\nSee [the file](../../../../minutes-secret.md).\n',
    });
    const result = await build(root, '--format', 'all', '--force');
    expect(result.code).toBe(2);
    expect(result.stderr.split('Unexpected link "../../../../secret.md"').length - 1).toBe(1);
    expect(result.stderr.split('Unexpected link "../../../../minutes-secret.md"').length - 1).toBe(1);
    expect(existsSync(join(root, 'out'))).toBe(false);
  }, 60_000);

  it('leaves an output folder as it was when a later build fails, with nothing half-written', async () => {
    // Outputs are written to a staging folder as they are made, and moved into place only when all are made.
    const root = meeting('A sound report.\n');
    expect((await build(root)).code).toBe(0);
    // The search index's files are named by their content: the listing is of everything else.
    const listing = () =>
      readdirSync(join(root, 'out'), { recursive: true })
        .map(String)
        .filter((f) => !f.startsWith('pagefind'))
        .sort();
    const before = listing();
    const pack = readFileSync(join(root, 'out/panel/2026-03-10/agenda-pack.html'), 'utf8');
    expect(before.some((f) => f.includes('staging'))).toBe(false);

    writeFileSync(join(root, `${M}/report.md`), '---\ntitle: Report\n---\n\nA changed report. See [the file](../../../../secret.md).\n');
    const failed = await build(root, '--force');
    expect(failed.code).toBe(2);
    expect(listing()).toEqual(before);
    expect(readFileSync(join(root, 'out/panel/2026-03-10/agenda-pack.html'), 'utf8')).toBe(pack);

    writeFileSync(join(root, `${M}/report.md`), '---\ntitle: Report\n---\n\nA changed report.\n');
    expect((await build(root)).code).toBe(0);
    expect(listing()).toEqual(before);
    expect(readFileSync(join(root, 'out/panel/2026-03-10/agenda-pack.html'), 'utf8')).toContain('A changed report.');
  });

  it('keeps web links, and turns links to other local files into plain text', async () => {
    const root = meeting('See [the guidance](https://www.gov.uk/guidance) and [notes](notes.txt).\n');
    await build(root);
    const t = page(root, 'out/panel/2026-03-10/agenda-pack.html');
    expect(selectAll('.paper-body a', t).map((a) => a.properties.href)).toEqual(['https://www.gov.uk/guidance']);
    expect(text(t, '.paper-body p')[0]).toBe('See the guidance and notes.');
  });
});

describe('places inside a paper', () => {
  it('give each paper’s footnotes and anchors ids of its own, and its links go to them, on a page of many papers', async () => {
    const root = meeting('### Costs in detail\n\nA cost.[^1] See [the costs](#costs).\n\n<a id="costs"></a>Costs.\n\n[^1]: The first paper’s note.\n', {
      [`${M}/agenda.md`]: '---\npublished: 2026-03-02\n---\n\n1. Report\n   [Report](report.md)\n2. Other\n   [Other](other.md)\n',
      [`${M}/other.md`]: '---\ntitle: Other\n---\n\nA saving.[^1] See [the costs](#costs).\n\n<a id="costs"></a>Costs.\n\n[^1]: The second paper’s note.\n',
    });
    const result = await build(root);
    expect(result.code, result.stderr).toBe(0);
    const t = page(root, 'out/panel/2026-03-10/agenda-pack.html');
    const ids = selectAll('[id]', t).map((e) => String(e.properties.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const paper of selectAll('article.paper', t)) {
      const own = new Set(selectAll('[id]', paper).map((e) => String(e.properties.id)));
      const links = selectAll('.paper-body a[href^="#"]', paper).map((a) => String(a.properties.href).slice(1));
      // The footnote reference, the note's way back, and the link to the anchor: each lands in this paper.
      expect(links.length).toBe(3);
      for (const target of links) expect(own, `#${target}`).toContain(target);
      const described = selectAll('a[aria-describedby]', paper).flatMap((a) => a.properties.ariaDescribedBy as string[]);
      for (const label of described) expect(own).toContain(label);
    }
    expect(text(t, 'article.paper .footnotes li p').map((p) => p.replace(/\s*↩$/, ''))).toEqual(['The first paper’s note.', 'The second paper’s note.']);
    // A paper's own top heading, and its footnotes' heading, sit just below the paper's title (h3), whatever level they were written at.
    const [first] = selectAll('article.paper', t);
    const headings = text(first, 'h3, h4, h5, h6');
    expect(selectAll('h3, h4, h5, h6', first).map((h, i) => `${h.tagName} ${headings[i]}`)).toEqual([
      'h3 Report',
      'h4 Costs in detail',
      'h4 Footnotes',
    ]);
  });
});

describe('the lint gate', () => {
  const faulty = () => meeting('The meeting on Friday 10 March 2026 will decide.\n');

  it('refuses to publish when the linter finds errors, printing them', async () => {
    const root = faulty();
    const result = await build(root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Unexpected Friday in "Friday 10 March 2026", expected Tuesday  date-weekday');
    expect(result.stderr).toContain('not built: fix the errors above, or build anyway with --force');
    expect(existsSync(join(root, 'out'))).toBe(false);
  });

  it('publishes anyway with --force', async () => {
    const root = faulty();
    const result = await build(root, '--force');
    expect(result.code).toBe(0);
    expect(readdirSync(join(root, 'out/panel/2026-03-10'))).toEqual(['agenda-pack.html', 'index.html']);
  });
});

describe('build options', () => {
  it('--meeting builds one meeting only', async () => {
    const root = meeting('Text.\n', { 'committees/panel/2026-04-14/agenda.md': '---\npublished: 2026-04-01\n---\n\n1. Apologies\n' });
    const result = await build(root, '--meeting', 'panel/2026-04-14');
    expect(result.code).toBe(0);
    expect(readdirSync(join(root, 'out'))).toEqual(['.boardpack-build.json', 'panel']);
    expect(readdirSync(join(root, 'out/panel'))).toEqual(['2026-04-14']);
    const unknown = await build(root, '--meeting', 'panel/2099-01-01');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No meeting "panel/2099-01-01"');
  });

  it('uses a council’s own templates from the content folder, falling back to the built-in ones', async () => {
    const root = meeting('Text.\n', {
      'boardpack.yml': 'organisation: Test Council\ntemplates: branding\n',
      'branding/layout.liquid': '<!DOCTYPE html><html lang="{{ lang }}"><head><title>{{ pageTitle }}</title></head><body><p class="brand">Test Council branding</p><main>{% block content %}{% endblock %}</main></body></html>\n',
    });
    expect((await build(root)).code).toBe(0);
    const t = page(root, 'out/panel/2026-03-10/agenda-pack.html');
    expect(text(t, '.brand')).toEqual(['Test Council branding']);
    expect(text(t, 'h1')).toEqual(['Test Panel Tuesday 10 March 2026']); // the built-in pack inside the council's layout
  });

  it('refuses a templates folder outside the content folder', async () => {
    const root = meeting('Text.\n', { 'boardpack.yml': 'organisation: Test Council\ntemplates: ../elsewhere\n' });
    const result = await build(root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unexpected templates folder "../elsewhere" outside the content folder');
  });
});
