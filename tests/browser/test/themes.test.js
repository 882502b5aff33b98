// Light and dark themes keep code, diagrams and search results readable: the
// contrast of their text against what is behind it, computed from the styles
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
    await waitFor(page, () => document.querySelector('pre.mermaid svg g.node'),
        undefined, 'mermaid to draw', 30000);
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
            const svg = document.querySelector('pre.mermaid svg');
            svg.querySelectorAll('g.node').forEach((node, i) => {
                const label = node.querySelector('.nodeLabel, text');
                const shape = node.querySelector('.label-container, rect, polygon, circle, path');
                if (label && shape && label.textContent.trim()) {
                    text[`diagram node ${i + 1}`] = C.svg(label, shape);
                }
            });
            svg.querySelectorAll('span.edgeLabel').forEach((label, i) => {
                if (label.textContent.trim()) {
                    text[`diagram edge label ${i + 1}`] = C.text(label);
                }
            });
            svg.querySelectorAll('path.flowchart-link').forEach((line, i) => {
                graphic[`diagram line ${i + 1}`] = C.stroke(line);
            });
            return { text, graphic };
        });
        assert.ok(Object.keys(measured.text).some(k => k.startsWith('code block')), 'code measured');
        assert.ok(Object.keys(measured.text).some(k => k.startsWith('diagram node')), 'diagram measured');
        assert.deepEqual(below(measured.text, TEXT), [], 'text under 4.5:1');
        assert.deepEqual(below(measured.graphic, GRAPHIC), [], 'lines under 3:1');
        await screenshot(page, `theme-${theme}-diagram`, page.locator('pre.mermaid').first());

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
