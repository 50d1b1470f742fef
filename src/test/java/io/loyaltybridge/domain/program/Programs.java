package io.loyaltybridge.domain.program;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.order.CurrencyCode;
import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.order.OrderKey;
import io.loyaltybridge.domain.order.OrderLine;
import io.loyaltybridge.domain.order.OrderStatus;
import io.loyaltybridge.domain.program.contests.Leaderboard;
import io.loyaltybridge.domain.program.earning.Campaign;
import io.loyaltybridge.domain.program.earning.Cashback;
import io.loyaltybridge.domain.program.earning.Earning;
import io.loyaltybridge.domain.program.expiry.Expiry;
import io.loyaltybridge.domain.program.grants.EventRule;
import io.loyaltybridge.domain.program.grants.Partner;
import io.loyaltybridge.domain.program.jobs.Jobs;
import io.loyaltybridge.domain.program.referrals.Referral;
import io.loyaltybridge.domain.program.rewards.Reward;
import io.loyaltybridge.domain.program.segments.Cltv;
import io.loyaltybridge.domain.program.segments.Segments;
import io.loyaltybridge.domain.program.tiers.Tiers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Programs and orders built in code for the domain tests (the YAML loader has its own tests). */
public final class Programs {
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final CurrencyCode EUR = new CurrencyCode("EUR");

    private Programs() {
    }

    public static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    public static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    public static Tiers tiers(Tiers.Basis basis, Tiers.Window window, int graceDays, Tiers.Downgrade downgrade,
                       Tiers.VipMode vipMode) {
        return new Tiers(basis, window, 12, graceDays, downgrade, List.of(
                new Tiers.TierLevel("bronze", d("0"), d("1")),
                new Tiers.TierLevel("silver", d("500"), d("1.25")),
                new Tiers.TierLevel("gold", d("2000"), d("1.5")),
                new Tiers.TierLevel("vip", d("10000"), d("2"))), new Tiers.Vip("vip", vipMode));
    }

    public static Earning earning(List<Campaign> campaigns) {
        return new Earning(d("1"), RoundingMode.FLOOR, d("5.00"), Map.of("shoes", d("2"), "sale", d("0.5")),
                Map.of("GIFT-CARD", d("0")), 14, campaigns);
    }

    public static Campaign doubleMarch(Long cap) {
        return new Campaign("double-march", "Double March", day("2025-03-01"), day("2025-03-31"), d("2"), 0,
                Set.of(), Set.of(), cap);
    }

    public static Campaign goldBonus() {
        return new Campaign("gold-bonus", "Gold welcome", day("2025-01-01"), day("2025-12-31"), null, 50,
                Set.of("gold"), Set.of(), null);
    }

    public static Program sample() {
        return program(earning(List.of(doubleMarch(150L), goldBonus())),
                tiers(Tiers.Basis.POINTS, Tiers.Window.CALENDAR_YEAR, 30, Tiers.Downgrade.ONE_LEVEL,
                        Tiers.VipMode.FLOOR));
    }

    public static Program program(Earning earning, Tiers tiers) {
        return new Program("test-1", "Test", PARIS, EUR, earning, new Cashback(true, d("1"), 500),
                List.of(new Reward("coffee", "Coffee", Account.POINTS, 150, "one coffee", Set.of()),
                        new Reward("lounge", "Lounge pass", Account.POINTS, 1000, "one lounge pass",
                                Set.of("gold", "vip"))),
                Expiry.never(), tiers, new Referral(true, 500, 250, d("30")),
                List.of(new Partner("skyair", "SkyAir", d("0.5"))), List.of(),
                new Leaderboard(CalendarPeriod.MONTH, 3), Segments.defaults(), Cltv.defaults(),
                List.of(), List.of(new EventRule("signup", 100, 1, "Welcome bonus"),
                        new EventRule("review", 20, null, "Thanks for your review")),
                new Jobs("0 0 1 * * ?", "0 0 1 * * ?", "0 0 1 * * ?", "0 0 1 * * ?", "0 0 1 * * ?"));
    }

    public static Program flat() {
        return program(Earning.flat(), Tiers.single("member"));
    }

    public static Order order(String id, String total, String placedAt, OrderStatus status, String refunded,
                       OrderLine... lines) {
        return new Order(new OrderKey("shop", id), new MemberId(1), d(total), EUR, Instant.parse(placedAt), status,
                refunded == null ? BigDecimal.ZERO : d(refunded), List.of(lines));
    }

    public static Order completed(String total, String placedAt, OrderLine... lines) {
        return order("o1", total, placedAt, OrderStatus.COMPLETED, null, lines);
    }

    public static OrderLine line(String sku, String category, int quantity, String unitPrice) {
        return new OrderLine(sku, category, quantity, d(unitPrice));
    }
}
