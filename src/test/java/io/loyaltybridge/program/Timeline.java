package io.loyaltybridge.program;

import io.loyaltybridge.app.program.ProgramFile;
import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.ledger.OrderSubmission;
import io.loyaltybridge.domain.ledger.PointsRequest;
import io.loyaltybridge.domain.member.Consent;
import io.loyaltybridge.domain.member.Email;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.member.MemberRef;
import io.loyaltybridge.domain.member.NewMember;
import io.loyaltybridge.domain.order.CurrencyCode;
import io.loyaltybridge.domain.order.OrderKey;
import io.loyaltybridge.domain.order.OrderLine;
import io.loyaltybridge.domain.order.OrderStatus;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.Standing;
import io.loyaltybridge.sandbox.MutableClock;
import io.loyaltybridge.support.StoreFixture;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A member's life written as a timeline — orders, refunds, days passing, jobs running — played against the real
 * core on PostgreSQL with a clock the test moves. Nothing sleeps: time is whatever the timeline says.
 */
final class Timeline implements AutoCloseable {
    static final Path SHIPPED = Path.of("config/program.yaml");

    final MutableClock clock;
    final StoreFixture store;
    private final Map<String, OrderSubmission> orders = new HashMap<>();
    private final Map<String, MemberId> members = new HashMap<>();
    private String current = "ann@example.com";
    private int keys;

    Timeline(Program program, String start) {
        this.clock = new MutableClock(Instant.parse(start));
        this.store = new StoreFixture(program, clock);
    }

    static Timeline shipped(String start) {
        return new Timeline(ProgramFile.load(SHIPPED), start);
    }

    /** The shipped program with some of its text replaced (a variant for one scenario). */
    static Timeline variant(String start, String... replacements) {
        try {
            String text = java.nio.file.Files.readString(SHIPPED);
            for (int i = 0; i < replacements.length; i += 2) {
                if (!text.contains(replacements[i])) {
                    throw new IllegalArgumentException("the shipped program has no '" + replacements[i] + "'");
                }
                text = text.replace(replacements[i], replacements[i + 1]);
            }
            return new Timeline(ProgramFile.parse(text.getBytes(), "variant.yaml"), start);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Timeline as(String email) {
        current = email;
        return this;
    }

    /** A member who joined through the API (signup bonus, optional referral code, birth date). */
    Timeline joins(String email, LocalDate birthDate, String referralCode) {
        MemberId id = store.core.memberJoin().join(new NewMember(new Email(email), "First", "Last", birthDate,
                Consent.NONE), referralCode);
        members.put(email, id);
        current = email;
        return this;
    }

    Timeline order(String id, String total, OrderLine... lines) {
        return submit(new OrderSubmission(MemberRef.byEmail(new Email(current)), new OrderKey("shop", id),
                new BigDecimal(total), new CurrencyCode("EUR"), clock.instant(), OrderStatus.COMPLETED,
                BigDecimal.ZERO, List.of(lines)), id);
    }

    /** An order in another currency than the program's. */
    Timeline orderIn(String currency, String id, String total) {
        return submit(new OrderSubmission(MemberRef.byEmail(new Email(current)), new OrderKey("shop", id),
                new BigDecimal(total), new CurrencyCode(currency), clock.instant(), OrderStatus.COMPLETED,
                BigDecimal.ZERO, List.of()), id);
    }

    Timeline refund(String id, String refunded) {
        OrderSubmission o = orders.get(id);
        BigDecimal amount = new BigDecimal(refunded);
        OrderStatus status = amount.compareTo(o.total()) == 0 ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
        return submit(new OrderSubmission(o.member(), o.key(), o.total(), o.currency(), o.placedAt(), status, amount,
                o.lines()), id);
    }

    Timeline cancel(String id) {
        OrderSubmission o = orders.get(id);
        return submit(new OrderSubmission(o.member(), o.key(), o.total(), o.currency(), o.placedAt(),
                OrderStatus.CANCELLED, BigDecimal.ZERO, o.lines()), id);
    }

    private Timeline submit(OrderSubmission submission, String id) {
        orders.put(id, submission);
        var outcome = store.ledgerService.submitOrder(submission);
        members.put(current, outcome.order().order().member());
        return this;
    }

    Timeline days(long days) {
        clock.advance(Duration.ofDays(days));
        return this;
    }

    Timeline at(String instant) {
        clock.set(Instant.parse(instant));
        return this;
    }

    /** Runs a job by its route name, and returns the timeline; {@link #lastChanges} holds what it changed. */
    Timeline run(String job) {
        var jobs = store.core.jobs();
        lastChanges = switch (job) {
            case "pending-release" -> jobs.pendingRelease().changes();
            case "expiry" -> jobs.expiry().changes();
            case "tier-assessment" -> jobs.tierAssessment().changes();
            case "segments-and-cltv" -> jobs.segmentsAndCltv().changes();
            case "birthday-bonus" -> jobs.birthdayBonus().changes();
            default -> throw new IllegalArgumentException("no job " + job);
        };
        return this;
    }

    int lastChanges;

    Timeline redeem(long points) {
        store.ledgerService.redeem(member(), new PointsRequest(points, "voucher", "key-" + (++keys), "timeline"));
        return this;
    }

    MemberId member() {
        MemberId id = members.get(current);
        if (id == null) {
            throw new IllegalStateException(current + " has done nothing yet");
        }
        return id;
    }

    MemberId member(String email) {
        return members.get(email);
    }

    Standing standing() {
        return store.core.standings().of(member());
    }

    long points() {
        return standing().points().available();
    }

    long pending() {
        return standing().pending();
    }

    long cashback() {
        return standing().cashbackMinor();
    }

    long pendingCashback() {
        return standing().pendingCashbackMinor();
    }

    String tier() {
        return standing().tier().tier();
    }

    List<LedgerEntry> entries() {
        return new ArrayList<>(store.transactions.read(() ->
                store.ledger.history(List.of(member()), Account.POINTS).getOrDefault(member(), List.of())));
    }

    @Override
    public void close() {
        store.close();
    }
}
