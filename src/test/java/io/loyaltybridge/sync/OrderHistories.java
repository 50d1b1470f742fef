package io.loyaltybridge.sync;

import io.loyaltybridge.domain.order.OrderLine;
import io.loyaltybridge.domain.order.OrderStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded order histories of a few hundred CRM contacts, cut into batches the way a CRM pages them. Every report is
 * a whole order as the CRM shows it at that moment: first placed, then perhaps re-read unchanged, refunded in part
 * or whole, changed, cancelled. A few members buy far more than the rest, so tiers and campaign caps are crossed,
 * often in the middle of a large batch. The same seed always gives the same histories.
 */
final class OrderHistories {
    static final String CRM = "testcrm";
    /** Batch sizes in turn: single records, small polls, a CRM page, a Bulk result page, odd sizes in between. */
    private static final int[] BATCH_SIZES = {1, 7, 200, 2000, 3, 50, 500, 1000};
    private static final String[] CATEGORIES = {"shoes", "accessories", "apparel", "home", null};

    final List<InboundContact> contacts = new ArrayList<>();
    /** Referee contact → referrer contact; a referrer is always an earlier contact, so there are no loops. */
    final Map<String, String> referrals = new LinkedHashMap<>();
    final List<List<InboundOrder>> batches = new ArrayList<>();

    private final Random random;
    private final Instant start;
    private final Instant end;
    private final List<Event> timeline = new ArrayList<>();
    private int sequence;

    private record Event(Instant at, int sequence, InboundOrder report) {
    }

    private OrderHistories(long seed, Instant start, Instant end) {
        this.random = new Random(seed);
        this.start = start;
        this.end = end;
    }

    /** At least {@code reports} order reports over the contacts, settled at {@code end} (the clock's now). */
    static OrderHistories generate(long seed, int reports, int members, Instant start, Instant end) {
        OrderHistories histories = new OrderHistories(seed, start, end);
        histories.people(members);
        histories.orders(reports, members);
        histories.cut();
        return histories;
    }

    int reportCount() {
        return batches.stream().mapToInt(List::size).sum();
    }

    private void people(int members) {
        for (int i = 0; i < members; i++) {
            String id = contactId(i);
            contacts.add(new InboundContact(CRM, id, "m" + i + "@example.com", "First" + i, "Last" + i, null, null,
                    false, start.minus(Duration.ofDays(30)), Map.of()));
            if (i > 10 && random.nextInt(100) < 15) {
                referrals.put(id, contactId(random.nextInt(i)));
            }
        }
    }

    private static String contactId(int i) {
        return "C" + i;
    }

    private void orders(int reports, int members) {
        int order = 0;
        while (timeline.size() < reports) {
            String contact = contactId(buyer(members));
            if (order % 997 == 5) {
                // A contact the CRM never sends us: the order waits as a dead letter.
                contact = "ghost-" + order;
            }
            story("O" + order, contact, order);
            order++;
        }
        timeline.sort(Comparator.comparing(Event::at).thenComparing(Event::sequence));
    }

    /** One in ten members buys five times as often: they reach gold and VIP, and the campaigns' caps. */
    private int buyer(int members) {
        int heavy = Math.max(1, members / 10);
        return random.nextInt(3) == 0 ? random.nextInt(heavy) : random.nextInt(members);
    }

    private void story(String id, String contact, int number) {
        Instant placed = start.plusSeconds((long) (random.nextDouble() * Duration.between(start, end).getSeconds()));
        String currency = currency(number);
        List<OrderLine> lines = lines();
        BigDecimal total = random.nextInt(30) == 0 ? new BigDecimal("3.50") : sum(lines);
        if (random.nextInt(10) == 0) {
            lines = List.of();
        }
        InboundOrder current = new InboundOrder(CRM, id, contact, total, currency, placed, OrderStatus.COMPLETED,
                BigDecimal.ZERO, lines, placed);
        add(current);
        Instant at = placed;
        int changes = random.nextInt(100) < 35 ? 1 + random.nextInt(3) : 0;
        for (int c = 0; c < changes; c++) {
            at = at.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * (random.nextBoolean() ? 2 : 30))));
            if (at.isAfter(end)) {
                return;
            }
            current = change(current, at);
            add(current);
            if (random.nextInt(8) == 0) {
                // The same report twice in a row (a webhook retried, two pages overlapping): the second is a no-op.
                add(current);
            }
        }
    }

    private String currency(int number) {
        int pick = random.nextInt(100);
        if (number % 1999 == 11) {
            return "ZZZ"; // not a currency at all: dead-lettered as an invalid record
        }
        return pick < 84 ? "EUR" : pick < 92 ? "USD" : pick < 97 ? "GBP" : "CHF";
    }

    private List<OrderLine> lines() {
        List<OrderLine> lines = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            boolean giftCard = random.nextInt(25) == 0;
            BigDecimal price = BigDecimal.valueOf(500 + random.nextInt(14_000), 2);
            lines.add(new OrderLine(giftCard ? "GIFT-CARD-50" : "SKU-" + random.nextInt(40),
                    giftCard ? null : CATEGORIES[random.nextInt(CATEGORIES.length)], 1 + random.nextInt(2),
                    giftCard ? new BigDecimal("50.00") : price));
        }
        return lines;
    }

    private static BigDecimal sum(List<OrderLine> lines) {
        return lines.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The order's next state as the CRM reports it. */
    private InboundOrder change(InboundOrder o, Instant at) {
        int pick = random.nextInt(100);
        boolean refundable = o.status() == OrderStatus.COMPLETED || o.status() == OrderStatus.PARTIALLY_REFUNDED;
        if (pick < 25 || !refundable) {
            return with(o, o.total(), o.status(), o.refundedAmount(), o.lines(), at); // re-read, nothing changed
        }
        if (pick < 55 && o.total().compareTo(BigDecimal.ONE) > 0) {
            BigDecimal room = o.total().subtract(o.refundedAmount());
            BigDecimal more = room.multiply(BigDecimal.valueOf(5 + random.nextInt(60), 2))
                    .setScale(2, RoundingMode.DOWN).max(new BigDecimal("0.01"));
            BigDecimal refunded = o.refundedAmount().add(more);
            return refunded.compareTo(o.total()) >= 0
                    ? with(o, o.total(), OrderStatus.REFUNDED, o.total(), o.lines(), at)
                    : with(o, o.total(), OrderStatus.PARTIALLY_REFUNDED, refunded, o.lines(), at);
        }
        if (pick < 70) {
            return with(o, o.total(), OrderStatus.REFUNDED, o.total(), o.lines(), at);
        }
        if (pick < 85 && o.status() == OrderStatus.COMPLETED) {
            // The shop edited the order: one more of the first line, or a price correction when it has no lines.
            if (o.lines().isEmpty()) {
                return with(o, o.total().add(BigDecimal.valueOf(1000 + random.nextInt(9000), 2)), o.status(),
                        BigDecimal.ZERO, o.lines(), at);
            }
            List<OrderLine> lines = new ArrayList<>(o.lines());
            OrderLine first = lines.get(0);
            lines.set(0, new OrderLine(first.sku(), first.category(), first.quantity() + 1, first.unitPrice()));
            return with(o, sum(lines), o.status(), BigDecimal.ZERO, lines, at);
        }
        return with(o, o.total(), OrderStatus.CANCELLED, BigDecimal.ZERO, o.lines(), at);
    }

    private static InboundOrder with(InboundOrder o, BigDecimal total, OrderStatus status, BigDecimal refunded,
                                     List<OrderLine> lines, Instant modified) {
        return new InboundOrder(o.system(), o.externalId(), o.contactExternalId(), total, o.currency(), o.placedAt(),
                status, refunded, lines, modified);
    }

    private void add(InboundOrder report) {
        timeline.add(new Event(report.modifiedAt(), sequence++, report));
    }

    private void cut() {
        int from = 0;
        for (int i = 0; from < timeline.size(); i++) {
            int size = BATCH_SIZES[i % BATCH_SIZES.length];
            int to = Math.min(timeline.size(), from + size);
            batches.add(timeline.subList(from, to).stream().map(Event::report).toList());
            from = to;
        }
    }
}
