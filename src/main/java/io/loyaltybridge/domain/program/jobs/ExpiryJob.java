package io.loyaltybridge.domain.program.jobs;

import io.loyaltybridge.domain.ledger.Account;
import io.loyaltybridge.domain.ledger.LedgerEntry;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.expiry.Expiry;
import io.loyaltybridge.domain.program.expiry.MemberExpiry;

import java.util.List;
import java.util.Map;

/** Expires due points for every member, a batch of members per transaction and per history query. */
final class ExpiryJob {
    private final Program program;
    private final JobPorts ports;
    private final MemberExpiry expiry;

    ExpiryJob(Program program, JobPorts ports, MemberExpiry expiry) {
        this.program = program;
        this.ports = ports;
        this.expiry = expiry;
    }

    int run() {
        if (program.expiry().model() == Expiry.ExpiryModel.NEVER) {
            return 0;
        }
        return MemberBatches.forEach(ports, "Points expiry", batch -> ports.unitOfWork().inTransaction(() -> {
            int members = 0;
            Map<MemberId, List<LedgerEntry>> history = ports.ledger().history(batch, Account.POINTS);
            for (Map.Entry<MemberId, List<LedgerEntry>> member : history.entrySet()) {
                members += expiry.expire(member.getKey(), member.getValue()) > 0 ? 1 : 0;
            }
            return members;
        }));
    }
}
