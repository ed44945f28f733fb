package com.instainstru.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What every page must pass, at both widths the site is designed for (360 px phones, 1280 px desktops): its
 * stylesheet applies, axe finds no serious or critical WCAG 2.1 A/AA violation, and a full-page screenshot is written to
 * {@code target/screenshots/<name>-<width>.png}.
 */
final class PageChecks {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final int[][] WIDTHS = {{360, 780}, {1280, 900}};

    private PageChecks() {
    }

    /** Checks the page as it is now, then leaves it at the desktop width. */
    static void check(Page page, String name) {
        // The stylesheet applies (the Content-Security-Policy lets this site's own file in).
        assertThat(page.evaluate("() => getComputedStyle(document.body).display")).as("the stylesheet on %s", name)
                .isEqualTo("flex");
        for (int[] size : WIDTHS) {
            page.setViewportSize(size[0], size[1]);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-" + size[0] + ".png"))
                    .setFullPage(true));
            AxeResults results = new AxeBuilder(page).withTags(WCAG).analyze();
            List<Rule> serious = results.getViolations().stream()
                    .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
            assertThat(serious).as("axe at %d px on %s (%s): %s", size[0], name, page.url(), describe(serious)).isEmpty();
        }
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(PageChecks::describe).collect(Collectors.joining("; "));
    }

    private static String describe(Rule rule) {
        String where = rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget()))
                .collect(Collectors.joining(", "));
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at " + where;
    }
}
