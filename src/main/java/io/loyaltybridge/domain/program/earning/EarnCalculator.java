package io.loyaltybridge.domain.program.earning;

import io.loyaltybridge.domain.order.Order;
import io.loyaltybridge.domain.order.OrderLine;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.tiers.Tiers;

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
import java.util.Optional;

/**
 * Points and cashback for an order in its CURRENT state. Evaluating the same order again after a refund gives what
 * the kept part is worth, which is what the ledger settles against.
 * <p>
 * Rules, in order. The order must be in the program currency or in one the program declares a fixed rate for (its
 * amounts are converted at that rate first), and its total must be at least the minimum order; otherwise it earns
 * no points and no cashback. The WHOLE order is then priced in parts: the lines of each category or SKU multiplier
 * (SKU wins) are worth amount x points per unit x multiplier together; the rest of the total is the base, worth
 * amount x points per unit. The tier and each campaign multiplier m add (m - 1) x the purchase points (base plus
 * lines): multipliers add up rather than compound. A fixed campaign bonus is added to its campaign's part, and a
 * per-member cap limits that part to the room the member had when the order was first settled. Each part then
 * earns round(its value x kept / total), rounded once as configured: a part is never split into a rounded base and
 * a separately rounded signed adjustment, so rounding is per part (per multiplier), not per order line nor per
 * order, and the breakdown always adds up to the total. A refund therefore takes back the refunded share of every
 * part, whatever a cap or another order did since.
 */
public final class EarnCalculator {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private final Program program;

    public EarnCalculator(Program program) {
        this.program = program;
    }

    public EarnResult earn(Order order, MemberContext member) {
        return earn(order, member, member.campaignPointsGranted());
    }

    /**
     * @param member            the context the order was first settled in; its campaign totals are what OTHER
     *                          orders had given when this one was first settled (the room its caps left)
     * @param grantedElsewhere  what other orders have given each campaign by now: a re-evaluation never takes the
     *                          member over a cap, even when the order's total grew
     */
    public EarnResult earn(Order order, MemberContext member, Map<String, Long> grantedElsewhere) {
        Instant availableAt = order.placedAt().atZone(program.zone())
                .plusDays(program.earning().returnWindowDays()).toInstant();
        Earning rules = program.earning();
        Optional<BigDecimal> rate = program.rateOf(order.currency());
        if (rate.isEmpty()) {
            return nothing("order is in " + order.currency() + "; the program counts " + program.currency()
                    + " and declares no rate for " + order.currency(), availableAt);
        }
        if (order.keptAmount().signum() == 0) {
            return nothing("order " + order.refundedOrCancelledWords() + ": nothing kept, no points", availableAt);
        }
        BigDecimal total = order.total().multiply(rate.get());
        String converted = order.currency().equals(program.currency()) ? ""
                : order.total().setScale(Math.max(0, Currency.getInstance(order.currency().code())
                        .getDefaultFractionDigits()), RoundingMode.HALF_EVEN).toPlainString() + " " + order.currency()
                + " at " + plain(rate.get()) + " = " + money(total) + "; ";
        if (total.compareTo(rules.minimumOrder()) < 0) {
            return nothing(converted + "order total " + money(total) + " is below the minimum order of "
                    + money(rules.minimumOrder()) + ": no points, no cashback", availableAt);
        }
        BigDecimal share = order.keptAmount().divide(order.total(), MathContext.DECIMAL64);
        List<Part> parts = new ArrayList<>();
        BigDecimal purchase = purchaseParts(order, rate.get(), total, parts);
        tierPart(member.tier(), purchase, parts);
        LocalDate day = order.placedAt().atZone(program.zone()).toLocalDate();
        for (Campaign campaign : rules.campaigns()) {
            if (campaign.activeOn(day) && campaign.appliesTo(member.tier(), member.segments())) {
                parts.add(campaignPart(campaign, purchase, member, grantedElsewhere, share));
            }
        }
        List<EarnLine> lines = new ArrayList<>();
        for (Part part : parts) {
            lines.add(part.kept(share, program.earning().rounding(), order));
        }
        if (!converted.isEmpty()) {
            EarnLine first = lines.get(0);
            lines.set(0, new EarnLine(first.kind(), first.ref(), first.points(), converted + first.reason()));
        }
        long points = Math.max(0, lines.stream().mapToLong(EarnLine::points).sum());
        return new EarnResult(points, lines, cashback(order.keptAmount().multiply(rate.get())), availableAt);
    }

    /** Base and line parts of the whole order; answers the unrounded purchase points. */
    private BigDecimal purchaseParts(Order order, BigDecimal rate, BigDecimal total, List<Part> parts) {
        BigDecimal perUnit = program.earning().pointsPerUnit();
        BigDecimal linesTotal = order.lines().stream().map(l -> l.amount().multiply(rate))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        // Lines that add up to more than the total (an order-level discount) are scaled down to it.
        BigDecimal scale = linesTotal.compareTo(total) > 0
                ? total.divide(linesTotal, MathContext.DECIMAL64) : BigDecimal.ONE;
        Map<String, BigDecimal> amountByRule = new LinkedHashMap<>();
        Map<String, BigDecimal> multiplierByRule = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            BigDecimal sku = line.sku() == null ? null : program.earning().skuMultipliers().get(line.sku());
            BigDecimal category = line.category() == null ? null
                    : program.earning().categoryMultipliers().get(line.category());
            BigDecimal m = sku != null ? sku : category;
            if (m != null && m.compareTo(BigDecimal.ONE) != 0) {
                String key = (sku != null ? "sku:" + line.sku() : "category:" + line.category());
                multiplierByRule.put(key, m);
                amountByRule.merge(key, line.amount().multiply(rate).multiply(scale), BigDecimal::add);
            }
        }
        BigDecimal base = total.subtract(amountByRule.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal purchase = base.multiply(perUnit);
        if (base.signum() > 0 || amountByRule.isEmpty()) {
            parts.add(new Part(EarnLine.Kind.BASE, null, purchase,
                    money(base) + " x " + plain(perUnit) + " points per unit"));
        }
        for (Map.Entry<String, BigDecimal> rule : amountByRule.entrySet()) {
            String key = rule.getKey();
            boolean isSku = key.startsWith("sku:");
            String ref = key.substring(key.indexOf(':') + 1);
            BigDecimal m = multiplierByRule.get(key);
            BigDecimal exact = rule.getValue().multiply(perUnit).multiply(m);
            parts.add(new Part(isSku ? EarnLine.Kind.SKU : EarnLine.Kind.CATEGORY, ref, exact,
                    (isSku ? "SKU " : "category ") + ref + " x" + plain(m) + " on " + money(rule.getValue())));
            purchase = purchase.add(exact);
        }
        return purchase;
    }

    private void tierPart(String tier, BigDecimal purchase, List<Part> parts) {
        Tiers.TierLevel level = program.tiers().level(tier).orElse(program.tiers().lowest());
        if (level.multiplier().compareTo(BigDecimal.ONE) != 0) {
            parts.add(new Part(EarnLine.Kind.TIER, level.name(),
                    purchase.multiply(level.multiplier().subtract(BigDecimal.ONE)),
                    level.name() + " tier x" + plain(level.multiplier())));
        }
    }

    private Part campaignPart(Campaign campaign, BigDecimal purchase, MemberContext member,
                              Map<String, Long> grantedElsewhere, BigDecimal share) {
        BigDecimal points = BigDecimal.valueOf(campaign.bonusPoints());
        StringBuilder why = new StringBuilder("campaign ").append(campaign.name());
        if (campaign.multiplier() != null) {
            points = points.add(purchase.multiply(campaign.multiplier().subtract(BigDecimal.ONE)));
            why.append(" x").append(plain(campaign.multiplier()));
        }
        if (campaign.bonusPoints() != 0) {
            why.append(" +").append(campaign.bonusPoints()).append(" bonus");
        }
        Long limit = null;
        if (campaign.perMemberCap() != null) {
            long left = Math.max(0, campaign.perMemberCap()
                    - member.campaignPointsGranted().getOrDefault(campaign.id(), 0L));
            if (points.compareTo(BigDecimal.valueOf(left)) > 0) {
                points = BigDecimal.valueOf(left);
                why.append(" (limited to ").append(campaign.perMemberCap()).append(" per member, ").append(left)
                        .append(" left)");
            }
            limit = Math.max(0, campaign.perMemberCap() - grantedElsewhere.getOrDefault(campaign.id(), 0L));
        }
        return new Part(EarnLine.Kind.CAMPAIGN, campaign.id(), points, why.toString(), limit);
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

    private String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " " + program.currency();
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    /**
     * What one part is worth on the whole order, unrounded, and the most it may give now (a campaign cap's room),
     * null for no limit. Its points are rounded once, after the kept share is applied.
     */
    private record Part(EarnLine.Kind kind, String ref, BigDecimal exact, String why, Long limit) {
        Part(EarnLine.Kind kind, String ref, BigDecimal exact, String why) {
            this(kind, ref, exact, why, null);
        }

        EarnLine kept(BigDecimal share, RoundingMode rounding, Order order) {
            long whole = exact.setScale(0, rounding).longValueExact();
            long points = share.compareTo(BigDecimal.ONE) == 0 ? whole
                    : exact.multiply(share).setScale(0, rounding).longValueExact();
            String reason = why + ": " + whole;
            if (share.compareTo(BigDecimal.ONE) != 0) {
                reason += ", " + order.keptAmount().toPlainString() + " of " + order.total().toPlainString()
                        + " " + order.currency() + " kept: " + points;
            }
            if (limit != null && points > limit) {
                points = limit;
                reason += " (" + limit + " left under the per-member cap)";
            }
            return new EarnLine(kind, ref, points, reason);
        }
    }
}
