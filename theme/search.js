// The book's search: a button in mdBook's menu bar that opens a search box under
// it. The index is Pagefind's, built by `cargo xtask build` into <book>/pagefind/
// (xtask/src/search.rs); mdBook's own search, which drops every letter outside
// [0-9A-Za-z_], is disabled in book.toml.
//
// Nothing is fetched until the reader opens the search: then pagefind.js is
// imported from the book's root, and Pagefind loads only the parts of the index
// that each query needs. Everything comes from the book's own host.
//
// Keyboard: `/` or `s` opens the search, Escape closes it; in the box, the down
// arrow goes to the results and Enter opens the first one; the up and down arrows
// move between the results.
(function bookSearch() {
    'use strict';

    if (typeof path_to_root === 'undefined') {
        return;
    }
    const menuBar = document.getElementById('mdbook-menu-bar');
    const leftButtons = menuBar && menuBar.querySelector('.left-buttons');
    if (!leftButtons) {
        return;
    }

    const html = document.documentElement;
    const lang = (html.lang || 'en').toLowerCase().split('-')[0];
    const dir = html.dir === 'rtl' ? 'rtl' : 'ltr';

    // ---------------------------------------------------------------- words

    function count(n) {
        return n.toLocaleString(lang);
    }
    const TEXT = {
        en: {
            search: 'Search',
            placeholder: 'Search this book …',
            searching: 'Searching …',
            none: q => `No results for “${q}”`,
            found: (n, q) => `${count(n)} ${n === 1 ? 'result' : 'results'} for “${q}”`,
            more: 'More results',
            fileUrl: 'Search works when the book is served over HTTP (cargo xtask serve), ' +
                'not from a file:// page.',
            failed: 'The search index could not be loaded.',
            help: 'Press <kbd>S</kbd> or <kbd>/</kbd> to search in the book',
        },
        fa: {
            search: 'جست‌وجو',
            placeholder: 'جست‌وجو در این کتاب …',
            searching: 'در حال جست‌وجو …',
            none: q => `نتیجه‌ای برای «${q}» پیدا نشد`,
            found: (n, q) => `${count(n)} نتیجه برای «${q}»`,
            more: 'نتیجه‌های بیشتر',
            fileUrl: 'جست‌وجو وقتی کار می‌کنه که کتاب از راه HTTP باز بشه (cargo xtask serve)، ' +
                'نه از یه صفحهٔ file://.',
            failed: 'نمایهٔ جست‌وجو بارگذاری نشد.',
            help: 'با <kbd>S</kbd> یا <kbd>/</kbd> توی کتاب جست‌وجو می‌کنی',
        },
        ru: {
            search: 'Поиск',
            placeholder: 'Искать в книге …',
            searching: 'Ищем …',
            none: q => `По запросу «${q}» ничего не найдено`,
            found: (n, q) => {
                const forms = { one: 'результат', few: 'результата', many: 'результатов' };
                const form = forms[new Intl.PluralRules('ru').select(n)] || 'результатов';
                return `${count(n)} ${form} по запросу «${q}»`;
            },
            more: 'Ещё результаты',
            fileUrl: 'Поиск работает, когда книга открыта по HTTP (cargo xtask serve), ' +
                'а не как страница file://.',
            failed: 'Не удалось загрузить поисковый индекс.',
            help: '<kbd>S</kbd> или <kbd>/</kbd> — поиск по книге',
        },
        th: {
            search: 'ค้นหา',
            placeholder: 'ค้นหาในหนังสือเล่มนี้ …',
            searching: 'กำลังค้นหา …',
            none: q => `ไม่พบผลลัพธ์สำหรับ “${q}”`,
            found: (n, q) => `พบ ${count(n)} รายการสำหรับ “${q}”`,
            more: 'ดูผลลัพธ์เพิ่มเติม',
            fileUrl: 'การค้นหาใช้ได้เมื่อเปิดหนังสือผ่าน HTTP (cargo xtask serve) ' +
                'ไม่ใช่จากหน้า file://',
            failed: 'โหลดดัชนีการค้นหาไม่สำเร็จ',
            help: 'กด <kbd>S</kbd> หรือ <kbd>/</kbd> เพื่อค้นหาในหนังสือเล่มนี้',
        },
    };
    const t = TEXT[lang] || TEXT.en;

    // ---------------------------------------------------------------- query

    // Persian: the index (xtask/src/search.rs) has Persian ی and ک for their
    // Arabic look-alikes, no tatweel, and a word written with a zero-width
    // non-joiner (می‌شود) under its letters alone (میشود). The query is mapped
    // the same way, and a prefix or suffix typed with a space (می شود) is joined.
    // If that finds nothing and the word has such a prefix or suffix, it is
    // searched for as two words, for a text that wrote it with a space. Both
    // queries depend only on the joined form, so a query finds the same pages
    // with or without the ZWNJ.
    const ZWNJ = /\u200c/g;
    const PREFIX = /(^|\s)(ن?می)\s+(?=\S)/g;
    const SUFFIX = /(\S)\s+(های|ها)(?=\s|$)/g;
    const SPLIT_PREFIX = /(^|\s)(ن?می)(?=\S{2,})/g;
    const SPLIT_SUFFIX = /(\S{2,})(های|ها)(?=\s|$)/g;

    function persianLetters(text) {
        return text
            .replace(/\u0640/g, '')
            .replace(/[\u064a\u0649]/g, '\u06cc')
            .replace(/\u0643/g, '\u06a9');
    }

    // The queries to try, in turn, for what the reader typed.
    function queries(typed) {
        let query = typed.normalize('NFC').replace(/\s+/g, ' ').trim();
        if (lang !== 'fa' || query === '') {
            return query === '' ? [] : [query];
        }
        const joined = persianLetters(query)
            .replace(ZWNJ, '')
            .replace(PREFIX, '$1$2')
            .replace(SUFFIX, '$1$2');
        const split = joined
            .replace(SPLIT_PREFIX, '$1$2 ')
            .replace(SPLIT_SUFFIX, '$1 $2');
        return split === joined ? [joined] : [joined, split];
    }

    // Thai: Pagefind folds every combining mark away, in the index and in the
    // query, and Thai writes its vowels and tone marks as combining marks: to it
    // ชื่อ ("name") and ช่อง ("slot") are the same word, and a query also finds
    // the words that merely begin with its letters. Its word index also misses a
    // word inside a longer one (งาน, "work", in ทำงาน). So a query with Thai in it
    // is answered from the pages' text, the way a Thai reader searches a page:
    // every page that holds each word of the query exactly as typed (words run
    // together, as Thai writes them, stay together: ยกเลิกงาน is one phrase).
    // Pagefind still supplies the pages: all of them, loaded once (386 KB gzipped
    // for this book, index included) on the first such query.
    const THAI = /[\u0e00-\u0e7f]/;
    let everyPage = null;

    function exactWords(query) {
        return lang === 'th' && THAI.test(query)
            ? query.toLocaleLowerCase(lang).split(' ').filter(w => w !== '')
            : null;
    }

    function allPages(module) {
        if (!everyPage) {
            // A null query is Pagefind's "every page".
            everyPage = module.search(null)
                .then(answer => Promise.all(answer.results.map(result => result.data())));
            everyPage.catch(() => { everyPage = null; });
        }
        return everyPage;
    }

    // A match may not cut a Thai syllable where its letters change: ชื่อ ("name")
    // is not in เชื่อม ("connect"), whose vowel เ is written before the ช it
    // belongs to, and a match may not end before a vowel or tone mark that sits
    // on its last letter (ชื is not in ชื่อ).
    const LEADING_VOWEL = /[\u0e40-\u0e44]/;
    const MARK = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/;

    function wholeSyllables(text, start, end) {
        return !LEADING_VOWEL.test(text.charAt(start - 1)) && !MARK.test(text.charAt(end));
    }

    // Where the words occur in `text`, as [start, end) ranges, in order.
    function occurrences(text, words) {
        const lower = text.toLocaleLowerCase(lang);
        // Lower case must not move the offsets (it does not for Thai or Latin).
        const haystack = lower.length === text.length ? lower : text;
        const ranges = [];
        for (const word of words) {
            for (let at = haystack.indexOf(word); at >= 0; at = haystack.indexOf(word, at + 1)) {
                if (wholeSyllables(haystack, at, at + word.length)) {
                    ranges.push([at, at + word.length]);
                }
            }
        }
        ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
        const merged = [];
        for (const range of ranges) {
            const last = merged[merged.length - 1];
            if (last && range[0] < last[1]) {
                last[1] = Math.max(last[1], range[1]);
            } else {
                merged.push(range);
            }
        }
        return merged;
    }

    const escapeHtml = s => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

    // `text` as an excerpt in Pagefind's form: escaped, with <mark> around `ranges`.
    function markedExcerpt(text, ranges) {
        let out = '';
        let at = 0;
        for (const [start, end] of ranges) {
            out += escapeHtml(text.slice(at, start)) + '<mark>' +
                escapeHtml(text.slice(start, end)) + '</mark>';
            at = end;
        }
        return out + escapeHtml(text.slice(at));
    }

    const BEFORE = 50;
    const AFTER = 110;

    // The occurrence that has the most of the words within the excerpt's reach.
    function bestAnchor(text, words) {
        const found = words.map(word => occurrences(text, [word]));
        let [anchor, best] = [-1, 0];
        for (const [at] of found.flat().sort((a, b) => a[0] - b[0])) {
            const seen = found.filter(ranges =>
                ranges.some(([a, b]) => a >= at - BEFORE && b <= at + AFTER)).length;
            if (seen > best) {
                [anchor, best] = [at, seen];
            }
        }
        return anchor;
    }

    // About 160 characters of `text` around `anchor`, cut between words, marked.
    function excerptAround(text, words, anchor) {
        const segments = new Intl.Segmenter(lang, { granularity: 'word' }).segment(text);
        const cut = at => segments.containing(at)?.index ?? at;
        const start = anchor <= BEFORE ? 0 : cut(anchor - BEFORE);
        const end = anchor + AFTER >= text.length ? text.length : cut(anchor + AFTER);
        const inside = occurrences(text, words)
            .filter(([a, b]) => a >= start && b <= end)
            .map(([a, b]) => [a - start, b - start]);
        return (start > 0 ? '… ' : '') + markedExcerpt(text.slice(start, end), inside) +
            (end < text.length ? ' …' : '');
    }

    // The heading (h2 to h6) of the part of the page where `at` is.
    function sectionAt(data, at) {
        let section = null;
        let from = 0;
        for (const anchor of data.anchors || []) {
            if (!/^h[2-6]$/.test(anchor.element) || !anchor.id || !anchor.text) {
                continue;
            }
            const where = data.content.indexOf(anchor.text, from);
            if (where < 0 || where > at) {
                break;
            }
            [section, from] = [anchor, where + anchor.text.length];
        }
        return section;
    }

    // One page as a result: its excerpt where the words are, in its section.
    function exactResult(data, words) {
        const anchor = bestAnchor(data.content, words);
        if (anchor < 0) {
            return { ...data, excerpt: escapeHtml(data.content.slice(0, AFTER)), sub_results: [] };
        }
        const excerpt = excerptAround(data.content, words, anchor);
        const section = sectionAt(data, anchor);
        return {
            ...data,
            excerpt,
            sub_results: section
                ? [{ title: section.text, url: `${data.url}#${section.id}`, excerpt }]
                : [],
        };
    }

    // The pages that hold every word, those that use the words most first, a
    // rare word counting for more than a common one (tf-idf).
    async function exactResults(module, words) {
        const pages = await allPages(module);
        const counts = pages.map(data => words.map(word => occurrences(
            `${(data.meta && data.meta.title) || ''}\n${data.content}`, [word]).length));
        const weight = words.map((_, i) =>
            Math.log(1 + pages.length / Math.max(1, counts.filter(c => c[i] > 0).length)));
        return pages
            .map((data, i) => ({
                data: () => Promise.resolve(exactResult(data, words)),
                held: counts[i].every(n => n > 0),
                score: counts[i].reduce((sum, n, w) => sum + (1 + Math.log(n || 1)) * weight[w], 0),
            }))
            .filter(result => result.held)
            .sort((a, b) => b.score - a.score);
    }

    // ---------------------------------------------------------------- pagefind

    const bookRoot = new URL(path_to_root || './', window.location.href);
    let pagefind = null;

    function loadPagefind() {
        if (window.location.protocol === 'file:') {
            // A browser loads neither a module nor the index from file:// pages.
            return Promise.reject(new Error('file://'));
        }
        if (!pagefind) {
            const script = new URL('pagefind/pagefind.js', bookRoot).href;
            pagefind = import(script).then(async module => {
                // Result URLs are "/<chapter>.html" inside the book.
                await module.options({ baseUrl: bookRoot.pathname, excerptLength: 26 });
                await module.init();
                return module;
            });
            // A failed load may be tried again when the search is opened again.
            pagefind.catch(() => { pagefind = null; });
        }
        return pagefind;
    }

    // ---------------------------------------------------------------- the page

    const SEARCH_ICON =
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" ' +
        'fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round">' +
        '<circle cx="10.5" cy="10.5" r="7"/><path d="M15.6 15.6 21 21"/></svg>';

    const toggle = document.createElement('button');
    toggle.id = 'book-search-toggle';
    toggle.className = 'icon-button';
    toggle.type = 'button';
    toggle.title = t.search + ' (/)';
    toggle.setAttribute('aria-label', t.search);
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-controls', 'book-search');
    toggle.setAttribute('aria-keyshortcuts', '/ s');
    toggle.innerHTML = '<span class="fa-svg">' + SEARCH_ICON + '</span>';
    // Where mdBook puts its own search button: after the theme button and list.
    const themeList = document.getElementById('mdbook-theme-list');
    if (themeList && themeList.parentNode === leftButtons) {
        themeList.after(toggle);
    } else {
        leftButtons.appendChild(toggle);
    }

    const panel = document.createElement('div');
    panel.id = 'book-search';
    panel.className = 'book-search';
    panel.dir = dir;
    panel.hidden = true;
    panel.innerHTML =
        '<form class="book-search-form" role="search">' +
        '<input type="search" id="book-search-input" class="book-search-input" ' +
        'autocomplete="off" spellcheck="false" enterkeyhint="search" ' +
        'aria-controls="book-search-results" aria-describedby="book-search-status">' +
        '</form>' +
        '<p id="book-search-status" class="book-search-status" role="status" aria-live="polite"></p>' +
        '<ol id="book-search-results" class="book-search-results"></ol>' +
        '<button type="button" class="book-search-more" hidden></button>';
    const form = panel.querySelector('form');
    const input = panel.querySelector('input');
    const status = panel.querySelector('.book-search-status');
    const list = panel.querySelector('ol');
    const more = panel.querySelector('.book-search-more');
    form.setAttribute('aria-label', t.search);
    input.placeholder = t.placeholder;
    input.setAttribute('aria-label', t.search);
    more.textContent = t.more;
    menuBar.after(panel);

    // mdBook's keyboard help (`?`) lists the search keys only for its own search.
    const help = document.querySelector('#mdbook-help-popup > div');
    if (help && !help.querySelector('.book-search-help')) {
        const line = document.createElement('p');
        line.className = 'book-search-help';
        line.innerHTML = t.help;
        help.insertBefore(line, help.children[1] || null);
    }

    // ---------------------------------------------------------------- results

    const PAGE_SIZE = 10;
    let generation = 0;
    let found = [];
    let shown = 0;
    let lastQuery = '';

    const EDGES = /^([\s([{"'«“‘*&<]*)([\s\S]*?)([\s)\]}"'»”’.,;:،؛]*)$/;

    // Pagefind's excerpt is text with <mark> around the matched words (and < >
    // escaped). It is rebuilt here as text nodes and <mark> elements, so that
    // nothing in it can become markup.
    function excerptNodes(excerpt) {
        const fragment = document.createDocumentFragment();
        const decode = s => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
        let marked = false;
        for (const part of excerpt.split(/(<mark>|<\/mark>)/)) {
            if (part === '<mark>') {
                marked = true;
            } else if (part === '</mark>') {
                marked = false;
            } else if (part !== '' && !marked) {
                fragment.appendChild(document.createTextNode(decode(part)));
            } else if (part !== '') {
                // Pagefind marks a whole word as written, with the punctuation
                // around it ("(WaitGroup)."): only the word is highlighted.
                const [, before, word, after] = decode(part).match(EDGES);
                const mark = document.createElement('mark');
                mark.textContent = word || before + after;
                fragment.append(word ? before : '', mark, word ? after : '');
            }
        }
        return fragment;
    }

    // How well an excerpt matches: the different words marked, then the marks.
    function marks(excerpt) {
        const marked = excerpt.match(/<mark>[^<]*<\/mark>/g) || [];
        return new Set(marked.map(m => m.toLocaleLowerCase(lang))).size * 1000 + marked.length;
    }

    // The part of the page that matches best: its heading and its link.
    function bestSection(data) {
        let best = null;
        for (const sub of data.sub_results || []) {
            if (marks(sub.excerpt) > (best ? marks(best.excerpt) : 0)) {
                best = sub;
            }
        }
        return best;
    }

    function resultItem(data) {
        const title = (data.meta && data.meta.title) || data.url;
        const section = bestSection(data);
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.className = 'book-search-hit';
        link.href = section ? section.url : data.url;
        const heading = document.createElement('span');
        heading.className = 'book-search-title';
        heading.textContent = title;
        if (section && section.title && section.title !== title) {
            const sub = document.createElement('span');
            sub.className = 'book-search-section';
            sub.textContent = section.title;
            heading.append(' › ', sub);
        }
        const excerpt = document.createElement('span');
        excerpt.className = 'book-search-excerpt';
        excerpt.appendChild(excerptNodes(section && marks(section.excerpt) > 0
            ? section.excerpt : data.excerpt));
        link.append(heading, excerpt);
        item.appendChild(link);
        return item;
    }

    async function showMore(run) {
        const next = found.slice(shown, shown + PAGE_SIZE);
        shown += next.length;
        more.hidden = true;
        const data = await Promise.all(next.map(result => result.data()));
        if (run !== generation) {
            return;
        }
        for (const d of data) {
            list.appendChild(resultItem(d));
        }
        more.hidden = shown >= found.length;
        panel.classList.remove('book-search-busy');
    }

    async function search(typed) {
        const run = ++generation;
        const runs = queries(typed);
        if (runs.length === 0) {
            found = [];
            list.replaceChildren();
            more.hidden = true;
            status.textContent = '';
            panel.classList.remove('book-search-busy');
            return;
        }
        panel.classList.add('book-search-busy');
        status.textContent = t.searching;
        let module;
        try {
            module = await loadPagefind();
        } catch (error) {
            if (run === generation) {
                status.textContent = window.location.protocol === 'file:' ? t.fileUrl : t.failed;
                panel.classList.remove('book-search-busy');
            }
            if (window.location.protocol !== 'file:') {
                console.warn('search: cannot load the index:', error);
            }
            return;
        }
        // The first query that finds something (see queries()).
        let hits = [];
        for (const q of runs) {
            const words = exactWords(q);
            const answer = words
                ? { results: await exactResults(module, words) }
                : await module.search(q);
            if (run !== generation) {
                return; // the reader has typed on
            }
            hits = (answer && answer.results) || [];
            if (hits.length > 0) {
                break;
            }
        }
        found = hits;
        shown = 0;
        lastQuery = typed.trim();
        list.replaceChildren();
        status.textContent = found.length === 0
            ? t.none(lastQuery) : t.found(found.length, lastQuery);
        if (found.length === 0) {
            more.hidden = true;
            panel.classList.remove('book-search-busy');
            return;
        }
        await showMore(run);
    }

    let typing = null;
    input.addEventListener('input', () => {
        clearTimeout(typing);
        typing = setTimeout(() => search(input.value), 120);
    });
    form.addEventListener('submit', event => {
        event.preventDefault();
        clearTimeout(typing);
        // Enter opens the first result once it is there.
        const first = list.querySelector('a');
        if (first && input.value.trim() === lastQuery) {
            first.click();
        } else {
            search(input.value);
        }
    });
    more.addEventListener('click', () => {
        const at = shown;
        showMore(generation).then(() => {
            const link = list.querySelectorAll('a')[at];
            if (link) {
                link.focus();
            }
        });
    });

    // ---------------------------------------------------------------- open, close

    function isOpen() {
        return !panel.hidden;
    }

    function open() {
        panel.hidden = false;
        toggle.setAttribute('aria-expanded', 'true');
        // The box is under the menu bar, at the top of the page, as mdBook's was.
        window.scrollTo(0, 0);
        input.focus();
        input.select();
        loadPagefind().catch(() => {});
    }

    function close() {
        panel.hidden = true;
        toggle.setAttribute('aria-expanded', 'false');
        toggle.focus();
    }

    toggle.addEventListener('click', () => (isOpen() ? close() : open()));

    function typingIn(target) {
        return target instanceof HTMLElement &&
            (/^(input|select|textarea)$/i.test(target.nodeName) || target.isContentEditable);
    }

    document.addEventListener('keydown', event => {
        if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) {
            return;
        }
        if (event.key === 'Escape' && isOpen() &&
            (panel.contains(event.target) || !typingIn(event.target))) {
            event.preventDefault();
            close();
            return;
        }
        if ((event.key === '/' || event.key === 's' || event.key === 'S') &&
            !typingIn(event.target)) {
            event.preventDefault();
            open();
        }
    });

    // Arrows inside the panel move between the box and the results (and do not
    // turn the page, as mdBook's left and right arrows do elsewhere).
    panel.addEventListener('keydown', event => {
        if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
            return;
        }
        const links = Array.from(list.querySelectorAll('a'));
        const at = links.indexOf(document.activeElement);
        if (event.key === 'ArrowDown') {
            event.preventDefault();
            const next = at < 0 ? links[0] : links[at + 1];
            if (next) {
                next.focus();
            }
        } else if (event.key === 'ArrowUp' && at >= 0) {
            event.preventDefault();
            (at === 0 ? input : links[at - 1]).focus();
        } else if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && at >= 0) {
            event.stopPropagation();
        }
    });
    input.addEventListener('keydown', event => {
        // In the box the arrows move the caret, never the chapter.
        if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
            event.stopPropagation();
        }
    });
})();
