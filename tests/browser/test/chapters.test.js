// Every chapter of every language, as a reader gets it: the page exists, says its language and
// direction, carries the title its SUMMARY.md gives it, keeps code left to right, and loads
// with no console error, no failed request and nothing leaving 127.0.0.1.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

import { LANGS, openSite } from '../lib/site.js';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../src');

/** Text as compared: mdBook's smart quotes and no-break spaces read as plain ones. */
const plain = text => text.replaceAll('\u00a0', ' ').replaceAll('\u2019', "'").replaceAll('`', '').trim();

/** [title, page] for every chapter entry of a language's SUMMARY.md, in order. */
function chapters(lang) {
    const summary = fs.readFileSync(path.join(SRC, lang, 'SUMMARY.md'), 'utf8');
    return [...summary.matchAll(/\[([^\]]+)\]\(([^)\s]+\.md)\)/g)].map(([, title, file]) => [
        plain(title),
        file.endsWith('README.md') ? file.replace(/README\.md$/, 'index.html') : file.replace(/\.md$/, '.html'),
    ]);
}

let site;
before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

const english = chapters('en').map(([, page]) => page);

for (const lang of LANGS) {
    test(`${lang}: every chapter renders, titled as in its SUMMARY.md`, async () => {
        const list = chapters(lang);
        // Every language is a whole book: the same pages as English.
        assert.deepEqual(list.map(([, page]) => page), english, `${lang}: the chapters of the English book`);
        for (const [title, page] of list) {
            const tab = await site.open(`${lang}/${page}`, { waitForFonts: false });
            const where = `${lang}/${page}`;
            assert.equal(await tab.getAttribute('html', 'lang'), lang, where);
            assert.equal(await tab.getAttribute('html', 'dir'), lang === 'fa' ? 'rtl' : 'ltr', where);
            const h1 = plain(await tab.locator('main h1').first().textContent());
            assert.equal(h1, title, `${where}: the heading is the SUMMARY title`);
            const rtlCode = await tab.evaluate(() => [...document.querySelectorAll('main pre')]
                .filter(pre => getComputedStyle(pre).direction !== 'ltr').length);
            assert.equal(rtlCode, 0, `${where}: code runs left to right`);
            tab.assertClean();
            await tab.context().close();
        }
    });
}
