package io.loyaltybridge.domain.program;

/** The points leaderboard: points earned within the current {@code period}, top {@code size} members. */
public record Leaderboard(CalendarPeriod period, int size) {
}
