package io.loyaltybridge.web;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages, driven by Selenium. Nothing
 * is downloaded: both paths are given, so Selenium Manager never runs. Without the packages the test is skipped
 * with a message saying how to get them ({@code .ci/run} installs them, so CI always runs it).
 */
final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "browser test skipped: /usr/bin/chromium and /usr/bin/chromedriver are missing"
                        + " (apt-get install -y chromium chromium-driver; .ci/run installs them)");
    }

    static Browser start() throws IOException {
        Path profile = Files.createTempDirectory("loyaltybridge-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=en-US",
                "--user-data-dir=" + profile, "--window-size=1280,800");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until the script returns true (polling; nothing sleeps for a fixed time). */
    void waitFor(String what, String script, Object... args) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(what)
                .until(d -> Boolean.TRUE.equals(js(script, args)));
    }

    /**
     * Screenshots of the viewport at {@code width} x {@code height} and of the whole page at that width, under
     * target/screenshots/.
     */
    void screenshots(String name, int width, int height) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "screenshots"));
            resizeViewport(width, height);
            js("document.activeElement.blur(); window.scrollTo(0, 0);");
            Files.write(folder.resolve(name + "-" + width + "x" + height + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            long full = (Long) js("return document.documentElement.scrollHeight;");
            resizeViewport(width, (int) full);
            Files.write(folder.resolve(name + "-" + width + "-full.png"), driver.getScreenshotAs(OutputType.BYTES));
            resizeViewport(width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the window so that the page itself (the viewport) gets the size asked for. */
    void resizeViewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        long innerWidth = (Long) js("return window.innerWidth;");
        long innerHeight = (Long) js("return window.innerHeight;");
        driver.manage().window().setSize(new Dimension(2 * width - (int) innerWidth, 2 * height - (int) innerHeight));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }
    }
}
