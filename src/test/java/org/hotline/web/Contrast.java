package org.hotline.web;

import java.util.List;
import java.util.Map;

import org.openqa.selenium.WebDriver;

/**
 * WCAG 2 contrast computed in the page from the rendered colours: every visible text against the
 * background it is drawn on (backgrounds and opacity composited up the tree), and the chart lines,
 * legend markers and bars against their panel.
 */
final class Contrast {

    private static final String SCRIPT = """
            const parse = c => { const m = String(c).match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
              const p = m[1].split(',').map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
            const hex = h => { const v = h.trim().replace('#', ''); return { r: parseInt(v.slice(0, 2), 16), g: parseInt(v.slice(2, 4), 16), b: parseInt(v.slice(4, 6), 16), a: 1 }; };
            const over = (top, under) => ({ r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a),
              b: top.b * top.a + under.b * (1 - top.a), a: 1 });
            const background = el => { const chain = []; for (let e = el; e; e = e.parentElement) chain.unshift(e);
              let c = { r: 255, g: 255, b: 255, a: 1 };
              for (const e of chain) { const b = parse(getComputedStyle(e).backgroundColor); if (b && b.a > 0) c = over(b, c); }
              return c; };
            const opacity = el => { let o = 1; for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity); return o; };
            const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
              return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
            const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
            const shown = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
              return r.width > 2 && r.height > 2 && s.visibility !== 'hidden' && el.getClientRects().length > 0 && !el.closest('[hidden]'); };
            const failures = [];
            let texts = 0;
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const el = n.parentElement;
              if (!n.textContent.trim() || !el || !shown(el) || el.closest('script, style, noscript')) continue;
              texts++;
              const bg = background(el);
              const fg = parse(getComputedStyle(el).color);
              const drawn = over({ ...fg, a: fg.a * opacity(el) }, bg);
              const r = ratio(drawn, bg);
              if (r < 4.5) failures.push(`text ${r.toFixed(2)}:1 '${n.textContent.trim().slice(0, 40)}' (${getComputedStyle(el).color} on rgb(${bg.r|0},${bg.g|0},${bg.b|0}))`);
            }
            let graphics = 0;
            const graphic = (what, colour, el) => { graphics++; const bg = background(el); const r = ratio(colour, bg);
              if (r < 3) failures.push(`${what} ${r.toFixed(2)}:1 (rgb(${colour.r},${colour.g},${colour.b}) on rgb(${bg.r|0},${bg.g|0},${bg.b|0}))`); };
            for (const fig of document.querySelectorAll('figure.chart')) {
              if (!shown(fig)) continue;
              const css = name => hex(getComputedStyle(document.body).getPropertyValue(name));
              for (const name of ['--series-1', '--series-2', '--series-3', '--series-4', '--series-tension']) graphic(`chart line ${name}`, css(name), fig);
              const axis = css('--chart-axis'); const r = ratio(axis, background(fig)); graphics++;
              if (r < 4.5) failures.push(`chart axis labels ${r.toFixed(2)}:1`);
            }
            for (const marker of document.querySelectorAll('.u-legend .u-marker')) {
              if (shown(marker)) graphic('legend marker', parse(getComputedStyle(marker).borderColor), marker.parentElement);
            }
            for (const fill of document.querySelectorAll('.bar > span')) {
              if (!shown(fill)) continue;
              const stops = (getComputedStyle(fill).backgroundImage.match(/rgba?\\([^)]+\\)/g) || []).map(parse);
              if (!stops.length) stops.push(parse(getComputedStyle(fill).backgroundColor));
              for (const stop of stops) graphic('bar', stop, fill.parentElement);
            }
            return { texts, graphics, failures };
            """;

    record Result(long texts, long graphics, List<String> failures) {
    }

    @SuppressWarnings("unchecked")
    static Result of(WebDriver driver) {
        Map<String, Object> r = (Map<String, Object>) Browsers.js(driver, SCRIPT);
        return new Result(((Number) r.get("texts")).longValue(), ((Number) r.get("graphics")).longValue(),
                (List<String>) r.get("failures"));
    }

    private Contrast() {
    }
}
