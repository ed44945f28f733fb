package com.instainstru.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.WaitUntilState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The home page's first visit, measured in headless Chromium for deploy/bench/web-bench.sh (not part of
 * the suite: its name does not end in Test; the benchmark runs it with -Dtest=FirstPaintProbe and
 * -Dweb.bench.url=<gateway>). Each visit is a fresh browser context (empty cache): every byte
 * transferred (headers and compressed bodies of the page, its stylesheet, script and icon) and the
 * first contentful paint (after two uncounted visits that start the browser's own processes) from the browser's own Paint Timing. Prints "probe: ..." lines and holds the
 * floors: at most 60 KB, first contentful paint at most 300 ms (median of 5 visits).
 */
class FirstPaintProbe {

    private static final int VISITS = 5;
    private static final int WARM_UP_VISITS = 2;

    @Test
    void theHomePagesFirstVisit() {
        String base = System.getProperty("web.bench.url");
        assertThat(base).as("-Dweb.bench.url (the gateway to measure)").isNotBlank();
        try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.launch(playwright)) {
            List<Double> paints = new ArrayList<>();
            Map<String, List<Double>> phases = new LinkedHashMap<>();
            Map<String, Long> bytes = new LinkedHashMap<>();
            // The browser's own first start (its renderer and GPU processes) is not the page's: two visits
            // in fresh contexts go first and are not counted.
            for (int visit = -WARM_UP_VISITS; visit < VISITS; visit++) {
                try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
                    Page page = context.newPage();
                    Map<String, Long> sizes = new LinkedHashMap<>();
                    List<Request> requests = new ArrayList<>();
                    page.onRequestFinished(requests::add);
                    page.navigate(base + "/", new Page.NavigateOptions().setWaitUntil(WaitUntilState.LOAD));
                    page.waitForLoadState();
                    page.waitForTimeout(300); // the icon may finish after the load event
                    List.copyOf(requests).forEach(request -> sizes.merge(kind(request), transferred(request), Long::sum));
                    Object fcp = page.evaluate("() => new Promise(resolve => {"
                            + " new PerformanceObserver(list => resolve(list.getEntriesByName('first-contentful-paint')"
                            + "   .map(e => e.startTime)[0] ?? null)).observe({type: 'paint', buffered: true});"
                            + " setTimeout(() => resolve(null), 5000); })");
                    assertThat(fcp).as("first contentful paint of visit %d", visit + 1).isNotNull();
                    if (visit < 0) {
                        continue;
                    }
                    paints.add(((Number) fcp).doubleValue());
                    phases(page).forEach((phase, ms) -> phases.computeIfAbsent(phase, k -> new ArrayList<>()).add(ms));
                    if (visit == 0) {
                        bytes.putAll(sizes);
                    }
                }
            }
            long total = bytes.values().stream().mapToLong(Long::longValue).sum();
            double median = median(paints);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "probe: fcp_median_ms=%.0f total_kb=%.1f",
                    median, total / 1024.0));
            bytes.forEach((kind, n) -> line.append(String.format(Locale.ROOT, " %s_kb=%.1f", kind, n / 1024.0)));
            line.append(" visits_ms=").append(paints.stream().map(p -> String.format(Locale.ROOT, "%.0f", p)).toList());
            System.out.println(line);
            // Where the paint's time goes (medians, ms from the navigation's start): the page's first and last byte,
            // each subresource's last byte, the parsed document, and DOMContentLoaded.
            StringBuilder where = new StringBuilder("probe: until");
            phases.forEach((phase, ms) -> where.append(String.format(Locale.ROOT, " %s_ms=%.0f", phase, median(ms))));
            System.out.println(where);
            assertThat(total).as("bytes of the home page's first visit").isLessThanOrEqualTo(60 * 1024);
            assertThat(median).as("first contentful paint (ms)").isLessThanOrEqualTo(300);
        }
    }

    /** The navigation's and the subresources' timings of this visit (ms from the navigation's start). */
    @SuppressWarnings("unchecked")
    private static Map<String, Double> phases(Page page) {
        Object timings = page.evaluate("() => { const n = performance.getEntriesByType('navigation')[0]; const t = {"
                + " html_first_byte: n.responseStart, html_last_byte: n.responseEnd, dom_interactive: n.domInteractive,"
                + " dom_content_loaded: n.domContentLoadedEventEnd };"
                + " for (const r of performance.getEntriesByType('resource')) {"
                + "   const kind = r.name.endsWith('.css') ? 'css' : r.name.endsWith('.js') ? 'js' : null;"
                + "   if (kind) { t[kind + '_last_byte'] = r.responseEnd; } }"
                + " return t; }");
        Map<String, Double> phases = new LinkedHashMap<>();
        ((Map<String, Object>) timings).forEach((phase, ms) -> phases.put(phase, ((Number) ms).doubleValue()));
        return phases;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String kind(Request request) {
        String url = request.url();
        return url.endsWith(".js") ? "js" : url.contains(".css") ? "css" : url.contains(".svg") ? "icon" : "html";
    }

    /** What crossed the wire for one request: its response's headers and (encoded) body. */
    private static long transferred(Request request) {
        var sizes = request.sizes();
        return Math.max(0, sizes.responseHeadersSize) + Math.max(0, sizes.responseBodySize);
    }
}
