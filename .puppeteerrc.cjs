// boardpack drives the system Chromium; no browser is ever downloaded (md-to-pdf, a benchmark peer, depends on puppeteer).
module.exports = { skipDownload: true };
