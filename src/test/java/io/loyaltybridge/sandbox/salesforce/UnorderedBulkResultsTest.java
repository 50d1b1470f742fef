package io.loyaltybridge.sandbox.salesforce;

import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.api.dto.bulkv2.OperationEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.QueryJob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk API 2.0 promises no row order without ORDER BY (PK chunks run in parallel), and the sandbox keeps that
 * promise literally: such results come shuffled, so a client relying on Id order fails here, not only on a big org.
 */
class UnorderedBulkResultsTest {
    static SalesforceSandbox sf;
    static CamelSalesforce camel;
    static List<String> seeded;

    @BeforeAll
    static void start() {
        sf = SalesforceSandbox.start(SandboxOptions.defaults());
        seeded = sf.seed(300, 0, 5);
        camel = CamelSalesforce.clientCredentials(sf).start();
    }

    @AfterAll
    static void stop() {
        camel.close();
        sf.close();
    }

    @Test
    void a_bulk_query_without_order_by_answers_every_row_but_neither_in_id_nor_in_creation_order() throws Exception {
        List<String> unordered = ids("SELECT Id FROM Contact");
        List<String> byId = ids("SELECT Id FROM Contact ORDER BY Id");

        assertThat(unordered).containsExactlyInAnyOrderElementsOf(seeded);
        assertThat(unordered).isNotEqualTo(byId).isNotEqualTo(seeded);
    }

    /** The ids a query job answers, page after page (100 rows a page), in the order the pages list them. */
    private static List<String> ids(String soql) throws Exception {
        QueryJob request = new QueryJob();
        request.setOperation(OperationEnum.QUERY);
        request.setQuery(soql);
        QueryJob job = camel.request("salesforce:bulk2CreateQueryJob", request, QueryJob.class);
        camel.template.requestBodyAndHeader("salesforce:bulk2GetQueryJob", null, "jobId", job.getId());
        camel.template.requestBodyAndHeader("salesforce:bulk2GetQueryJob", null, "jobId", job.getId());
        List<String> ids = new ArrayList<>();
        String locator = null;
        do {
            String from = locator;
            Exchange answer = camel.template.request("salesforce:bulk2GetQueryJobResults", e -> {
                e.getIn().setHeader("jobId", job.getId());
                e.getIn().setHeader("maxRecords", 100);
                if (from != null) {
                    e.getIn().setHeader("locator", from);
                }
            });
            String[] lines = answer.getMessage().getBody(String.class).split("\n");
            for (int i = 1; i < lines.length; i++) {
                ids.add(lines[i].replace("\"", ""));
            }
            locator = answer.getMessage().getHeader("Sforce-Locator", String.class);
        } while (!"null".equals(locator));
        return ids;
    }
}
