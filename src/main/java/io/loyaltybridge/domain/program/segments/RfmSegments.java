package io.loyaltybridge.domain.program.segments;

import java.util.List;

/**
 * The RFM segment table. R is the recency score, FM the rounded mean of frequency and monetary scores; the first
 * matching row wins and the rows cover every combination.
 * <pre>
 * segment              R      FM
 * champions            4-5    4-5
 * loyal                3      4-5
 * can't lose           1-2    5
 * at risk              1-2    3-4
 * new                  4-5    1
 * potential loyalist   3-5    1-3   (R 3 with FM 1 included)
 * hibernating          2      1-2
 * lost                 1      1-2
 * </pre>
 */
public final class RfmSegments {
    public static final String CHAMPIONS = "champions";
    public static final String LOYAL = "loyal";
    public static final String CANT_LOSE = "cant-lose";
    public static final String AT_RISK = "at-risk";
    public static final String NEW = "new";
    public static final String POTENTIAL_LOYALIST = "potential-loyalist";
    public static final String HIBERNATING = "hibernating";
    public static final String LOST = "lost";
    public static final List<String> ALL = List.of(CHAMPIONS, LOYAL, CANT_LOSE, AT_RISK, NEW, POTENTIAL_LOYALIST,
            HIBERNATING, LOST);

    private RfmSegments() {
    }

    public static String segmentOf(RfmScore score) {
        int r = score.recency();
        int fm = score.frequencyMonetary();
        if (r >= 4 && fm >= 4) {
            return CHAMPIONS;
        }
        if (r == 3 && fm >= 4) {
            return LOYAL;
        }
        if (r <= 2 && fm == 5) {
            return CANT_LOSE;
        }
        if (r <= 2 && fm >= 3) {
            return AT_RISK;
        }
        if (r >= 4 && fm == 1) {
            return NEW;
        }
        if (r >= 3) {
            return POTENTIAL_LOYALIST;
        }
        return r == 2 ? HIBERNATING : LOST;
    }
}
