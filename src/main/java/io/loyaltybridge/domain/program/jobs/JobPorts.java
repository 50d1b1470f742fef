package io.loyaltybridge.domain.program.jobs;

import io.loyaltybridge.domain.Progress;
import io.loyaltybridge.domain.UnitOfWork;
import io.loyaltybridge.domain.ledger.LedgerEntries;
import io.loyaltybridge.domain.ledger.LedgerService;
import io.loyaltybridge.domain.member.Members;
import io.loyaltybridge.domain.order.Orders;
import io.loyaltybridge.domain.program.segments.SegmentStore;
import io.loyaltybridge.domain.program.tiers.MemberActivity;
import io.loyaltybridge.domain.program.tiers.MemberTiers;

/** What the scheduled jobs work through, handed over together. */
public record JobPorts(UnitOfWork unitOfWork, Members members, LedgerEntries ledger, MemberTiers tiers,
                       MemberActivity activity, Orders orders, LedgerService ledgerService, JobRuns runs,
                       SegmentStore segments, Progress.Board progress) {
}
