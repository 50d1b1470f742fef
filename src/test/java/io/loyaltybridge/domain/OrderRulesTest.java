package io.loyaltybridge.domain;

import io.loyaltybridge.domain.member.Email;
import io.loyaltybridge.domain.order.CurrencyCode;
import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.order.OrderAcceptance;
import io.loyaltybridge.domain.order.OrderLine;
import io.loyaltybridge.domain.order.OrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderRulesTest {
    @ParameterizedTest
    @ValueSource(strings = {"EUR", "USD", "JPY", "CHF"})
    void real_currencies_are_known(String code) {
        assertThat(CurrencyCode.isKnown(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC", "eur", "EURO", "", "XXX", "XTS", "XAU"})
    void codes_that_are_not_money_are_refused(String code) {
        assertThat(CurrencyCode.isKnown(code)).isFalse();
        assertThatThrownBy(() -> new CurrencyCode(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_broken_amount_rule_is_reported_with_its_field() {
        List<Violation> problems = Order.violations(new BigDecimal("-1"), OrderStatus.COMPLETED,
                new BigDecimal("0.00001"), List.of(new OrderLine("S", "c", 0, new BigDecimal("2000000000"))));
        assertThat(problems).extracting(Violation::field)
                .containsExactly("total", "refundedAmount", "lines[0].quantity", "lines[0].unitPrice");
    }

    @Test
    void oneListOfAcceptanceRulesNamesEveryFieldAReportLacksWhateverItsSource() {
        var empty = new OrderAcceptance.Report(null, "contact", false, null, null, null, null, null, List.of());
        assertThat(OrderAcceptance.violations(empty, Instant.parse("2026-05-01T00:00:00Z")))
                .extracting(Violation::field)
                .containsExactly("externalId", "contact", "total", "currency", "placedAt", "status");
    }

    @Test
    void anOrderPlacedMoreThanADayAheadOfNowIsRefused() {
        Instant now = Instant.parse("2026-05-01T00:00:00Z");
        var tomorrow = new OrderAcceptance.Report("A", "member", true, BigDecimal.TEN, "EUR",
                now.plus(java.time.Duration.ofHours(23)), OrderStatus.COMPLETED, BigDecimal.ZERO, List.of());
        assertThat(OrderAcceptance.violations(tomorrow, now)).as("clock skew").isEmpty();
        var nextYear = new OrderAcceptance.Report("A", "member", true, BigDecimal.TEN, "EUR",
                Instant.parse("2027-05-01T00:00:00Z"), OrderStatus.COMPLETED, BigDecimal.ZERO, List.of());
        assertThat(OrderAcceptance.violations(nextYear, now)).extracting(Violation::field)
                .containsExactly("placedAt");
    }

    @Test
    void a_refund_above_the_total_is_refused() {
        assertThat(Order.violations(new BigDecimal("10"), OrderStatus.PARTIALLY_REFUNDED, new BigDecimal("11"),
                List.of())).extracting(Violation::message).containsExactly("must not exceed the total");
    }

    @Test
    void a_partial_refund_must_be_strictly_between_zero_and_the_total() {
        assertThat(Order.violations(new BigDecimal("10"), OrderStatus.PARTIALLY_REFUNDED, BigDecimal.ZERO, List.of()))
                .hasSize(1);
        assertThat(Order.violations(new BigDecimal("10"), OrderStatus.PARTIALLY_REFUNDED, BigDecimal.TEN, List.of()))
                .hasSize(1);
    }

    @Test
    void emails_differing_only_in_case_are_the_same_member() {
        assertThat(new Email("Ann@Example.com")).isEqualTo(new Email("ann@example.COM"));
        assertThat(new Email("Ann@Example.com").normalized()).isEqualTo("ann@example.com");
        assertThat(Email.isValid("not an email")).isFalse();
        assertThat(Email.isValid("a@b")).isFalse();
    }
}
