// Diagrams are drawn when the book is built (xtask/src/diagram.rs): inline SVG in the
// page, and no page fetches mermaid.js. Each is readable at a phone's width and a
// desktop's: its text large enough, every label inside its box and off every other,
// Persian labels right to left. mermaid.js remains only for a diagram the build could
// not draw (the book check fails on one) and for plain `mdbook serve`.

import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { chapters, diagramSources, hasDiagram, html, pageWithoutDiagram, undrawn } from '../lib/pages.js';
import { BOOK_DIR, CHAPTER, LANGS, openSite, screenshot, waitFor } from '../lib/site.js';

let site;
before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

const fetchedMermaid = page => page.log.requests.filter(u => /mermaid(\.min)?\.js/.test(u) && !/loader/.test(u));

test('every diagram of every page is drawn at build time: none is left for mermaid.js', async () => {
    const left = [];
    const missing = [];
    let drawn = 0;
    for (const lang of LANGS) {
        const files = (await readdir(path.join(BOOK_DIR, lang), { recursive: true }))
            .filter(f => f.endsWith('.html'));
        for (const file of files) {
            const text = await html(lang, file);
            const undrawnHere = text.match(/<pre class="mermaid">/g) || [];
            if (undrawnHere.length > 0) {
                left.push(`${lang}/${file}: ${undrawnHere.length}`);
            }
        }
        // Each chapter has as many drawn diagrams as its Markdown has mermaid blocks.
        for (const chapter of await chapters(lang)) {
            const sources = await diagramSources(lang, chapter).catch(() => null);
            if (sources === null) {
                continue; // index.html, mdBook's copy of the first chapter
            }
            const count = ((await html(lang, chapter)).match(/<pre class="mermaid drawn"[^>]*><svg /g) || []).length;
            drawn += count;
            if (count !== sources.length) {
                missing.push(`${lang}/${chapter}: ${count} drawn of ${sources.length}`);
            }
        }
    }
    assert.deepEqual(left, [], 'pages with a diagram for mermaid.js');
    assert.deepEqual(missing, []);
    assert.ok(drawn >= 128, `${drawn} diagrams`);
});

for (const lang of LANGS) {
    test(`${lang}: the diagram of ${CHAPTER} is in the page as SVG, and mermaid.js is not fetched`, async () => {
        const page = await site.open(`${lang}/${CHAPTER}`);
        await page.waitForLoadState('networkidle');
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
        assert.deepEqual(fetchedMermaid(page), []);
        page.assertClean();
    });

    test(`${lang}: a page without a diagram does not load mermaid`, async () => {
        const path = await pageWithoutDiagram(lang);
        const page = await site.open(`${lang}/${path}`);
        await page.waitForLoadState('networkidle');
        assert.equal(await page.locator('pre.mermaid').count(), 0);
        assert.deepEqual(fetchedMermaid(page), [], `${path} fetched mermaid`);
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

/**
 * Labels that do not fit their box (the text of a foreignObject spilling out of it, so
 * clipped or over a line), and labels drawn over one another (text boxes that overlap
 * by more than 2 px across and a third of a line down).
 */
function labelProblems() {
    const problems = [];
    const textBox = el => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let box = null;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            if (!n.data.trim()) {
                continue;
            }
            const range = document.createRange();
            range.selectNodeContents(n);
            for (const r of range.getClientRects()) {
                box = box ? {
                    left: Math.min(box.left, r.left), right: Math.max(box.right, r.right),
                    top: Math.min(box.top, r.top), bottom: Math.max(box.bottom, r.bottom),
                } : { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
            }
        }
        return box;
    };
    document.querySelectorAll('pre.mermaid svg').forEach((svg, d) => {
        const labels = [];
        for (const fo of svg.querySelectorAll('foreignObject')) {
            const box = textBox(fo);
            if (!box) {
                continue;
            }
            const text = fo.textContent.trim().slice(0, 30);
            const f = fo.getBoundingClientRect();
            if (box.left < f.left - 1 || box.right > f.right + 1 || box.top < f.top - 1 || box.bottom > f.bottom + 1) {
                problems.push(`#${d + 1} "${text}" is ${Math.round(box.right - box.left)}x${Math.round(box.bottom - box.top)} in a ${Math.round(f.width)}x${Math.round(f.height)} box`);
            }
            labels.push({ text, box });
        }
        for (const el of svg.querySelectorAll('text')) {
            const box = textBox(el);
            if (box) {
                labels.push({ text: el.textContent.trim().slice(0, 30), box });
            }
        }
        for (let i = 0; i < labels.length; i++) {
            for (let j = i + 1; j < labels.length; j++) {
                const [a, b] = [labels[i].box, labels[j].box];
                const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                // Two lines of one note may touch (19 px apart at 16 px): not by a third.
                if (w > 2 && h > Math.min(a.bottom - a.top, b.bottom - b.top) / 3) {
                    problems.push(`#${d + 1} "${labels[i].text}" is drawn over "${labels[j].text}"`);
                }
            }
        }
    });
    return problems;
}

// Text under 12 px at 1280 px or under 11 px at 390 px is too small to read: a wide
// diagram keeps its size and scrolls sideways instead of shrinking. Every label fits its
// box and lies on no other. A Persian label reads right to left, though the diagram is
// laid out left to right. And no page fetches mermaid.js.
for (const [width, least] of [[390, 11], [1280, 12]]) {
    test(`every diagram's text is at least ${least} px at ${width} px in every language, labels fit and do not overlap, Persian labels read right to left`, async () => {
        const small = [];
        let diagrams = 0;
        for (const lang of LANGS) {
            for (const chapter of await chapters(lang)) {
                if (!hasDiagram(await html(lang, chapter))) {
                    continue;
                }
                const page = await site.open(`${lang}/${chapter}`, { viewport: { width, height: 900 } });
                await page.waitForLoadState('networkidle');
                for (const [i, d] of (await page.evaluate(diagramText)).entries()) {
                    diagrams += 1;
                    if (d.smallest < least || d.hidden) {
                        small.push(`${lang}/${chapter} #${i + 1}: ${d.smallest} px ("${d.sample}")${d.hidden ? ', cut off' : ''}`);
                    }
                }
                small.push(...(await page.evaluate(labelProblems)).map(p => `${lang}/${chapter} ${p}`));
                small.push(...fetchedMermaid(page).map(u => `${lang}/${chapter} fetched ${u}`));
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

/** Opens a chapter with its diagrams left for mermaid.js, as plain `mdbook serve` serves it. */
async function openUndrawn(lang, chapter, options = {}) {
    const sources = await diagramSources(lang, chapter);
    const rewrite = (pathname, text) => {
        if (pathname.endsWith(`/${lang}/${chapter}`)) {
            return undrawn(text, sources);
        }
        return options.rewrite?.(pathname, text);
    };
    return site.open(`${lang}/${chapter}`, { ...options, rewrite });
}

test('a diagram left for mermaid.js is drawn by it with the book\'s settings, even when the fonts come after the load event', async () => {
    // Left alone, mermaid draws every diagram on the window's load event with its
    // defaults (shrunk to the column): the loader must stop that before the fonts are in.
    const page = await openUndrawn('fa', 'patterns/index.html', {
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
    assert.equal(await page.locator('pre.mermaid.drawn').count(), 0);
    assert.ok(fetchedMermaid(page).length > 0, 'mermaid.js fetched');
    assert.notEqual(drawn.width, '100%', JSON.stringify(drawn));
    assert.ok(Math.abs(drawn.scale - 1) < 0.01, `drawn at ${drawn.scale} of its size`);
    page.assertClean();
});

// The five worst diagrams when diagrams were drawn by mermaid.js in the browser, with
// its settings of then (shrunk to the column, Persian labels left to right), against
// the build's. Screenshots of both at a phone's width go to screenshots/diagrams/.
const WORST = [
    ['en', 'building-blocks/goroutines-threads-tasks.html', 1],
    ['fa', 'building-blocks/goroutines-threads-tasks.html', 1],
    ['fa', 'csp.html', 2], // the decision tree, two screens tall
    ['fa', 'why-hard/deadlock.html', 1],
    ['fa', 'patterns/bridge.html', 1],
];

test('the five worst diagrams, before and after: screenshots, and the text now readable on a phone', async () => {
    const viewport = { width: 390, height: 844 };
    const report = [];
    for (const [lang, chapter, n] of WORST) {
        const name = `diagrams/${lang}-${chapter.replace('.html', '').replaceAll('/', '-')}-${n}`;
        const old = await openUndrawn(lang, chapter, {
            viewport,
            rewrite: (pathname, text) => /\/mermaid-loader[-.]/.test(pathname)
                ? text.replace(/useMaxWidth:\s*(false|!1)/g, 'useMaxWidth:true') : undefined,
            initScript: () => document.addEventListener('DOMContentLoaded', () => {
                const style = document.createElement('style');
                style.textContent = 'pre.mermaid svg :is(p, span, div, text) { direction: ltr !important; unicode-bidi: normal !important; }';
                document.head.append(style);
            }),
        });
        await waitFor(old, () => document.querySelectorAll('pre.mermaid svg').length > 0, undefined, 'mermaid.js', 30000);
        const before = (await old.evaluate(diagramText))[n - 1];
        await screenshot(old, `${name}-before-mermaidjs`, old.locator('pre.mermaid').nth(n - 1));
        await old.context().close();

        const page = await site.open(`${lang}/${chapter}`, { viewport });
        const now = (await page.evaluate(diagramText))[n - 1];
        // The whole diagram at the size it is drawn (on a phone it scrolls sideways).
        await page.addStyleTag({ content: 'pre.mermaid { overflow: visible !important; } .nav-wide-wrapper { display: none; }' });
        const width = await page.locator('pre.mermaid svg').nth(n - 1).evaluate(svg => svg.getBoundingClientRect().width);
        await page.setViewportSize({ width: Math.max(viewport.width, Math.ceil(width) + 400), height: viewport.height });
        await screenshot(page, `${name}-after-build`, page.locator('pre.mermaid svg').nth(n - 1));
        assert.deepEqual(fetchedMermaid(page), []);
        page.assertClean();
        await page.context().close();
        report.push(`${lang}/${chapter} #${n}: smallest text ${before.smallest} px -> ${now.smallest} px`);
        assert.ok(now.smallest >= 11, report.at(-1));
    }
    console.log(report.join('\n'));
});
