// Light and dark themes keep code, diagrams (a flowchart, a sequence and a state
// diagram) and search results readable: the contrast of their text against what is behind it, computed from the styles
// Chromium applied. Screenshots of one page per language, and of each theme with
// the search open, go to screenshots/.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { installContrast } from '../lib/contrast.js';
import { search } from '../lib/search.js';
import { CHAPTER, LANGS, openSite, screenshot, waitFor } from '../lib/site.js';

let site;
before(async () => { site = await openSite(); });
after(async () => { await site?.close(); });

// WCAG 2: 4.5:1 for text, 3:1 for large text and for the lines of a graphic.
const TEXT = 4.5;
const GRAPHIC = 3;

async function diagramDrawn(page) {
    await waitFor(page, () => document.querySelector('pre.mermaid svg g.node, pre.mermaid svg .actor'),
        undefined, 'a diagram', 30000);
}

/** A flowchart, a sequence diagram and a state diagram. */
const DIAGRAMS = [CHAPTER, 'building-blocks/condvar.html', 'production/graceful-shutdown.html'];

/**
 * The contrast of every piece of text of the page's diagrams against what is drawn
 * behind it, and of their lines against the page.
 */
function diagramContrast() {
    const C = window.__contrast;
    const text = {};
    const graphic = {};
    document.querySelectorAll('pre.mermaid svg').forEach((svg, d) => {
        const kind = svg.getAttribute('aria-roledescription') || 'diagram';
        for (const el of svg.querySelectorAll('foreignObject *, text, tspan')) {
            const own = Array.from(el.childNodes).filter(n => n.nodeType === 3)
                .map(n => n.textContent).join('').trim();
            if (own && el.getBoundingClientRect().width > 0) {
                text[`${kind} ${d + 1} "${own.slice(0, 24)}"`] = C.label(el);
            }
        }
        svg.querySelectorAll('path.flowchart-link, path.transition, .messageLine0, .messageLine1, line.actor-line')
            .forEach((line, i) => { graphic[`${kind} ${d + 1} line ${i + 1}`] = C.stroke(line); });
    });
    return { text, graphic };
}

function below(measured, min) {
    return Object.entries(measured)
        .filter(([, m]) => m.ratio < min)
        .map(([what, m]) => `${what}: ${m.ratio.toFixed(2)} (${m.fg} on ${m.bg})`);
}

for (const theme of ['light', 'rust', 'coal', 'navy', 'ayu']) {
    test(`${theme}: code, diagram and search results are readable`, async () => {
        const page = await site.open(`en/${CHAPTER}`, { theme });
        assert.ok(await page.evaluate(t => document.documentElement.classList.contains(t), theme));
        await diagramDrawn(page);
        await installContrast(page);

        const measured = await page.evaluate(() => {
            const C = window.__contrast;
            const text = {};
            const graphic = {};
            const codes = Array.from(document.querySelectorAll('main pre code.hljs')).slice(0, 4);
            codes.forEach((code, i) => {
                text[`code block ${i + 1}`] = C.text(code);
                for (const token of code.querySelectorAll('span[class^="hljs-"]')) {
                    const m = C.text(token);
                    const key = `code ${token.className}`;
                    if (!text[key] || m.ratio < text[key].ratio) {
                        text[key] = m;
                    }
                }
            });
            return { text, graphic };
        });
        assert.ok(Object.keys(measured.text).some(k => k.startsWith('code block')), 'code measured');
        assert.deepEqual(below(measured.text, TEXT), [], 'text under 4.5:1');
        assert.deepEqual(below(measured.graphic, GRAPHIC), [], 'lines under 3:1');

        // Every diagram kind: each piece of text against what is behind it, every line.
        for (const chapter of DIAGRAMS) {
            const tab = chapter === CHAPTER ? page : await site.open(`en/${chapter}`, { theme });
            await diagramDrawn(tab);
            await installContrast(tab);
            const diagram = await tab.evaluate(diagramContrast);
            assert.ok(Object.keys(diagram.text).length >= 4, `${chapter}: ${Object.keys(diagram.text)}`);
            assert.ok(Object.keys(diagram.graphic).length >= 2, `${chapter}: lines measured`);
            assert.deepEqual(below(diagram.text, TEXT), [], `${chapter}: diagram text under 4.5:1`);
            assert.deepEqual(below(diagram.graphic, GRAPHIC), [], `${chapter}: diagram lines under 3:1`);
            await screenshot(tab, `theme-${theme}-${chapter.replace(/\W+/g, '-')}`, tab.locator('pre.mermaid').first());
            tab.assertClean();
        }

        const results = await search(page, 'WaitGroup');
        assert.ok(results.length > 0);
        const ui = await page.evaluate(() => {
            const C = window.__contrast;
            const hit = document.querySelector('#book-search-results a');
            return {
                'search box': C.text(document.getElementById('book-search-input')),
                'search status': C.text(document.querySelector('.book-search-status')),
                'result title': C.text(hit.querySelector('.book-search-title')),
                'result excerpt': C.text(hit.querySelector('.book-search-excerpt')),
                'highlighted word': C.text(hit.querySelector('mark')),
            };
        });
        assert.deepEqual(below(ui, TEXT), [], 'search text under 4.5:1');
        // The hovered result keeps its contrast too.
        await page.hover('#book-search-results li:first-child a');
        const hovered = await page.evaluate(() => ({
            'hovered result excerpt': window.__contrast.text(
                document.querySelector('#book-search-results a:hover .book-search-excerpt')),
        }));
        assert.deepEqual(below(hovered, TEXT), [], 'hovered result under 4.5:1');
        await screenshot(page, `theme-${theme}-search`);
        page.assertClean();
    });
}

for (const lang of LANGS) {
    test(`${lang}: screenshot of ${CHAPTER}`, async () => {
        const page = await site.open(`${lang}/${CHAPTER}`, { theme: 'light' });
        await diagramDrawn(page);
        await screenshot(page, `lang-${lang}`);
        page.assertClean();
    });
}
