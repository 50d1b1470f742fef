package io.loyaltybridge.sandbox.salesforce;

import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.api.dto.bulkv2.JobStateEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.OperationEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.QueryJob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BulkQueryTest {
    static SalesforceSandbox sf;
    static CamelSalesforce camel;
    static List<String> seeded;

    @BeforeAll
    static void start() {
        sf = SalesforceSandbox.start(SandboxOptions.defaults());
        seeded = sf.seed(2_500, 0, 11);
        camel = CamelSalesforce.clientCredentials(sf).start();
    }

    @AfterAll
    static void stop() {
        camel.close();
        sf.close();
    }

    @Test
    void a_bulk_query_job_completes_and_its_csv_results_page_with_the_locator() throws Exception {
        QueryJob request = new QueryJob();
        request.setOperation(OperationEnum.QUERY);
        request.setQuery("SELECT Id, Email, Loyalty_Points__c FROM Contact ORDER BY Id");
        QueryJob job = camel.request("salesforce:bulk2CreateQueryJob", request, QueryJob.class);
        assertThat(job.getId()).startsWith("750");
        assertThat(job.getObject()).isEqualTo("Contact");

        JobStateEnum state = job.getState();
        for (int polls = 0; state != JobStateEnum.JOB_COMPLETE && polls < 5; polls++) {
            state = camel.template.requestBodyAndHeader("salesforce:bulk2GetQueryJob", null, "jobId", job.getId(),
                    QueryJob.class).getState();
        }
        assertThat(state).isEqualTo(JobStateEnum.JOB_COMPLETE);

        Set<String> ids = new HashSet<>();
        String locator = null;
        int chunks = 0;
        do {
            String from = locator;
            Exchange answer = camel.template.request("salesforce:bulk2GetQueryJobResults", e -> {
                e.getIn().setHeader("jobId", job.getId());
                e.getIn().setHeader("maxRecords", 1000);
                if (from != null) {
                    e.getIn().setHeader("locator", from);
                }
            });
            String csv = answer.getMessage().getBody(String.class);
            String[] lines = csv.split("\n");
            assertThat(lines[0]).isEqualTo("\"Id\",\"Email\",\"Loyalty_Points__c\"");
            for (int i = 1; i < lines.length; i++) {
                ids.add(lines[i].substring(1, 19));
            }
            assertThat(answer.getMessage().getHeader("Sforce-NumberOfRecords", Integer.class))
                    .isEqualTo(lines.length - 1);
            locator = answer.getMessage().getHeader("Sforce-Locator", String.class);
            chunks++;
        } while (!"null".equals(locator));
        assertThat(chunks).isEqualTo(3);
        assertThat(ids).hasSize(2_500).containsAll(seeded);
        assertThat(sf.calls().count("bulk.create")).isEqualTo(1);
    }

    @Test
    void csv_values_are_quoted_and_nulls_are_empty() throws Exception {
        String id = sf.admin().createContact(Map.of("LastName", "Say \"hi\", Bob", "Loyalty_Points__c", 120));
        QueryJob request = new QueryJob();
        request.setOperation(OperationEnum.QUERY);
        request.setQuery("SELECT Id, LastName, Email, Loyalty_Points__c FROM Contact WHERE Id = '" + id + "'");
        QueryJob job = camel.request("salesforce:bulk2CreateQueryJob", request, QueryJob.class);
        camel.template.requestBodyAndHeader("salesforce:bulk2GetQueryJob", null, "jobId", job.getId());
        camel.template.requestBodyAndHeader("salesforce:bulk2GetQueryJob", null, "jobId", job.getId());
        String csv = camel.template.requestBodyAndHeader("salesforce:bulk2GetQueryJobResults", null, "jobId",
                job.getId(), String.class);
        assertThat(csv).isEqualTo("\"Id\",\"LastName\",\"Email\",\"Loyalty_Points__c\"\n\"" + id
                + "\",\"Say \"\"hi\"\", Bob\",,\"120\"\n");
    }
}
