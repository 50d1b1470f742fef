package io.loyaltybridge.domain.program.referrals;

import io.loyaltybridge.domain.member.CrmIdentity;
import io.loyaltybridge.domain.member.Email;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.OrderStatus;
import io.loyaltybridge.domain.program.Programs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.loyaltybridge.domain.program.Programs.completed;
import static io.loyaltybridge.domain.program.Programs.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ReferralTest {
    private final ReferralRules rules = new ReferralRules(Programs.sample().referral());

    static ReferralParty party(long id, String email, CrmIdentity... identities) {
        return new ReferralParty(new MemberId(id), new Email(email), Set.of(identities));
    }

    @Test
    void codes_are_short_unambiguous_unique_and_lead_back_to_the_member() {
        Set<String> seen = new HashSet<>();
        for (long id : new long[]{1, 2, 3, 42, 1_000, 999_999, 123_456_789, (1L << 34) - 1}) {
            String code = ReferralCode.of(new MemberId(id));
            assertThat(code).hasSize(8).matches("[23456789ABCDEFGHJKMNPQRSTWXYZ]+");
            assertThat(seen.add(code)).as("unique code for " + id).isTrue();
            assertEquals(new MemberId(id), ReferralCode.memberOf(code).orElseThrow());
            assertEquals(new MemberId(id), ReferralCode.memberOf(code.toLowerCase()).orElseThrow());
        }
        for (long id = 1; id <= 5_000; id++) {
            assertThat(seen.add(ReferralCode.of(new MemberId(id * 7919)))).isTrue();
        }
        assertThat(ReferralCode.of(new MemberId(1))).isNotEqualTo("22222223");
    }

    @Test
    void a_mistyped_or_malformed_code_finds_nobody() {
        String code = ReferralCode.of(new MemberId(42));
        char wrong = code.charAt(2) == 'A' ? 'B' : 'A';
        String typo = code.substring(0, 2) + wrong + code.substring(3);
        assertThat(ReferralCode.memberOf(typo)).isEmpty();
        assertThat(ReferralCode.memberOf("OOOOOOOO")).isEmpty();
        assertThat(ReferralCode.memberOf("ABC")).isEmpty();
        assertThat(ReferralCode.memberOf(null)).isEmpty();
    }

    static Stream<Arguments> referrals() {
        CrmIdentity shared = new CrmIdentity("salesforce", "003A");
        MemberId one = new MemberId(1);
        MemberId two = new MemberId(2);
        MemberId three = new MemberId(3);
        return Stream.of(
                Arguments.of("two different people may refer each other once", party(1, "ann@x.io"),
                        party(2, "bob@x.io"), Map.of(), List.of()),
                Arguments.of("a member cannot refer themselves", party(1, "ann@x.io"), party(1, "ann@x.io"),
                        Map.of(), List.of("a member cannot refer themselves")),
                Arguments.of("the same email in another case is the same person", party(1, "ann@x.io"),
                        party(2, "ANN@x.io"), Map.of(), List.of("referrer and referee have the same email address")),
                Arguments.of("a shared CRM record is the same person", party(1, "ann@x.io", shared),
                        party(2, "bob@x.io", shared), Map.of(), List.of("referrer and referee share a CRM record")),
                Arguments.of("a member already referred cannot be referred again", party(1, "ann@x.io"),
                        party(2, "bob@x.io"), Map.of(two, three), List.of("the referee was already referred")),
                Arguments.of("referring the one who referred you closes a loop", party(2, "bob@x.io"),
                        party(1, "ann@x.io"), Map.of(two, one),
                        List.of("the referee is already up the referrer's referral chain: this would make a loop")),
                Arguments.of("a longer loop is found too", party(3, "cid@x.io"), party(1, "ann@x.io"),
                        Map.of(three, two, two, one),
                        List.of("the referee is already up the referrer's referral chain: this would make a loop")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referrals")
    void referral_checks(String scenario, ReferralParty referrer, ReferralParty referee,
                         Map<MemberId, MemberId> referredBy, List<String> refusals) {
        assertEquals(refusals, rules.refusals(referrer, referee, referredBy));
    }

    @Test
    void the_first_qualifying_order_pays_both_sides_and_later_orders_pay_nothing() {
        ReferralRules.Bonus bonus = rules.bonusFor(completed("30.00", "2025-02-01T10:00:00Z"), 0).orElseThrow();
        assertEquals(500, bonus.referrerPoints());
        assertEquals(250, bonus.refereePoints());
        assertThat(rules.bonusFor(completed("29.99", "2025-02-01T10:00:00Z"), 0)).isEmpty();
        assertThat(rules.bonusFor(completed("80.00", "2025-02-01T10:00:00Z"), 1)).isEmpty();
        assertThat(rules.bonusFor(order("o1", "80.00", "2025-02-01T10:00:00Z", OrderStatus.CANCELLED, null), 0))
                .isEmpty();
    }
}
