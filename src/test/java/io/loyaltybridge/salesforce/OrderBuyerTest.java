package io.loyaltybridge.salesforce;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which contact an order's points go to, by the configured order of preference (loyalty.salesforce.order.buyer). */
class OrderBuyerTest {
    private static final Map<String, String> BILL_TO_AND_PERSON = Map.of("Id", "801000000000001AAA",
            "BillToContactId", "003000000000001AAA", "Account.IsPersonAccount", "true",
            "Account.PersonContactId", "003000000000002AAA", "TotalAmount", "10", "EffectiveDate", "2026-06-01",
            "Status", "Activated");

    @Test
    void the_bill_to_contact_comes_first_by_default_and_the_person_account_when_it_is_preferred() {
        assertThat(buyer(Map.of(), List.of(OrderMapping.Buyer.CONTACT_FIELD, OrderMapping.Buyer.PERSON_ACCOUNT)))
                .isEqualTo("003000000000001AAA");
        assertThat(buyer(Map.of(), List.of(OrderMapping.Buyer.PERSON_ACCOUNT, OrderMapping.Buyer.CONTACT_FIELD)))
                .isEqualTo("003000000000002AAA");
        assertThat(buyer(Map.of("BillToContactId", ""), List.of(OrderMapping.Buyer.CONTACT_FIELD,
                OrderMapping.Buyer.PERSON_ACCOUNT))).isEqualTo("003000000000002AAA");
        assertThat(buyer(Map.of("BillToContactId", "", "Account.IsPersonAccount", "false"),
                List.of(OrderMapping.Buyer.CONTACT_FIELD, OrderMapping.Buyer.PERSON_ACCOUNT))).isNull();
        assertThat(buyer(Map.of(), List.of(OrderMapping.Buyer.CONTACT_FIELD))).isEqualTo("003000000000001AAA");
    }

    private static String buyer(Map<String, String> changes, List<OrderMapping.Buyer> preference) {
        PersonAccounts persons = new PersonAccounts(null);
        persons.learn(true);
        OrderRecords orders = new OrderRecords(new OrderMapping("BillToContactId", "TotalAmount", "EffectiveDate",
                "Status", Set.of("Activated"), null, "EUR", null, preference), persons);
        Map<String, String> row = new java.util.HashMap<>(BILL_TO_AND_PERSON);
        row.putAll(changes);
        return orders.map(Row.of(row), List.of()).contactExternalId();
    }
}
