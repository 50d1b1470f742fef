package io.loyaltybridge.domain.program;

import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.order.OrderLine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Points and cashback for an order in its CURRENT state. Evaluating the same order again after a refund gives what
 * the kept part is worth, which is what the ledger settles against.
 * <p>
 * Rules, in order: the order must be in the program currency and its total at least the minimum order. Base points
 * are kept amount x points per unit. A line's category or SKU multiplier m (SKU wins) adds (m - 1) x that line's
 * points, the line scaled by the kept share of the total. Tier and campaign multipliers each add (m - 1) x the
 * purchase points (base plus line extras): multipliers add up rather than compound, so "double points" for a gold
 * member at x1.5 is x2.5, not x3. A fixed campaign bonus is given in full while anything of the order is kept.
 * Each part is rounded on its own so the breakdown always adds up to the total.
 */
public final class EarnCalculator {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private final Program program;

    public EarnCalculator(Program program) {
        this.program = program;
    }

    public EarnResult earn(Order order, MemberContext member) {
        Instant availableAt = order.placedAt().atZone(program.zone())
                .plusDays(program.earning().returnWindowDays()).toInstant();
        Earning rules = program.earning();
        BigDecimal kept = order.keptAmount();
        if (!order.currency().equals(program.currency())) {
            return nothing("order is in " + order.currency() + "; the program earns on " + program.currency(),
                    availableAt);
        }
        if (kept.signum() == 0) {
            return nothing("order " + order.refundedOrCancelledWords() + ": nothing kept, no points", availableAt);
        }
        if (order.total().compareTo(rules.minimumOrder()) < 0) {
            return nothing("order total " + money(order.total()) + " is below the minimum order of "
                    + money(rules.minimumOrder()), availableAt);
        }
        List<EarnLine> lines = new ArrayList<>();
        BigDecimal base = kept.multiply(rules.pointsPerUnit());
        lines.add(new EarnLine(EarnLine.Kind.BASE, null, round(base),
                money(kept) + " kept x " + plain(rules.pointsPerUnit()) + " points per unit: " + round(base)));
        BigDecimal purchase = base.add(lineExtras(order, lines));
        tierExtra(member.tier(), purchase, lines);
        LocalDate day = order.placedAt().atZone(program.zone()).toLocalDate();
        for (Campaign campaign : rules.campaigns()) {
            if (campaign.activeOn(day) && campaign.appliesTo(member.tier(), member.segments())) {
                campaignExtra(campaign, purchase, member, lines);
            }
        }
        long total = Math.max(0, lines.stream().mapToLong(EarnLine::points).sum());
        return new EarnResult(total, lines, cashback(kept), availableAt);
    }

    private BigDecimal lineExtras(Order order, List<EarnLine> lines) {
        BigDecimal share = order.keptAmount().divide(order.total(), MathContext.DECIMAL64);
        Map<String, BigDecimal> extraByRule = new LinkedHashMap<>();
        Map<String, BigDecimal> amountByRule = new LinkedHashMap<>();
        Map<String, EarnLine.Kind> kindByRule = new LinkedHashMap<>();
        Map<String, BigDecimal> multiplierByRule = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            BigDecimal sku = line.sku() == null ? null : program.earning().skuMultipliers().get(line.sku());
            BigDecimal category = line.category() == null ? null
                    : program.earning().categoryMultipliers().get(line.category());
            BigDecimal m = sku != null ? sku : category;
            if (m == null || m.compareTo(BigDecimal.ONE) == 0) {
                continue;
            }
            String ref = sku != null ? line.sku() : line.category();
            String key = (sku != null ? "sku:" : "category:") + ref;
            BigDecimal amount = line.amount().multiply(share);
            kindByRule.put(key, sku != null ? EarnLine.Kind.SKU : EarnLine.Kind.CATEGORY);
            multiplierByRule.put(key, m);
            amountByRule.merge(key, amount, BigDecimal::add);
            extraByRule.merge(key, amount.multiply(program.earning().pointsPerUnit())
                    .multiply(m.subtract(BigDecimal.ONE)), BigDecimal::add);
        }
        BigDecimal extras = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> rule : extraByRule.entrySet()) {
            String key = rule.getKey();
            EarnLine.Kind kind = kindByRule.get(key);
            String ref = key.substring(key.indexOf(':') + 1);
            long points = round(rule.getValue());
            lines.add(new EarnLine(kind, ref, points, (kind == EarnLine.Kind.SKU ? "SKU " : "category ") + ref
                    + " x" + plain(multiplierByRule.get(key)) + " on " + money(amountByRule.get(key)) + ": "
                    + signed(points)));
            extras = extras.add(rule.getValue());
        }
        return extras;
    }

    private void tierExtra(String tier, BigDecimal purchase, List<EarnLine> lines) {
        Tiers.TierLevel level = program.tiers().level(tier).orElse(program.tiers().lowest());
        if (level.multiplier().compareTo(BigDecimal.ONE) != 0) {
            long points = round(purchase.multiply(level.multiplier().subtract(BigDecimal.ONE)));
            lines.add(new EarnLine(EarnLine.Kind.TIER, level.name(), points,
                    level.name() + " tier x" + plain(level.multiplier()) + ": " + signed(points)));
        }
    }

    private void campaignExtra(Campaign campaign, BigDecimal purchase, MemberContext member, List<EarnLine> lines) {
        long points = campaign.bonusPoints();
        StringBuilder why = new StringBuilder("campaign ").append(campaign.name());
        if (campaign.multiplier() != null) {
            points += round(purchase.multiply(campaign.multiplier().subtract(BigDecimal.ONE)));
            why.append(" x").append(plain(campaign.multiplier()));
        }
        if (campaign.bonusPoints() != 0) {
            why.append(" +").append(campaign.bonusPoints()).append(" bonus");
        }
        if (campaign.perMemberCap() != null) {
            long left = Math.max(0, campaign.perMemberCap() - member.campaignPointsGranted()
                    .getOrDefault(campaign.id(), 0L));
            if (points > left) {
                points = left;
                why.append(" (limited to ").append(campaign.perMemberCap()).append(" per member, ").append(left)
                        .append(" left)");
            }
        }
        why.append(": ").append(signed(points));
        lines.add(new EarnLine(EarnLine.Kind.CAMPAIGN, campaign.id(), points, why.toString()));
    }

    /** Whole minor units, rounded down: we never pay out a fraction of a cent we do not owe. */
    private long cashback(BigDecimal kept) {
        Cashback rule = program.cashback();
        if (rule == null || !rule.enabled()) {
            return 0;
        }
        int digits = Math.max(0, Currency.getInstance(program.currency().code()).getDefaultFractionDigits());
        return kept.multiply(rule.percent()).divide(HUNDRED, MathContext.DECIMAL64).movePointRight(digits)
                .setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    private EarnResult nothing(String why, Instant availableAt) {
        return new EarnResult(0, List.of(new EarnLine(EarnLine.Kind.NONE, null, 0, why)), 0, availableAt);
    }

    private long round(BigDecimal exact) {
        return exact.setScale(0, program.earning().rounding()).longValueExact();
    }

    private String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " " + program.currency();
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private static String signed(long points) {
        return (points >= 0 ? "+" : "") + points;
    }
}
