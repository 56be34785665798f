package org.ewn.deploy.console;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;

/**
 * Debian's headless Chromium driven through its own chromedriver, so that nothing is downloaded: one per test class.
 * Screenshots of the steps go to {@code target/screenshots/}. On a machine without the two, the browser tests are
 * skipped with a message, so that {@code mvn verify} needs only a JDK and Maven; CI installs them and sets
 * {@code EWN_BROWSER_TESTS=required}, so there a missing browser fails the build instead of skipping it.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Skips the calling test class unless Chromium and chromedriver are installed, or fails where they must be. */
    static void requireInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "the browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                + CHROMEDRIVER + "); install them with apt-get, as .ci/run does";
        if (!installed && "required".equals(System.getenv("EWN_BROWSER_TESTS"))) {
            throw new IllegalStateException(missing);
        }
        Assumptions.assumeTrue(installed, missing);
    }

    final ChromeDriver driver;
    private final String base;
    private final Path profile;

    Browser(int port) {
        requireInstalled();
        System.setProperty("SE_OFFLINE", "true");
        try {
            profile = Files.createTempDirectory("ewn-chromium-");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--window-size=1366,768", "--lang=en-GB", "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        base = "http://localhost:" + port + "/";
    }

    void open(String fragment) {
        driver.get(base + fragment);
    }

    /** Signs in on the console's form, signing out first if someone is signed in. */
    void signIn(String username, String password) {
        open("");
        WebElement signOut = driver.findElement(By.id("sign-out"));
        waitUntil(d -> d.findElement(By.id("sign-in")).isDisplayed() || signOut.isDisplayed());
        if (signOut.isDisplayed()) {
            signOut.click();
            waitFor(By.id("username"));
        }
        type(By.id("username"), username);
        type(By.id("password"), password);
        driver.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        waitUntil(d -> d.findElement(By.id("connection")).getAttribute("class").contains("online"));
    }

    void type(By field, String text) {
        WebElement element = waitFor(field);
        element.clear();
        element.sendKeys(text);
    }

    WebElement waitFor(By locator) {
        return waitUntil(d -> ExpectedConditions.visibilityOfElementLocated(locator).apply(d));
    }

    <T> T waitUntil(Function<ChromeDriver, T> condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                    .until(d -> condition.apply(driver));
        } catch (TimeoutException e) {
            screenshot("failed-" + System.currentTimeMillis());
            throw new TimeoutException(e.getMessage() + "\nbrowser console:\n" + console(), e);
        }
    }

    /** What the page logged, for a failure's message. */
    String console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString)
                     .collect(Collectors.joining("\n"));
    }

    /** The list item of the alert with this title, once it is there. */
    WebElement alertItem(String title) {
        return waitFor(By.xpath("//ul[@id='alert-list']/li[.//span[@class='title' and text()="
                + xpathLiteral(title) + "]]"));
    }

    boolean listShows(String title) {
        return !driver.findElements(By.xpath("//ul[@id='alert-list']/li[.//span[@class='title' and text()="
                + xpathLiteral(title) + "]]")).isEmpty();
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    Object asyncScript(String script, Object... arguments) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
    }

    void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temporary profile left behind harms nothing
        }
    }
}
