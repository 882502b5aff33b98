// Diagrams are drawn (SVG) where there are some, and mermaid is not even
// fetched where there are none.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { chapters, hasDiagram, html, pageWithoutDiagram } from '../lib/pages.js';
import { CHAPTER, LANGS, openSite, waitFor } from '../lib/site.js';

let site;
before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

for (const lang of LANGS) {
    test(`${lang}: the diagram of ${CHAPTER} is drawn as SVG`, async () => {
        const page = await site.open(`${lang}/${CHAPTER}`);
        await waitFor(page, () => {
            const blocks = document.querySelectorAll('pre.mermaid');
            return blocks.length > 0 &&
                Array.from(blocks).every(b => b.querySelector('svg g.node') !== null);
        }, undefined, 'mermaid to draw the diagrams', 30000);
        const diagram = await page.evaluate(() => {
            const svg = document.querySelector('pre.mermaid svg');
            const box = svg.getBoundingClientRect();
            return {
                nodes: svg.querySelectorAll('g.node').length,
                width: box.width,
                height: box.height,
                failed: document.querySelectorAll('pre.mermaid.mermaid-failed').length,
            };
        });
        assert.equal(diagram.failed, 0);
        assert.ok(diagram.nodes >= 2, `${diagram.nodes} nodes`);
        assert.ok(diagram.width > 100 && diagram.height > 50, `drawn ${diagram.width}x${diagram.height}`);
        assert.ok(page.log.requests.some(u => u.endsWith(`/${lang}/mermaid.min.js`)));
        page.assertClean();
    });

    test(`${lang}: a page without a diagram does not load mermaid`, async () => {
        const path = await pageWithoutDiagram(lang);
        const page = await site.open(`${lang}/${path}`);
        await page.waitForLoadState('networkidle');
        assert.equal(await page.locator('pre.mermaid').count(), 0);
        const mermaid = page.log.requests.filter(u => /mermaid(\.min)?\.js/.test(u) && !/loader/.test(u));
        assert.deepEqual(mermaid, [], `${path} fetched mermaid`);
        page.assertClean();
    });
}

/**
 * The smallest text of each drawn diagram on the page, in CSS px as it shows: the
 * font size of each element with text of its own, times the SVG's scale (its drawn
 * width over its viewBox width); and whether the diagram overflows its column
 * without being able to scroll.
 */
function diagramText() {
    return Array.from(document.querySelectorAll('pre.mermaid svg'), svg => {
        const box = svg.viewBox.baseVal;
        const scale = box && box.width ? svg.getBoundingClientRect().width / box.width : 1;
        let smallest = Infinity;
        let sample = '';
        for (const el of svg.querySelectorAll('text, tspan, foreignObject *')) {
            const own = Array.from(el.childNodes)
                .filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
            if (!own) {
                continue;
            }
            const size = parseFloat(getComputedStyle(el).fontSize) * scale;
            if (size < smallest) {
                [smallest, sample] = [size, own.slice(0, 30)];
            }
        }
        const pre = svg.closest('pre');
        const scrolls = getComputedStyle(pre).overflowX === 'auto';
        const hidden = pre.scrollWidth > pre.clientWidth && !scrolls;
        return { smallest: Math.round(smallest * 10) / 10, sample, hidden };
    });
}

/**
 * The labels with Persian letters that do not read right to left: where the first
 * letter of the label is not drawn to the right of its last (an English word or a
 * digit inside keeps its own order, but not the label's ends).
 */
function leftToRightPersianLabels() {
    const wrong = [];
    for (const el of document.querySelectorAll('pre.mermaid svg foreignObject p, pre.mermaid svg text')) {
        // A label with Persian words (not only a Persian comma or digit).
        if (!/(?=\p{Script=Arabic})\p{L}/u.test(el.textContent)) {
            continue;
        }
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        const nodes = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (n.data.trim()) {
                nodes.push(n);
            }
        }
        const [first, last] = [nodes[0], nodes[nodes.length - 1]];
        const [fi, li] = [first.data.search(/\S/), last.data.trimEnd().length - 1];
        if (first === last && fi === li) {
            continue; // one letter has no order
        }
        const x = (node, i) => {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            return range.getBoundingClientRect();
        };
        const [a, b] = [x(first, fi), x(last, li)];
        // On one line, the first letter is right of the last; on several, the first
        // line is above.
        if (Math.abs(a.top - b.top) < a.height / 2 ? a.left <= b.left : a.top > b.top) {
            wrong.push(el.textContent.trim().slice(0, 40));
        }
    }
    return wrong;
}

// Text under 12 px at 1280 px or under 11 px at 390 px is too small to read: a wide
// diagram keeps its size and scrolls sideways instead of shrinking. And a Persian
// label reads right to left, though the diagram is laid out left to right.
for (const [width, least] of [[390, 11], [1280, 12]]) {
    test(`every diagram's text is at least ${least} px at ${width} px in every language, and Persian labels read right to left`, async () => {
        const small = [];
        let diagrams = 0;
        for (const lang of LANGS) {
            for (const chapter of await chapters(lang)) {
                if (!hasDiagram(await html(lang, chapter))) {
                    continue;
                }
                const page = await site.open(`${lang}/${chapter}`, { viewport: { width, height: 900 } });
                await waitFor(page, () => Array.from(document.querySelectorAll('pre.mermaid'))
                    .every(b => b.querySelector('svg') || b.classList.contains('mermaid-failed')),
                undefined, `the diagrams of ${lang}/${chapter}`, 30000);
                for (const [i, d] of (await page.evaluate(diagramText)).entries()) {
                    diagrams += 1;
                    if (d.smallest < least || d.hidden) {
                        small.push(`${lang}/${chapter} #${i + 1}: ${d.smallest} px ("${d.sample}")${d.hidden ? ', cut off' : ''}`);
                    }
                }
                if (lang === 'fa') {
                    const wrong = await page.evaluate(leftToRightPersianLabels);
                    small.push(...wrong.map(label => `${lang}/${chapter}: "${label}" reads left to right`));
                }
                page.assertClean();
                await page.context().close();
            }
        }
        assert.ok(diagrams > 100, `${diagrams} diagrams`);
        assert.deepEqual(small, []);
    });
}

test('diagrams are drawn with the book\'s settings even when the fonts come after the load event', async () => {
    // Left alone, mermaid draws every diagram on the window's load event with its
    // defaults (shrunk to the column): the loader must stop that before the fonts are in.
    const page = await site.open('fa/patterns/index.html', {
        viewport: { width: 1280, height: 900 },
        waitForFonts: false,
        initScript: () => {
            const late = new Promise(resolve => setTimeout(resolve, 3000));
            Object.defineProperty(document.fonts, 'ready', { get: () => late.then(() => document.fonts) });
        },
    });
    await waitFor(page, () => document.querySelector('pre.mermaid svg'), undefined, 'a diagram', 30000);
    const drawn = await page.evaluate(() => {
        const svg = document.querySelector('pre.mermaid svg');
        return { width: svg.getAttribute('width'), scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width };
    });
    assert.notEqual(drawn.width, '100%', JSON.stringify(drawn));
    assert.ok(Math.abs(drawn.scale - 1) < 0.01, `drawn at ${drawn.scale} of its size`);
    page.assertClean();
});
