package io.loyaltybridge.sync;

import io.loyaltybridge.domain.Conflict;
import io.loyaltybridge.domain.InvalidInput;
import io.loyaltybridge.domain.NotFound;
import io.loyaltybridge.domain.Violation;
import io.loyaltybridge.domain.feedback.AnswerRules;
import io.loyaltybridge.domain.feedback.SurveyType;
import io.loyaltybridge.domain.member.MemberId;
import io.loyaltybridge.domain.notify.RecordingTiers;
import io.loyaltybridge.domain.program.Program;
import io.loyaltybridge.domain.program.tiers.TierUpgrades;
import io.loyaltybridge.store.PgDeadLetters;
import io.loyaltybridge.store.PgErasure;
import io.loyaltybridge.store.PgFeedback;
import io.loyaltybridge.store.PgMemberActivity;
import io.loyaltybridge.store.PgMemberTiers;
import io.loyaltybridge.store.Transactions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The feedback store behind {@link FeedbackSink}: a batch of answers is checked, matched to members, stored and
 * rewarded set-wise ({@link FeedbackSettlement}), in one transaction with the stream's cursor. An answer whose contact
 * is not a member yet is dead-lettered waiting for that contact and replayed when it arrives, as orders are; an
 * invalid one is dead-lettered with its reason; one of an erased contact is dropped, as nothing may link the person
 * to a member again.
 */
public final class FeedbackIngest implements FeedbackSink {
    /** The source of answers posted through the API. */
    public static final String API = "api";
    private final Transactions tx;
    private final SyncStores stores;
    private final PgFeedback answers;
    private final PgErasure erasure;
    private final FeedbackSettlement settlement;
    private final Clock clock;

    public FeedbackIngest(Transactions tx, SyncStores stores, Program program, Clock clock) {
        this.tx = tx;
        this.stores = stores;
        this.answers = new PgFeedback(tx);
        this.erasure = new PgErasure(tx);
        // Its own view of the tiers, recording tier_up events into the stores' events, as a settled batch does.
        TierUpgrades upgrades = new TierUpgrades(program, new RecordingTiers(new PgMemberTiers(tx), program.tiers(),
                stores.events(), clock), new PgMemberActivity(tx, program), clock);
        this.settlement = new FeedbackSettlement(answers, stores, program, upgrades, clock);
        this.clock = clock;
    }

    @Override
    public IngestReport apply(List<InboundFeedback> batch, SourceCursor cursor) {
        return tx.inTransaction(() -> {
            IngestReport report;
            try {
                report = tx.inSavepoint(() -> take(batch));
            } catch (RuntimeException reason) {
                if (Failures.classify(reason) == ErrorClass.RETRIABLE) {
                    throw reason;
                }
                // Something the database refused: each answer alone, the failing one dead-lettered.
                report = IngestReport.NONE;
                for (InboundFeedback answer : batch) {
                    report = report.plus(one(answer));
                }
            }
            if (cursor != null) {
                stores.sources().advance(cursor.system(), cursor.object(), cursor.watermark(), report.taken());
            }
            return report;
        });
    }

    /** What a post did: the stored answer, and whether this call stored it (false: the key's earlier answer). */
    public record Posted(PgFeedback.Answer answer, boolean created) {
    }

    /**
     * An answer posted through the API for a member we know: stored and rewarded as a CRM's would be, under the
     * source {@code api} and the caller's idempotency key. The same key again answers with the earlier answer; the
     * same key for a different answer is a Conflict.
     */
    public Posted post(MemberId member, String idempotencyKey, String surveyId, String surveyName, String type,
                       BigDecimal score, String comment, Instant submittedAt) {
        List<Violation> problems = AnswerRules.violations(surveyId, type, score, comment, submittedAt, clock.instant());
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        String key = member.value() + ":" + idempotencyKey;
        return tx.inTransaction(() -> {
            if (!answers.isLive(member)) {
                throw new NotFound("no member with id " + member);
            }
            PgFeedback.Row row = row(member, new InboundFeedback(API, key, null, surveyId, surveyName, type, score,
                    null, comment, submittedAt, null));
            boolean created = !settlement.store(List.of(row)).isEmpty();
            PgFeedback.Answer stored = answers.byKey(API, key).orElseThrow();
            if (!created && !sameAnswer(stored, row)) {
                throw new Conflict("idempotency_key_reused", "idempotency key '" + idempotencyKey
                        + "' was used for another answer (" + stored.surveyId() + ", " + stored.surveyType() + ")");
            }
            return new Posted(stored, created);
        });
    }

    private static boolean sameAnswer(PgFeedback.Answer a, PgFeedback.Row r) {
        return a.surveyId().equals(r.surveyId()) && a.surveyType().equals(r.surveyType())
                && (a.score() == null ? r.score() == null : r.score() != null && a.score().compareTo(r.score()) == 0)
                && java.util.Objects.equals(a.comment(), r.comment()) && a.submittedAt().equals(r.submittedAt());
    }

    /** One answer alone, behind a savepoint: a permanent failure becomes its dead letter. */
    IngestReport one(InboundFeedback answer) {
        try {
            return tx.inSavepoint(() -> take(List.of(answer)));
        } catch (RuntimeException failure) {
            if (Failures.classify(failure) == ErrorClass.RETRIABLE) {
                throw failure;
            }
            stores.deadLetters().addAll(List.of(letter(answer, failure, null)));
            return new IngestReport(0, 0, 1);
        }
    }

    private IngestReport take(List<InboundFeedback> batch) {
        Instant now = clock.instant();
        Map<String, InboundFeedback> latest = new LinkedHashMap<>();
        List<PgDeadLetters.NewLetter> letters = new ArrayList<>();
        int skipped = 0;
        for (InboundFeedback answer : batch) {
            List<Violation> problems = problems(answer, now);
            if (!problems.isEmpty()) {
                letters.add(letter(answer, new InvalidInput(problems), null));
                continue;
            }
            // The same record twice in a batch (an overlapping re-read): the newer copy is the one to store.
            InboundFeedback before = latest.put(answer.system() + "\n" + answer.externalId(), answer);
            if (before != null) {
                skipped++;
                if (isNewer(before, answer)) {
                    latest.put(answer.system() + "\n" + answer.externalId(), before);
                }
            }
        }
        List<InboundFeedback> valid = new ArrayList<>(latest.values());
        Map<String, MemberId> members = answers.members(valid.stream().map(InboundFeedback::system).toList(),
                valid.stream().map(InboundFeedback::contactExternalId).toList());
        Set<String> erased = erased(valid, members);
        List<PgFeedback.Row> rows = new ArrayList<>();
        for (InboundFeedback answer : valid) {
            String contact = answer.system() + "\n" + answer.contactExternalId();
            MemberId member = members.get(contact);
            if (member == null && erased.contains(contact)) {
                skipped++;
            } else if (member == null) {
                letters.add(letter(answer, new Failures.UnknownContact("contact " + answer.contactExternalId()
                        + " of feedback " + answer.externalId() + " has not been synced"),
                        InboundContact.waitKey(answer.system(), answer.contactExternalId())));
            } else {
                rows.add(row(member, answer));
            }
        }
        int stored = settlement.store(rows).size();
        stores.deadLetters().addAll(letters);
        return new IngestReport(stored, skipped + rows.size() - stored, letters.size());
    }

    static PgFeedback.Row row(MemberId member, InboundFeedback a) {
        String type = SurveyType.of(a.surveyType()).orElseThrow().name();
        return new PgFeedback.Row(member, a.system(), a.externalId(), a.surveyId().strip(), a.surveyName(), type,
                a.score(), a.sentiment(), a.comment(), a.submittedAt(), a.modifiedAt());
    }

    private static List<Violation> problems(InboundFeedback a, Instant now) {
        List<Violation> problems = new ArrayList<>(AnswerRules.violations(a.surveyId(), a.surveyType(), a.score(),
                a.comment(), a.submittedAt(), now));
        if (a.system() == null || a.externalId() == null || a.externalId().isBlank()) {
            problems.add(new Violation("externalId", "is required"));
        }
        if (a.contactExternalId() == null || a.contactExternalId().isBlank()) {
            problems.add(new Violation("contact", "is required"));
        }
        return problems;
    }

    private static boolean isNewer(InboundFeedback a, InboundFeedback b) {
        return a.modifiedAt() != null && (b.modifiedAt() == null || a.modifiedAt().isAfter(b.modifiedAt()));
    }

    /** The batch's contacts without a member that were erased, as "system\ncontact": one query per CRM. */
    private Set<String> erased(List<InboundFeedback> valid, Map<String, MemberId> members) {
        Map<String, List<String>> unknown = new LinkedHashMap<>();
        valid.stream().filter(a -> !members.containsKey(a.system() + "\n" + a.contactExternalId()))
                .forEach(a -> unknown.computeIfAbsent(a.system(), s -> new ArrayList<>()).add(a.contactExternalId()));
        Set<String> erased = new LinkedHashSet<>();
        unknown.forEach((system, contacts) -> erasure.erasedAmong(system, contacts)
                .forEach(contact -> erased.add(system + "\n" + contact)));
        return erased;
    }

    private static PgDeadLetters.NewLetter letter(InboundFeedback answer, RuntimeException failure,
                                                  String waitingFor) {
        return new PgDeadLetters.NewLetter(answer.system() == null ? "unknown" : answer.system(), "inbound",
                "feedback", answer.externalId() == null ? "(none)" : answer.externalId(), InboundJson.write(answer),
                Failures.code(failure), Failures.message(failure), waitingFor);
    }
}
