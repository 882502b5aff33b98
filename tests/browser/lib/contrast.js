// Contrast of text against what is behind it, computed in the page from the
// styles Chromium applied (WCAG 2 contrast ratio: 4.5 for body text, 3 for large
// or bold text).

/**
 * Installs `window.__contrast` in the page:
 *   __contrast.text(el)           the ratio of el's text colour to its background
 *   __contrast.pair(fg, bg)       the ratio of two CSS colours (bg opaque)
 *   __contrast.svg(textEl, shape) an SVG/HTML label against the fill of its shape
 *   __contrast.label(el)          a diagram's text against whatever is drawn behind it
 */
export async function installContrast(page) {
    await page.evaluate(() => {
        if (window.__contrast) {
            return;
        }
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 1;
        const ctx = canvas.getContext('2d', { willReadFrequently: true });
        // Any CSS colour (rgb(), color(srgb ...), oklab, names) to [r, g, b, a].
        function rgba(css) {
            ctx.clearRect(0, 0, 1, 1);
            ctx.fillStyle = 'rgba(0, 0, 0, 0)';
            ctx.fillStyle = css;
            ctx.fillRect(0, 0, 1, 1);
            const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
            return [r, g, b, a / 255];
        }
        function over(top, bottom) {
            const a = top[3];
            return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat(1);
        }
        function luminance([r, g, b]) {
            const lin = c => {
                c /= 255;
                return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
            };
            return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
        }
        function ratio(a, b) {
            const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
            return (l1 + 0.05) / (l2 + 0.05);
        }
        // The colour behind an element: its own background and its ancestors'.
        function background(el) {
            const layers = [];
            for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
                const c = rgba(getComputedStyle(node).backgroundColor);
                if (c[3] > 0) {
                    layers.push(c);
                    if (c[3] >= 1) {
                        break;
                    }
                }
            }
            let result = [255, 255, 255, 1]; // the canvas
            for (const layer of layers.reverse()) {
                result = over(layer, result);
            }
            return result;
        }
        const hex = c => '#' + c.slice(0, 3).map(v => Math.round(v).toString(16).padStart(2, '0')).join('');
        window.__contrast = {
            text(el) {
                const bg = background(el);
                const fg = over(rgba(getComputedStyle(el).color), bg);
                return { ratio: ratio(fg, bg), fg: hex(fg), bg: hex(bg) };
            },
            pair(fgCss, bgCss) {
                const bg = over(rgba(bgCss), [255, 255, 255, 1]);
                const fg = over(rgba(fgCss), bg);
                return { ratio: ratio(fg, bg), fg: hex(fg), bg: hex(bg) };
            },
            // A line of a diagram against the page behind the diagram.
            stroke(path) {
                const bg = background(path.closest('pre') || document.body);
                const fg = over(rgba(getComputedStyle(path).stroke), bg);
                return { ratio: ratio(fg, bg), fg: hex(fg), bg: hex(bg) };
            },
            // A diagram's text (HTML in a foreignObject, or SVG text) against what is
            // behind its middle: its own HTML backgrounds up to the foreignObject, over
            // the topmost filled shape of the diagram there, over the page.
            label(el) {
                const svg = el.closest('svg');
                const box = el.getBoundingClientRect();
                const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
                const shape = document.elementsFromPoint(x, y).find(s =>
                    s instanceof SVGGeometryElement && s.closest('svg') === svg && !s.contains(el) &&
                    getComputedStyle(s).fill !== 'none' && rgba(getComputedStyle(s).fill)[3] > 0 &&
                    getComputedStyle(s).visibility !== 'hidden');
                let bg = background(svg.closest('pre') || document.body);
                if (shape) {
                    bg = over(rgba(getComputedStyle(shape).fill), bg);
                }
                const layers = [];
                for (let node = el; node && !(node instanceof SVGElement); node = node.parentElement) {
                    const c = rgba(getComputedStyle(node).backgroundColor);
                    if (c[3] > 0) {
                        layers.push(c);
                    }
                }
                for (const layer of layers.reverse()) {
                    bg = over(layer, bg);
                }
                const style = getComputedStyle(el);
                const fg = over(rgba(el instanceof SVGElement ? style.fill : style.color), bg);
                return { ratio: ratio(fg, bg), fg: hex(fg), bg: hex(bg) };
            },
            svg(label, shape) {
                const fill = getComputedStyle(shape).fill;
                const behind = background(shape.closest('pre') || document.body);
                const bg = fill && fill !== 'none' ? over(rgba(fill), behind) : behind;
                const style = getComputedStyle(label);
                const color = label instanceof SVGElement ? style.fill : style.color;
                const fg = over(rgba(color), bg);
                return { ratio: ratio(fg, bg), fg: hex(fg), bg: hex(bg) };
            },
        };
    });
}
