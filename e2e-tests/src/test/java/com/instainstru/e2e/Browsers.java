package com.instainstru.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Headless Chromium driven by Playwright for Java: Debian's /usr/bin/chromium (deploy/local/test.sh installs
 * it), never a browser Playwright would download (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD; the driver itself comes
 * from Playwright's Maven jars). One browser for the whole run; each test opens its own contexts (separate
 * cookies, as separate browsers). A missing browser fails the tests: it is not a reason to skip them.
 */
final class Browsers implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    static final Path CHROMIUM = Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
    private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-dev-shm-usage");
    private static final Browsers SHARED = new Browsers();

    private Playwright playwright;
    private Browser browser;

    private Browsers() {
    }

    static Browsers shared() {
        return SHARED;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (browser != null) {
            return;
        }
        playwright = playwright();
        browser = launch(playwright);
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(Browsers.class.getName(), this);
    }

    /** Playwright's driver, from its Maven jars (unpacked under target/), told never to download a browser. */
    static Playwright playwright() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: the browser tests need Debian's chromium "
                    + "(deploy/local/test.sh installs it; apt-get install chromium)");
        }
        System.setProperty("playwright.driver.tmpdir", Path.of("target").toAbsolutePath().toString());
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /** Debian's Chromium, headless. */
    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(ARGS));
    }

    /** A new browser session (its own cookies) at the desktop width; pages switch widths for screenshots. */
    BrowserContext newContext(boolean javaScript) {
        return browser.newContext(new Browser.NewContextOptions().setBaseURL(Platform.shared().gatewayUrl())
                .setViewportSize(1280, 900).setJavaScriptEnabled(javaScript).setAcceptDownloads(true)
                .setLocale("en-US").setTimezoneId("America/New_York"));
    }

    BrowserContext newContext() {
        return newContext(true);
    }

    Browser browser() {
        return browser;
    }

    @Override
    public synchronized void close() {
        if (browser != null) {
            browser.close();
            playwright.close();
            browser = null;
        }
    }
}
