package io.loyaltybridge.domain.ledger.batch;

import io.loyaltybridge.domain.ledger.OrderSubmission;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.member.MemberRef;
import io.loyaltybridge.domain.order.CurrencyCode;
import io.loyaltybridge.domain.order.OrderKey;
import io.loyaltybridge.domain.order.OrderStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionsTest {
    private int next;

    private OrderSubmission order(long member) {
        return order(member, "o" + next++);
    }

    private static OrderSubmission order(long member, String key) {
        return new OrderSubmission(MemberRef.byId(new MemberId(member)), new OrderKey("crm", key), BigDecimal.TEN,
                new CurrencyCode("EUR"), Instant.parse("2025-01-01T00:00:00Z"), OrderStatus.COMPLETED,
                BigDecimal.ZERO, List.of());
    }

    /** Members 1..20 with three orders each, interleaved as a CRM page would bring them. */
    private List<OrderSubmission> interleaved() {
        List<OrderSubmission> batch = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (long member = 1; member <= 20; member++) {
                batch.add(order(member));
            }
        }
        return batch;
    }

    private static Map<MemberId, Integer> partOfMember(List<List<OrderSubmission>> parts) {
        Map<MemberId, Integer> partOf = new HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            for (OrderSubmission s : parts.get(i)) {
                Integer before = partOf.put(s.member().id(), i);
                assertThat(before == null || before == i).as("member " + s.member().id() + " in one part").isTrue();
            }
        }
        return partOf;
    }

    @Test
    void a_referral_chain_across_a_batch_lands_in_one_part_and_the_rest_is_shared_out() {
        List<OrderSubmission> batch = interleaved();
        // 3 referred 7, 7 referred 12, 12 referred 18: each one's first order pays the one above.
        Map<MemberId, MemberId> referrerOf = Map.of(new MemberId(7), new MemberId(3), new MemberId(12),
                new MemberId(7), new MemberId(18), new MemberId(12));

        List<List<OrderSubmission>> parts = Partitions.split(batch, referrerOf, 2);

        Map<MemberId, Integer> partOf = partOfMember(parts);
        assertThat(new HashSet<>(List.of(partOf.get(new MemberId(3)), partOf.get(new MemberId(7)),
                partOf.get(new MemberId(12)), partOf.get(new MemberId(18))))).as("parts of the chain").hasSize(1);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).size() - parts.get(1).size()).as("orders per part, balanced").isBetween(-12, 12);
    }

    @Test
    void a_referrer_outside_the_batch_keeps_their_referees_together() {
        List<OrderSubmission> batch = interleaved();
        Map<MemberId, MemberId> referrerOf = Map.of(new MemberId(2), new MemberId(99), new MemberId(19),
                new MemberId(99));

        Map<MemberId, Integer> partOf = partOfMember(Partitions.split(batch, referrerOf, 2));

        assertThat(partOf.get(new MemberId(2))).isEqualTo(partOf.get(new MemberId(19)));
    }

    @Test
    void one_order_reported_under_two_members_keeps_both_in_one_part() {
        List<OrderSubmission> batch = interleaved();
        batch.add(order(4, "moved"));
        batch.add(order(15, "moved"));

        Map<MemberId, Integer> partOf = partOfMember(Partitions.split(batch, Map.of(), 2));

        assertThat(partOf.get(new MemberId(4))).isEqualTo(partOf.get(new MemberId(15)));
    }

    @Test
    void every_order_lands_in_exactly_one_part_in_the_batch_order() {
        List<OrderSubmission> batch = interleaved();

        List<List<OrderSubmission>> parts = Partitions.split(batch, Map.of(new MemberId(5), new MemberId(6)), 3);

        assertThat(parts).hasSize(3);
        Set<OrderKey> seen = new HashSet<>();
        for (List<OrderSubmission> part : parts) {
            part.forEach(s -> assertThat(seen.add(s.key())).as("order " + s.key() + " once").isTrue());
            List<Integer> positions = part.stream().map(batch::indexOf).toList();
            assertThat(positions).as("the batch's order within a part").isSorted();
        }
        assertThat(seen).hasSize(batch.size());
    }

    @Test
    void a_referral_chain_as_long_as_the_largest_batch_stays_whole() {
        List<OrderSubmission> batch = new ArrayList<>();
        Map<MemberId, MemberId> referrerOf = new HashMap<>();
        for (long member = 1; member <= 5_000; member++) {
            batch.add(order(member));
            referrerOf.put(new MemberId(member), new MemberId(member + 1));
        }
        batch.add(order(9_999));

        List<List<OrderSubmission>> parts = Partitions.split(batch, referrerOf, 2);

        assertThat(parts).extracting(List::size).containsExactlyInAnyOrder(5_000, 1);
    }

    @Test
    void one_member_alone_makes_one_part_whatever_the_lanes() {
        List<OrderSubmission> batch = List.of(order(1), order(1), order(1));

        assertThat(Partitions.split(batch, Map.of(), 4)).containsExactly(batch);
    }
}
