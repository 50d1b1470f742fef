package io.loyaltybridge.sandbox.salesforce.soql;

import io.loyaltybridge.sandbox.MutableClock;
import io.loyaltybridge.sandbox.salesforce.data.OrgData;
import io.loyaltybridge.sandbox.salesforce.data.SRecord;
import io.loyaltybridge.sandbox.salesforce.data.Schemas;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SoqlTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    OrgData org;

    @BeforeEach
    void org() {
        org = new OrgData(new Schemas(), clock, "005", events -> { });
        contact("Ann", "Lee", 100.0, "Gold", LocalDate.of(1990, 5, 1));
        clock.advance(Duration.ofHours(1));
        contact("Bob", "O'Hara", null, "Silver", null);
        clock.advance(Duration.ofHours(1));
        contact("Cy", "100% Real_Name", 5.0, null, LocalDate.of(2001, 1, 1));
    }

    void contact(String first, String last, Double points, String tier, LocalDate birth) {
        Map<String, Object> f = new HashMap<>();
        f.put("FirstName", first);
        f.put("LastName", last);
        f.put("Loyalty_Points__c", points);
        f.put("Loyalty_Tier__c", tier);
        f.put("Birthdate", birth);
        org.write("", tx -> org.writer().insert(tx, org.schemas().get("Contact"), f));
    }

    List<String> firstNames(String soql) {
        BoundQuery q = Binder.compile(org.schemas(), soql);
        return org.read(() -> Executor.run(org, q, false).stream().map(r -> (String) r.get("FirstName")).toList());
    }

    @Test
    void comparisons_and_boolean_logic_follow_soql() {
        assertThat(firstNames("SELECT Id FROM Contact WHERE Loyalty_Points__c > 4 AND NOT Loyalty_Tier__c = 'gold'"))
                .containsExactly("Cy");
        assertThat(firstNames("select id from contact where (loyalty_tier__c = null or birthdate < 1995-01-01) "
                + "and firstname != 'Bob'")).containsExactly("Ann", "Cy");
        assertThat(firstNames("SELECT Id FROM Contact WHERE Loyalty_Tier__c != 'Gold'")).containsExactly("Bob", "Cy");
        assertThat(firstNames("SELECT Id FROM Contact WHERE FirstName IN ('ann', 'Cy') AND FirstName NOT IN ('Cy')"))
                .containsExactly("Ann");
        assertThat(firstNames("SELECT Id FROM Contact WHERE SystemModstamp >= 2026-01-01T01:00:00.000+0000"))
                .containsExactly("Bob", "Cy");
        assertThat(firstNames("SELECT Id FROM Contact WHERE CreatedDate < 2026-01-01T01:00:00Z")).containsExactly("Ann");
    }

    @Test
    void order_by_handles_direction_and_nulls_and_limit_cuts() {
        assertThat(firstNames("SELECT Id FROM Contact ORDER BY Loyalty_Points__c")).containsExactly("Bob", "Cy", "Ann");
        assertThat(firstNames("SELECT Id FROM Contact ORDER BY Loyalty_Points__c DESC")).containsExactly("Ann", "Cy",
                "Bob");
        assertThat(firstNames("SELECT Id FROM Contact ORDER BY Loyalty_Points__c ASC NULLS LAST LIMIT 2"))
                .containsExactly("Cy", "Ann");
    }

    @Test
    void like_wildcards_can_be_escaped() {
        assertThat(firstNames("SELECT Id FROM Contact WHERE LastName LIKE 'o%'")).containsExactly("Bob");
        assertThat(firstNames("SELECT Id FROM Contact WHERE LastName LIKE '100\\% Real\\_Name'")).containsExactly("Cy");
        assertThat(firstNames("SELECT Id FROM Contact WHERE LastName LIKE '1_0%'")).containsExactly("Cy");
    }

    @Test
    void string_literals_are_data_even_when_they_look_like_soql() {
        assertThat(firstNames("SELECT Id FROM Contact WHERE LastName = 'O\\'Hara'")).containsExactly("Bob");
        assertThat(firstNames("SELECT Id FROM Contact WHERE LastName = '\\' OR LastName != \\''")).isEmpty();
        // SOQL has no doubled-quote escape: the classic SQL injection is a syntax error, not a wider filter
        assertThatThrownBy(() -> firstNames("SELECT Id FROM Contact WHERE LastName = 'x'' OR ''1''=''1'"))
                .extracting(e -> ((SoqlException) e).errorCode()).isEqualTo("MALFORMED_QUERY");
    }

    @Test
    void bad_queries_fail_with_salesforce_error_codes() {
        assertThatThrownBy(() -> firstNames("SELECT Id FROM Contact WHERE LastName = 'open")).isInstanceOf(
                SoqlException.class).extracting(e -> ((SoqlException) e).errorCode()).isEqualTo("MALFORMED_QUERY");
        assertThatThrownBy(() -> firstNames("SELECT Id FROM Contact WHERE")).extracting(e -> ((SoqlException) e)
                .errorCode()).isEqualTo("MALFORMED_QUERY");
        assertThatThrownBy(() -> firstNames("SELECT Id FROM Contact LIMIT -1")).extracting(e -> ((SoqlException) e)
                .errorCode()).isEqualTo("MALFORMED_QUERY");
        assertThatThrownBy(() -> firstNames("SELECT Id FROM Lead")).extracting(e -> ((SoqlException) e).errorCode())
                .isEqualTo("INVALID_TYPE");
        assertThatThrownBy(() -> firstNames("SELECT Id FROM Contact WHERE Loyalty_Points__c = '5'"))
                .extracting(e -> ((SoqlException) e).errorCode()).isEqualTo("INVALID_FIELD");
        assertThatThrownBy(() -> firstNames("SELECT Id FROM Contact WHERE Id = 'abc'"))
                .extracting(e -> ((SoqlException) e).errorCode()).isEqualTo("INVALID_QUERY_FILTER_OPERATOR");
        assertThatThrownBy(() -> firstNames("SELECT Owner.Name FROM Contact")).hasMessageContaining(
                "Didn't understand relationship 'Owner'");
    }

    @Test
    void ids_match_in_their_15_and_18_character_forms() {
        String id = org.read(() -> org.records(org.schemas().get("Contact")).get(1).id());
        assertThat(firstNames("SELECT Id FROM Contact WHERE Id = '" + id.substring(0, 15) + "'")).containsExactly("Bob");
        assertThat(firstNames("SELECT Id FROM Contact WHERE Id > '" + id + "'")).containsExactly("Cy");
        SRecord r = org.find(id);
        assertThat(r.get("FirstName")).isEqualTo("Bob");
    }
}
