package io.loyaltybridge.domain.program.contests;

import io.loyaltybridge.domain.program.badges.GrantedBadges;

/** What the contest close job works with besides the ledger: the standings, the prizes granted, the badges held. */
public record ContestPorts(ContestStandings standings, ContestPrizes prizes, GrantedBadges badges) {
}
