package org.mpjhpc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live monitor of real runs, seen in a real browser (Debian's Chromium through
 * Selenium): the numbers move while the job runs, the worker table ends equal to the
 * report, the chart and the density picture are drawn; a Prometheus scrape is parsed by the
 * official Python client's parser. Screenshots go to target/monitor/.
 */
class MonitorIT {
    private static final Path SHOTS = Mpjrun.ROOT.resolve("target/monitor");
    private final HttpClient http = HttpClient.newHttpClient();
    private WebDriver browser;

    @TempDir
    Path dir;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void farmPageShowsTheWorkersLiveAndEndsEqualToTheReport() throws Exception {
        Path config = Files.writeString(dir.resolve("farm.yaml"), String.join("\n",
                "job: farm", "name: monitor-farm", "farm:", "  workers: [2, 2]",
                "  requests:", "    - times: 140", "      task: {type: sleep, ms: 80}",
                "    - times: 2", "      task: {type: shell, command: 'exit 3'}", ""));
        Path out = dir.resolve("out");
        Mpjrun.Background job = Mpjrun.start(dir, Map.of(), config.toString(), "--out", out.toString(), "--monitor",
                "0");
        String url = monitorUrl(out, job);
        openBrowser();
        browser.get(url + "/");
        long first = waitFor(d -> number(d, "finished"), n -> n > 0, "a first finished task");
        long later = waitFor(d -> number(d, "finished"), n -> n > first, "the finished count to move past " + first);
        assertTrue(later > first);
        assertMetricsParse(url, List.of("mpjhpc_farm_tasks_completed", "mpjhpc_farm_queue_tasks",
                "mpjhpc_farm_worker_capacity", "mpjhpc_job_running"));
        assertEquals(2, browser.findElements(By.cssSelector("#workers tbody tr")).size(), "one row per worker");
        waitFor(d -> Long.parseLong(d.findElement(By.id("chart-a")).getAttribute("data-points")), n -> n >= 3,
                "the tasks-per-second chart to get three points");
        shot("farm.png");
        assertEquals(0, job.exit(), job.all());
        waitFor(d -> d.findElement(By.tagName("body")).getAttribute("data-status"), "done"::equals,
                "the page to show the final state");
        JsonNode report = new Mpjrun.Result(0, "", "").report(out.resolve("report.json"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#workers tbody tr"));
        for (int w = 0; w < 2; w++) {
            List<WebElement> cells = rows.get(w).findElements(By.tagName("td"));
            JsonNode r = report.get("workers").get(w);
            assertEquals(r.get("completed").asText(), cells.get(5).getText(), "worker " + w + " completed");
            assertEquals(r.get("failed").asText(), cells.get(6).getText(), "worker " + w + " failed");
        }
        assertEquals("142", text("finished").replace(",", ""), "every task finished, failures included");
    }

    @Test
    void solverPageShowsStepsAndTheDensityAndTheResultIsUnchanged() throws Exception {
        String[] job = {"configs/fv/kelvin_helmholtz.yaml", "--set", "fv.nx=128", "--set", "fv.ny=128", "--set",
            "fv.t_end=0.8"};
        Path out = dir.resolve("fv");
        Mpjrun.Background run = Mpjrun.start(dir, Map.of(), concat(job, "--out", out.toString(), "--monitor", "0"));
        String url = monitorUrl(out, run);
        openBrowser();
        browser.get(url + "/");
        long first = waitFor(d -> number(d, "step"), n -> n > 0, "a first step");
        waitFor(d -> number(d, "step"), n -> n > first, "the step to move past " + first);
        waitFor(d -> ((Number) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return document.getElementById('density').naturalWidth")).longValue(), n -> n > 0,
                "the density picture");
        assertTrue(browser.findElements(By.cssSelector("#totals tbody tr")).size() == 4, "four conserved totals");
        assertMetricsParse(url, List.of("mpjhpc_fv_steps", "mpjhpc_fv_cell_updates", "mpjhpc_fv_conserved_total"));
        shot("fv.png");
        assertEquals(0, run.exit(), run.all());
        Mpjrun.Result plain = Mpjrun.run(concat(job, "--out", dir.resolve("plain").toString()));
        assertEquals(0, plain.exit(), plain.all());
        assertEquals(plain.report(dir.resolve("plain/summary.json")).get("checksum").asText(),
                plain.report(out.resolve("summary.json")).get("checksum").asText(),
                "the field with the monitor on, bit for bit as without it");
    }

    @Test
    void aMonitorOffLoopbackWithoutATokenIsRefusedBeforeTheRun() throws Exception {
        Mpjrun.Result r = Mpjrun.run("configs/quickstart.yaml", "--out", dir.resolve("q").toString(), "--monitor",
                "--set", "monitor.bind=0.0.0.0");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.stderr().contains("needs a bearer token"), r.all());
        assertTrue(!r.all().contains("Exception"), r.all());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** The URL from monitor.json, which the job writes once its monitor listens. */
    private static String monitorUrl(Path out, Mpjrun.Background job) throws Exception {
        Path file = out.resolve("monitor.json");
        for (int i = 0; i < 600 && !Files.exists(file); i++) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(file), "no monitor.json after 30 s:\n" + job.all());
        return Files.readString(file).replaceAll("(?s).*\"url\": \"([^\"]+)\".*", "$1");
    }

    /** Scrapes /metrics and has Prometheus's own Python parser read it; the families must be there. */
    private void assertMetricsParse(String url, List<String> families) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), r.headers().toString());
        Path scrape = Files.writeString(dir.resolve("metrics.txt"), r.body());
        Needs.need(new ProcessBuilder("/usr/bin/python3", "-c", "import prometheus_client").start().waitFor() == 0,
                "python3-prometheus-client (the official parser of the text format)");
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", String.join("\n",
                "import sys", "from prometheus_client.parser import text_string_to_metric_families as parse",
                "for f in parse(open(sys.argv[1]).read()):", "    print(f.name, f.type, len(f.samples))"),
                scrape.toString()).redirectErrorStream(true).start();
        String parsed = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "the parser refused the scrape:\n" + parsed + "\n" + r.body());
        for (String f : families) {
            assertTrue(parsed.lines().anyMatch(l -> l.startsWith(f + " ")), f + " missing from:\n" + parsed);
        }
    }

    private void openBrowser() {
        Needs.need(new File("/usr/bin/chromium").canExecute() && new File("/usr/bin/chromedriver").canExecute(),
                "chromium and chromium-driver (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
    }

    private <T> T waitFor(Function<WebDriver, T> read, java.util.function.Predicate<T> ok, String what) {
        @SuppressWarnings("unchecked")
        T[] last = (T[]) new Object[1];
        try {
            new WebDriverWait(browser, Duration.ofSeconds(40)).pollingEvery(Duration.ofMillis(100)).until(d -> {
                try {
                    last[0] = read.apply(d);
                    return ok.test(last[0]);
                } catch (RuntimeException e) {
                    return false; // not drawn yet
                }
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("waited 40 s for " + what + "; last saw " + last[0]);
        }
        return last[0];
    }

    private long number(WebDriver d, String card) {
        return Long.parseLong(text(card).replace(",", ""));
    }

    private String text(String card) {
        return browser.findElement(By.cssSelector("b[data-name='" + card + "']")).getText();
    }

    private void shot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
