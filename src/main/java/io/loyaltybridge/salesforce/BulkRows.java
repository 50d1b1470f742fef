package io.loyaltybridge.salesforce;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a finished Bulk API 2.0 query job, one at a time: a page is fetched when the previous one is used
 * up, following {@code Sforce-Locator} until it says "null". Only the current row is in memory.
 */
final class BulkRows implements AutoCloseable {
    private final SalesforceApi api;
    private final String jobId;
    private final int pageSize;
    private String nextLocator;
    private boolean lastPage;
    private BufferedReader page;
    private CsvReader csv;
    private List<String> header;
    private Map<String, String> current;

    private final long total;

    BulkRows(SalesforceApi api, String jobId, int pageSize, long total) {
        this.total = total;
        this.api = api;
        this.jobId = jobId;
        this.pageSize = pageSize;
    }

    /** Rows the job found, as the finished job reports them (for progress). */
    long total() {
        return total;
    }

    /** The current row without consuming it; null at the end. */
    Map<String, String> peek() {
        if (current == null) {
            current = read();
        }
        return current;
    }

    Map<String, String> next() {
        Map<String, String> row = peek();
        current = null;
        return row;
    }

    private Map<String, String> read() {
        while (true) {
            if (csv == null && !openNextPage()) {
                return null;
            }
            List<String> values = csv.next();
            if (values == null) {
                closePage();
                continue;
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size() && i < values.size(); i++) {
                row.put(header.get(i), values.get(i));
            }
            return row;
        }
    }

    private boolean openNextPage() {
        if (lastPage) {
            return false;
        }
        SalesforceApi.ResultPage result = api.results(jobId, nextLocator, pageSize);
        nextLocator = result.nextLocator();
        lastPage = nextLocator == null || nextLocator.isEmpty() || "null".equals(nextLocator);
        page = new BufferedReader(new InputStreamReader(result.csv(), StandardCharsets.UTF_8));
        csv = new CsvReader(page);
        header = csv.next();
        if (header == null) {
            closePage();
            return openNextPage();
        }
        return true;
    }

    private void closePage() {
        try {
            if (page != null) {
                page.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            page = null;
            csv = null;
        }
    }

    @Override
    public void close() {
        closePage();
    }
}
