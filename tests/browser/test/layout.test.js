// Right to left for Persian with code left to right; the bundled fonts really
// draw Persian and Thai text (the font Chromium used, asked over CDP).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { CHAPTER, LANGS, openSite } from '../lib/site.js';

let site;
before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

test('a Persian page is right to left, its code left to right', async () => {
    const page = await site.open(`fa/${CHAPTER}`);
    const style = await page.evaluate(() => {
        const css = selector => {
            const el = document.querySelector(selector);
            if (!el) {
                return null;
            }
            const s = getComputedStyle(el);
            return { direction: s.direction, textAlign: s.textAlign };
        };
        return {
            html: document.documentElement.dir,
            body: css('body'),
            title: css('main h1'),
            paragraph: css('main p'),
            codeBlock: css('main pre'),
            code: css('main pre code'),
            inlineCode: css('main p code'),
        };
    });
    assert.equal(style.html, 'rtl');
    assert.equal(style.body.direction, 'rtl');
    assert.equal(style.title.direction, 'rtl');
    assert.equal(style.paragraph.direction, 'rtl');
    assert.equal(style.codeBlock.direction, 'ltr');
    assert.equal(style.code.direction, 'ltr');
    assert.ok(['left', 'start'].includes(style.code.textAlign), `code aligned ${style.code.textAlign}`);
    if (style.inlineCode) {
        assert.equal(style.inlineCode.direction, 'ltr');
    }
    // The first line of a code block starts at the block's left edge.
    const edges = await page.evaluate(() => {
        const code = document.querySelector('main pre code');
        const range = document.createRange();
        range.setStart(code.firstChild, 0);
        range.setEnd(code.firstChild, 1);
        const first = range.getBoundingClientRect();
        const box = code.getBoundingClientRect();
        return { text: first.left - box.left, width: box.width };
    });
    assert.ok(edges.text < 40, `the code starts ${edges.text}px from the block's left edge`);
    page.assertClean();
});

/** The fonts Chromium drew a node's text with: CSS.getPlatformFontsForNode. */
async function fontsOf(page, selector) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    assert.ok(nodeId, `no node ${selector}`);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    await cdp.detach();
    return fonts;
}

/** Marks the first paragraph of <main> that is all in `script`, for CDP to find. */
async function markParagraph(page, script) {
    const found = await page.evaluate(source => {
        const letters = new RegExp(`\\p{Script=${source}}`, 'gu');
        for (const p of document.querySelectorAll('main p')) {
            const own = Array.from(p.childNodes)
                .filter(n => n.nodeType === Node.TEXT_NODE)
                .map(n => n.textContent)
                .join('');
            const count = (own.match(letters) || []).length;
            if (count >= 20 && count > own.replace(/\s/g, '').length / 2) {
                p.id = 'font-probe';
                return { count, text: own.slice(0, 60) };
            }
        }
        return null;
    }, script);
    assert.ok(found, `a paragraph of ${script} text`);
    return found;
}

for (const { lang, script, family, file } of [
    { lang: 'fa', script: 'Arabic', family: 'Vazirmatn', file: /\/fa\/fonts\/vazirmatn-arabic-400-normal[-0-9a-f]*\.woff2$/ },
    { lang: 'th', script: 'Thai', family: 'Noto Sans Thai', file: /\/th\/fonts\/noto-sans-thai-thai-400-normal[-0-9a-f]*\.woff2$/ },
]) {
    test(`${lang}: ${script} text is drawn with the bundled ${family}`, async () => {
        const page = await site.open(`${lang}/${CHAPTER}`);
        const probe = await markParagraph(page, script);
        const fonts = await fontsOf(page, '#font-probe');
        const used = fonts.find(f => f.familyName === family);
        assert.ok(used, `${family} draws "${probe.text}"; used: ${JSON.stringify(fonts)}`);
        assert.equal(used.isCustomFont, true, `${family} is the web font, not a system copy`);
        // The script's letters are all drawn with it: a system font (a fallback)
        // drew none of them. The other fonts are mdBook's Latin ones.
        assert.ok(used.glyphCount >= probe.count * 0.9,
            `${family} drew ${used.glyphCount} glyphs of ${probe.count} letters`);
        for (const other of fonts.filter(f => f !== used)) {
            assert.ok(/^(Open Sans|Source Code Pro)\b/.test(other.familyName),
                `an unexpected font drew part of the text: ${JSON.stringify(other)}`);
        }
        assert.ok(page.log.requests.some(url => file.test(new URL(url).pathname)),
            `the font file was fetched from the book: ${page.log.requests.filter(u => u.includes('woff2'))}`);
        page.assertClean();
    });
}

// `cargo xtask build` cuts each web font to the characters its book shows
// (xtask/src/fonts.rs, with a glyph check at build time): every face must still be a
// font Chromium accepts, in every book and on the landing page (its own cut).
for (const path of [...LANGS.map(lang => `${lang}/${CHAPTER}`), 'index.html']) {
    test(`${path}: every web font face loads`, async () => {
        const page = await site.open(path);
        const faces = await page.evaluate(async () => {
            const all = Array.from(document.fonts);
            await Promise.allSettled(all.map(face => face.load()));
            return all.map(f => ({ family: f.family, weight: f.weight, style: f.style, status: f.status }));
        });
        assert.ok(faces.length >= (path === 'index.html' ? 8 : 17), `${faces.length} faces`);
        assert.deepEqual(faces.filter(f => f.status !== 'loaded'), []);
        page.assertClean();
    });
}
