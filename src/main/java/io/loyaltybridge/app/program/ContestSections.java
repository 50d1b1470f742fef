package io.loyaltybridge.app.program;

import io.loyaltybridge.domain.program.contests.Contest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code contests:}; cross-section names (tiers, segments) are checked by {@link References}. */
final class ContestSections {
    /** Names go into URLs and ledger operation keys, so they are kept to a safe, readable alphabet. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern BADGE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** The one tie rule: of two members with the same value, the one whose running total got there first wins. */
    enum TieBreak { EARLIER_TO_REACH }

    private ContestSections() {
    }

    static List<Contest> contests(List<Section> items, ZoneId zone) {
        List<Contest> contests = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Section c : items) {
            String name = c.text("name", true, "contest" + contests.size());
            if (!NAME.matcher(name).matches()) {
                c.problem("name", "must be 1 to 64 lower-case letters, digits or '-' (it is used in URLs and keys)");
            } else if (!names.add(name)) {
                c.problem("name", "duplicates another contest's name");
            }
            String description = c.text("description", false, name);
            Instant start = moment(c, "start", zone, false);
            Instant end = moment(c, "end", zone, true);
            if (start != null && end != null && !end.isAfter(start)) {
                c.problem("end", "must be after start");
            }
            Contest.Measure measure = c.choice("measure", Contest.Measure.class, true, Contest.Measure.POINTS);
            List<String> tiers = new ArrayList<>();
            List<String> segments = new ArrayList<>();
            if (c.has("participants")) {
                Section p = c.object("participants", false);
                tiers.addAll(p.texts("tiers"));
                segments.addAll(p.texts("segments"));
                p.done();
            }
            BigDecimal minimum = c.decimal("minimum", false, BigDecimal.ZERO, BigDecimal.ZERO, false);
            if (measure != Contest.Measure.SPEND && minimum.stripTrailingZeros().scale() > 0) {
                c.problem("minimum", "must be a whole number for the measure " + measure.wireName());
            }
            c.choice("tieBreak", TieBreak.class, false, TieBreak.EARLIER_TO_REACH);
            List<Contest.Prize> prizes = prizes(c);
            contests.add(new Contest(name, description, start == null ? Instant.EPOCH : start,
                    end == null ? Instant.EPOCH.plusSeconds(1) : end, measure, ProgramSections.set(tiers),
                    ProgramSections.set(segments), minimum, prizes));
            c.done();
        }
        return contests;
    }

    private static List<Contest.Prize> prizes(Section contest) {
        List<Contest.Prize> prizes = new ArrayList<>();
        List<Section> items = contest.objects("prizes", true);
        if (items.isEmpty() && contest.has("prizes")) {
            contest.problem("prizes", "needs at least one prize");
        }
        for (Section p : items) {
            int from = (int) p.whole("rank", true, 1, 1, 10_000);
            int to = (int) p.whole("toRank", false, from, 1, 10_000);
            if (to < from) {
                p.problem("toRank", "must not be below rank");
                to = from;
            }
            long points = p.whole("points", false, 0, 0, 10_000_000);
            String badge = p.text("badge", false, null);
            if (badge != null && !BADGE.matcher(badge).matches()) {
                p.problem("badge", "must be 1 to 64 letters, digits, '.', '_' or '-'");
            }
            if (points == 0 && badge == null) {
                p.problem(null, "a prize needs points, a badge or both");
            }
            for (Contest.Prize other : prizes) {
                if (from <= other.toRank() && to >= other.fromRank()) {
                    p.problem("rank", "ranks " + from + "-" + to + " overlap another prize's ranks "
                            + other.fromRank() + "-" + other.toRank());
                }
            }
            prizes.add(new Contest.Prize(from, to, points, badge));
            p.done();
        }
        return prizes;
    }

    /**
     * A date (the start of that day, or for {@code end} the start of the next: an end date is the last day in) or a
     * date and time, with an offset or in the program time zone.
     */
    private static Instant moment(Section s, String key, ZoneId zone, boolean end) {
        String text = s.text(key, true, null);
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*T.*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            s.problem(key, "must be a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM, optionally with an"
                    + " offset such as Z or +02:00)");
            return null;
        }
    }
}
