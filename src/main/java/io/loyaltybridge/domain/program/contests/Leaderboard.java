package io.loyaltybridge.domain.program.contests;

import io.loyaltybridge.domain.program.CalendarPeriod;

/** The points leaderboard: points earned within the current {@code period}, top {@code size} members. */
public record Leaderboard(CalendarPeriod period, int size) {
}
