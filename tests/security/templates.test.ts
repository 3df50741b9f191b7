import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BASE, cli, contentFolder } from '../helpers.js';
import { closeTemplateOutput } from '../../src/render/html/template-safety.js';

const M = 'committees/panel/2026-03-10';
let server: Server | null = null;
afterEach(() => {
  server?.close();
  server = null;
});

/** A local TCP listener that counts connections: what a template's WebSocket or fetch would reach. */
async function listener(): Promise<{ port: number; connections: () => number }> {
  let count = 0;
  server = createServer((socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, connections: () => count };
}

function councilTemplate(layout: string) {
  return contentFolder({
    ...BASE,
    'boardpack.yml': 'organisation: Test Council\ntemplates: branding\n',
    [`${M}/agenda.md`]: '---\npublished: 2026-03-02\n---\n\n1. Report\n   [Report](report.md)\n',
    [`${M}/report.md`]: '---\ntitle: Report\n---\n\nText.\n',
    'branding/layout.liquid': layout,
  });
}

const page = (head: string, body = '') =>
  `<!DOCTYPE html><html lang="{{ lang }}"><head><title>{{ pageTitle }}</title>${head}</head><body>${body}<main>{% block content %}{% endblock %}</main></body></html>\n`;

describe("a council's templates cannot break the safety rules", () => {
  it('a template script runs nothing while the PDF prints: no WebSocket, no fetch reaches a listener', async () => {
    const { port, connections } = await listener();
    const script = `<script>new WebSocket("ws://127.0.0.1:${port}/"); fetch("http://127.0.0.1:${port}/x"); document.title = "RAN";</script>`;
    const root = councilTemplate(page('', script));
    const result = await cli(['build', root, '--format', 'pdf', '--out', join(root, 'out')], { today: '2026-11-22' });
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(connections()).toBe(0);
  }, 60_000);

  it('a meta refresh in a template neither breaks nor redirects the print', async () => {
    const root = councilTemplate(page('<meta http-equiv="refresh" content="0; url=https://example.org/">'));
    const result = await cli(['build', root, '--format', 'all', '--out', join(root, 'out')], { today: '2026-11-22' });
    expect(result.stderr).not.toContain('Execution context was destroyed');
    expect(result.code).toBe(0);
    expect(readFileSync(join(root, 'out/panel/2026-03-10/agenda-pack.html'), 'utf8')).not.toContain('http-equiv');
  }, 60_000);

  it('template HTML reaches the HTML outputs without scripts, handlers, frames or remote resources', async () => {
    const root = councilTemplate(
      page(
        '<script src="https://cdn.example/x.js"></script><link rel="stylesheet" href="https://cdn.example/x.css"><link rel="stylesheet" href="brand.css"><style>@import "https://cdn.example/y.css"; body { background: url(https://track.example/p.gif) } h1 { background: url(banner.png) }</style>',
        '<img src="https://track.example/pixel.gif" alt="Logo"><img src="logo.png" alt="Local"><iframe src="https://example.org"></iframe><p onclick="x()" style="background:url(//track.example/q.gif)">Brand</p><a href="javascript:alert(1)">bad</a><a href="https://www.gov.uk/">good</a><form action="https://collect.example"><input name="q"></form>',
      ),
    );
    const result = await cli(['build', root, '--out', join(root, 'out')], { today: '2026-11-22' });
    expect(result.code).toBe(0);
    const html = readFileSync(join(root, 'out/panel/2026-03-10/agenda-pack.html'), 'utf8');
    for (const bad of ['<script', 'cdn.example', 'track.example', '<iframe', 'onclick', 'javascript:', 'collect.example', '@import']) {
      expect(html, bad).not.toContain(bad);
    }
    for (const kept of ['href="brand.css"', 'url(banner.png)', 'src="logo.png"', 'alt="Logo"', 'href="https://www.gov.uk/"', 'Brand']) {
      expect(html, kept).toContain(kept);
    }
  });

  it('an include that climbs out of the templates folder is refused with its place, not an internal error (issue 31)', async () => {
    const root = councilTemplate(page('', '{% include "../../../../../../etc/hostname" %}'));
    const secret = join(root, 'secret.liquid');
    writeFileSync(secret, 'SECRET TEMPLATE\n');
    for (const include of ['../../../../../../etc/hostname', '../secret']) {
      writeFileSync(join(root, 'branding/layout.liquid'), page('', `{% include "${include}" %}`));
      const out = join(root, 'out');
      const result = await cli(['build', root, '--no-search', '--out', out], { today: '2026-11-22' });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`branding/layout.liquid:1:`);
      expect(result.stderr).toContain(`Unexpected include or layout "${include}", expected a template in the templates folder (branding) or one of boardpack's own`);
      expect(result.stderr).not.toMatch(/internal error/);
      expect(() => readFileSync(join(out, 'index.html'))).toThrow();
    }
  });

  it('the pass leaves safe HTML alone', () => {
    const safe = '<!doctype html><html lang="en"><head><title>T</title><style>p { color: red }</style></head><body><p class="x"><a href="#a">A</a></p></body></html>';
    expect(closeTemplateOutput(safe)).toBe(safe);
  });

  it('keeps a meeting page’s JSON-LD, which no browser runs, and nothing that looks like it but would run', () => {
    const data = '<script type="application/ld+json">{"@type":"Event"}</script>';
    expect(closeTemplateOutput(`<p>x</p>${data}`)).toContain(data);
    // The search page's own script files are kept by their exact names, and only empty and without other attributes.
    expect(closeTemplateOutput('<p>x</p><script src="search.js"></script>')).toContain('<script src="search.js"></script>');
    for (const bad of [
      '<script type="application/ld+json" src="https://cdn.example/x.js"></script>',
      '<script type="text/javascript">alert(1)</script>',
      '<script type="module">alert(1)</script>',
      '<script src="search.js">alert(1)</script>',
      '<script src="search.js" onload="alert(1)"></script>',
      '<script src="other.js"></script>',
    ]) {
      expect(closeTemplateOutput(`<p>x</p>${bad}`)).not.toContain('<script');
    }
  });
});
