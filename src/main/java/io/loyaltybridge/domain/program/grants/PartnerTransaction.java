package io.loyaltybridge.domain.program.grants;

import io.loyaltybridge.domain.Violation;
import io.loyaltybridge.domain.member.MemberRef;
import io.loyaltybridge.domain.order.CurrencyCode;
import io.loyaltybridge.domain.program.Program;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A transaction a partner reports for one of our members. The partner's rate is per unit of the program currency,
 * so {@code currency} (null: the program's) must be that currency.
 */
public record PartnerTransaction(MemberRef member, String partnerId, String transactionId, BigDecimal amount,
                                 CurrencyCode currency, Instant occurredAt) {
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    /** Every rule the transaction breaks, named by the field a caller sent. */
    public List<Violation> violations(Program program, Instant now) {
        List<Violation> problems = new ArrayList<>();
        if (transactionId != null && !GrantKeys.isValid(transactionId)) {
            problems.add(new Violation("transactionId", GrantKeys.RULE));
        }
        if (amount != null && (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0)) {
            problems.add(new Violation("amount", "must be positive and at most " + MAX_AMOUNT.toPlainString()));
        }
        if (currency != null && !currency.equals(program.currency())) {
            problems.add(new Violation("currency", "must be " + program.currency().code()
                    + ", the program currency that partner rates are set in"));
        }
        if (occurredAt != null && GrantKeys.isFuture(occurredAt, now)) {
            problems.add(new Violation("occurredAt", "must not be in the future"));
        }
        return problems;
    }
}
