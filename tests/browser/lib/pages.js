// Facts about the built pages, read from book/ itself.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { BOOK_DIR } from './site.js';

const NOT_CHAPTERS = new Set(['print.html', 'toc.html', '404.html']);

/** The chapter pages of one language's book, relative to its root. */
export async function chapters(lang) {
    const root = path.join(BOOK_DIR, lang);
    const files = await readdir(root, { recursive: true });
    return files
        .filter(f => f.endsWith('.html') && !NOT_CHAPTERS.has(f))
        .filter(f => !f.startsWith('pagefind'))
        .sort();
}

export async function html(lang, page) {
    return readFile(path.join(BOOK_DIR, lang, page), 'utf8');
}

export function hasDiagram(text) {
    return /<pre class="mermaid[ "]/.test(text);
}

/** The book's sources: src/<lang>/ beside book/. */
const SOURCES = path.join(BOOK_DIR, '../src');

/** The mermaid source of each diagram of a chapter, in order, from its Markdown. */
export async function diagramSources(lang, page) {
    const text = await readFile(path.join(SOURCES, lang, page.replace(/\.html$/, '.md')), 'utf8');
    return Array.from(text.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm), m => m[1]);
}

/**
 * The page with its diagrams as mdbook-mermaid writes them, before `cargo xtask build`
 * draws them: <pre class="mermaid"> with the source, for mermaid.js to draw.
 */
export function undrawn(text, sources) {
    let i = 0;
    const escape = s => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    return text.replace(/<pre class="mermaid drawn"[^>]*>[\s\S]*?<\/svg>\s*<\/pre>/g,
        () => `<pre class="mermaid">${escape(sources[i++])}</pre>`);
}

/** A chapter without a mermaid diagram: the book's first page if it has none. */
export async function pageWithoutDiagram(lang) {
    const all = await chapters(lang);
    const ordered = ['index.html', ...all.filter(p => p !== 'index.html')];
    for (const page of ordered) {
        if (all.includes(page) && !hasDiagram(await html(lang, page))) {
            return page;
        }
    }
    throw new Error(`every ${lang} page has a diagram`);
}

/** The text of a page's <main>, without tags (near enough for `includes`). */
export async function mainText(lang, page) {
    const text = await html(lang, page);
    const main = text.slice(text.indexOf('<main>'), text.indexOf('</main>'));
    return main.replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;|&#\d+;/g, ' ');
}

/**
 * The text of a page that the search index holds: its <main> without the diagrams'
 * mermaid source (xtask/src/search.rs leaves that out).
 */
export async function indexedText(lang, page) {
    const text = await html(lang, page);
    const main = text.slice(text.indexOf('<main>'), text.indexOf('</main>'))
        .replace(/<pre class="mermaid"[\s\S]*?<\/pre>/g, ' ');
    return main.replace(/<[^>]+>/g, '').replace(/&[a-z]+;|&#\d+;/g, ' ');
}
