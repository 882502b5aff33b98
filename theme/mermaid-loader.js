// Mermaid only where needed. `cargo xtask build` draws every diagram into the page
// as SVG (xtask/src/diagram.rs: <pre class="mermaid drawn">); what is left as
// <pre class="mermaid"> with its source (plain `mdbook serve`, or a diagram the
// build could not draw) is drawn here by mermaid.js. On a page with none, this
// script fetches nothing: mermaid.min.js (2.6 MB) is never loaded. Each book has
// its own copy at its root (src/<lang>/mermaid.min.js, a link to
// theme/mermaid.min.js).
(function mermaidLoader() {
    'use strict';

    // A diagram wider than the column scrolls sideways: it can be scrolled with the
    // keyboard too.
    function focusIfScrolls(block) {
        block.tabIndex = block.scrollWidth > block.clientWidth ? 0 : -1;
        if (block.tabIndex < 0) {
            block.removeAttribute('tabindex');
        }
    }
    const drawn = Array.from(document.querySelectorAll('pre.mermaid.drawn'));
    drawn.forEach(focusIfScrolls);
    if (drawn.length > 0) {
        window.addEventListener('resize', () => drawn.forEach(focusIfScrolls));
    }

    const blocks = Array.from(document.querySelectorAll('pre.mermaid:not(.drawn)'));
    if (blocks.length === 0 || typeof path_to_root === 'undefined') {
        return;
    }

    const html = document.documentElement;
    const DARK_THEMES = ['coal', 'navy', 'ayu']; // light and rust are light

    function pageIsDark() {
        return DARK_THEMES.some(theme => html.classList.contains(theme));
    }

    // The diagrams are drawn for the theme the page has now. mdBook changes the
    // theme by swapping a class on <html> (the theme menu, or "Auto" following
    // the system); when that crosses between light and dark, the simplest
    // correct redraw is a reload (mermaid replaces its source with the SVG).
    const drawnDark = pageIsDark();
    new MutationObserver(() => {
        if (pageIsDark() !== drawnDark) {
            window.location.reload();
        }
    }).observe(html, { attributes: true, attributeFilter: ['class'] });

    function showSource() {
        blocks.forEach(block => block.classList.add('mermaid-failed'));
    }

    function draw() {
        const mermaid = window.mermaid;
        if (!mermaid) {
            showSource();
            return;
        }
        mermaid.initialize({
            startOnLoad: false,
            theme: drawnDark ? 'dark' : 'default',
            // The dark theme's edge labels are #ccc on #585858 (4.4:1, under
            // WCAG's 4.5:1); on #404040 they read at 6.5:1.
            themeVariables: drawnDark ? { edgeLabelBackground: '#404040' } : {},
            // Labels in the page's font (Vazirmatn for Persian, Noto Sans Thai
            // for Thai, then mdBook's Open Sans).
            fontFamily: window.getComputedStyle(document.body).fontFamily,
            // Drawn at their own size, not shrunk to the column: the CSS lets a wide
            // one scroll sideways (theme/book.css, section 6).
            flowchart: { useMaxWidth: false },
            sequence: { useMaxWidth: false },
            state: { useMaxWidth: false },
        });
        mermaid.run({ nodes: blocks }).then(() => blocks.forEach(focusIfScrolls)).catch(error => {
            console.error('mermaid:', error);
            showSource();
        });
    }

    const script = document.createElement('script');
    script.src = path_to_root + 'mermaid.min.js';
    script.async = true;
    script.onload = () => {
        // Left alone, mermaid draws every diagram itself on the window's load event,
        // with its default settings (shrunk to the column, the default font): turn
        // that off at once. The page's load event waits for this script, and may come
        // before the fonts below.
        if (window.mermaid) {
            window.mermaid.startOnLoad = false;
            window.mermaid.initialize({ startOnLoad: false });
        }
        // Mermaid measures the labels' text: wait for the web fonts first.
        const fontsReady = document.fonts ? document.fonts.ready : Promise.resolve();
        fontsReady.then(draw, draw);
    };
    script.onerror = showSource;
    document.head.appendChild(script);
})();
