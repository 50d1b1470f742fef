package io.loyaltybridge.web;

import io.loyaltybridge.app.Application;
import io.loyaltybridge.support.Http;
import io.loyaltybridge.support.TestApp;
import io.loyaltybridge.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The page and its assets over HTTP from the running app: right types, no token needed, nothing outside web/. */
class StatusPageServingTest {
    private static Application app;
    private static Http http;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestPostgres.freshDatabase());
        http = new Http(app.baseUrl(), null);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void the_page_is_served_at_the_root_as_html_without_a_token() {
        Http.Response page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(page.text()).contains("<script src=\"assets/app.js\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'"));
    }

    @Test
    void styles_scripts_and_the_chart_library_come_from_the_jar_with_their_types() {
        assertThat(http.get("/assets/app.css").contentType()).isEqualTo("text/css; charset=utf-8");
        Http.Response script = http.get("/assets/app.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).isEqualTo("text/javascript; charset=utf-8");
        Http.Response chart = http.get("/assets/vendor/chart.umd.min.js");
        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.contentType()).isEqualTo("text/javascript; charset=utf-8");
        assertThat(chart.text()).contains("Chart.js v4");
    }

    @Test
    void unknown_files_and_paths_climbing_out_of_the_page_folder_are_not_found() {
        for (String path : new String[] {"/assets/nothing.js", "/assets/../logback.xml", "/assets/%2e%2e/logback.xml",
                "/assets/..%2flogback.xml", "/assets/%2e%2e%2f%2e%2e%2fdb/migration/V1__ledger.sql",
                "/assets/.hidden.js", "/assets/vendor/../../logback.xml", "/assets/a%5c..%5clogback.xml",
                "/logback.xml", "/assets/x.class"}) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).GET().build();
            Http.Response r = http.send(request);
            assertThat(r.status()).as(path).isIn(400, 404);
            assertThat(r.text()).as(path).doesNotContain("<configuration").doesNotContain("CREATE TABLE");
        }
    }

    @Test
    void the_resolver_refuses_every_name_that_is_not_plain() {
        WebPaths paths = new WebPaths(java.util.Map.of("lib.js", "META-INF/lib.js"));
        assertThat(paths.resolve("/assets/app.js")).hasValue(new WebPaths.Resource("web/assets/app.js",
                "text/javascript; charset=utf-8"));
        assertThat(paths.resolve("/assets/vendor/lib.js")).map(WebPaths.Resource::classpath).hasValue("META-INF/lib.js");
        assertThat(paths.resolve("/assets/vendor/other.js")).isEmpty();
        for (String bad : new String[] {"/assets/../x.js", "/assets/a/../../x.js", "/assets/..\\x.js",
                "/assets/%2e%2e/x.js", "/assets//x.js", "/assets/.x.js", "/assets/x.exe", "/other.js"}) {
            assertThat(paths.resolve(bad)).as(bad).isEmpty();
        }
    }
}
