// Thai is written without spaces between words: the browser must break its lines
// between words (ICU's dictionary, as Chromium does it), never inside a word or a
// syllable, with nothing wider than the screen, on the longest chapters and on the
// print page.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { chapters, indexedText } from '../lib/pages.js';
import { openSite } from '../lib/site.js';

let site;
before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

/** The `n` Thai chapters with the most text. */
async function longest(n) {
    const sized = [];
    for (const chapter of await chapters('th')) {
        sized.push([(await indexedText('th', chapter)).length, chapter]);
    }
    return sized.sort((a, b) => b[0] - a[0]).slice(0, n).map(([, chapter]) => chapter);
}

/**
 * Every place where a line of Thai prose wraps, in the page's paragraphs and list
 * items: whether it falls between two words (Intl.Segmenter's word boundaries,
 * or a space), and the text around it. Also what is wider than the page.
 */
function lineBreaks() {
    const THAI = /[\u0e00-\u0e7f]/;
    const words = new Intl.Segmenter('th', { granularity: 'word' });
    const breaks = [];
    const blocks = document.querySelectorAll('main p, main li');
    for (const block of blocks) {
        if (block.closest('pre, table, .mermaid, svg') || !THAI.test(block.textContent)) {
            continue;
        }
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        let lastTop = null;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement.closest('code')) {
                lastTop = null; // code has its own rules; a line may wrap around it
                continue;
            }
            const text = node.data;
            const boundaries = new Set([0, text.length]);
            for (const s of words.segment(text)) {
                boundaries.add(s.index);
            }
            const range = document.createRange();
            for (let i = 0; i < text.length; i++) {
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                const rect = range.getClientRects()[0];
                if (!rect || rect.width === 0) {
                    continue;
                }
                if (lastTop !== null && rect.top > lastTop + rect.height / 2 && i > 0) {
                    const between = boundaries.has(i) || /\s/.test(text[i - 1]) || /\s/.test(text[i]);
                    breaks.push({
                        between,
                        thai: THAI.test(text[i - 1]) && THAI.test(text[i]),
                        around: text.slice(Math.max(0, i - 12), i) + '|' + text.slice(i, i + 12),
                    });
                }
                lastTop = rect.top;
            }
        }
    }
    const width = document.documentElement.clientWidth;
    // Prose only: a diagram or a table that is wider scrolls in its own box.
    const wide = Array.from(document.querySelectorAll('main p, main li, main h1, main h2, main h3'))
        .filter(el => !el.closest('pre, svg, table'))
        .filter(el => el.getBoundingClientRect().right > width + 1 || el.scrollWidth > el.clientWidth + 1)
        .map(el => el.textContent.slice(0, 60));
    return { breaks, wide, scroll: document.documentElement.scrollWidth - width };
}

function assertBreaks(what, { breaks, wide, scroll }) {
    const inside = breaks.filter(b => !b.between);
    assert.deepEqual(inside.map(b => b.around), [], `${what}: lines broken inside a word`);
    // Thai text really wraps between two Thai words, with no space to break at.
    assert.ok(breaks.filter(b => b.thai).length >= 3,
        `${what}: only ${breaks.length} line breaks, ${breaks.filter(b => b.thai).length} between Thai words`);
    assert.deepEqual(wide, [], `${what}: wider than the page`);
    assert.ok(scroll <= 1, `${what}: the page scrolls sideways by ${scroll} px`);
}

for (const width of [390, 1280]) {
    test(`th at ${width} px: the longest chapters break lines between words, and nothing is wider than the page`, async () => {
        for (const chapter of await longest(3)) {
            const page = await site.open(`th/${chapter}`, { viewport: { width, height: 900 } });
            assertBreaks(`${chapter} at ${width} px`, await page.evaluate(lineBreaks));
            page.assertClean();
        }
    });
}

test('th: the print page (the whole book) breaks lines between words and prints', async () => {
    const page = await site.open('th/print.html', { viewport: { width: 700, height: 1000 }, noPrintDialog: true });
    await page.emulateMedia({ media: 'print' });
    assertBreaks('print.html', await page.evaluate(lineBreaks));
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    // The Thai book is about as long as the English one: well over a hundred pages.
    assert.ok(pages > 100, `${pages} PDF pages`);
    page.assertClean();
});
