package org.ewn.query.inbox;

import org.ewn.query.EmbeddedMongo;
import com.mongodb.client.MongoDatabase;
import org.ewn.api.alert.AlertId;
import org.ewn.api.inbox.AddresseeState;
import org.ewn.api.inbox.FindInbox;
import org.ewn.api.inbox.FindInboxAlert;
import org.ewn.api.inbox.InboxAcknowledgement;
import org.ewn.api.inbox.InboxAlert;
import org.ewn.api.inbox.InboxAlertDetail;
import org.ewn.api.inbox.InboxFilter;
import org.ewn.api.inbox.InboxPage;
import org.ewn.api.inbox.InboxStep;
import org.ewn.api.inbox.InboxStep.Kind;
import org.ewn.api.member.MemberCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.ewn.api.alert.AlertCategory.CYBER_INCIDENT;
import static org.ewn.api.alert.AlertCategory.MISSING_OR_AT_RISK_CHILD;
import static org.ewn.api.alert.AlertCategory.WANTED_PERSON;
import static org.ewn.api.alert.AlertStatus.ACTUAL;
import static org.ewn.api.alert.AlertStatus.EXERCISE;
import static org.ewn.api.alert.AlertStatus.TEST;
import static org.ewn.api.alert.HandlingMarking.AMBER;
import static org.ewn.api.alert.HandlingMarking.CLEAR;
import static org.ewn.api.alert.HandlingMarking.GREEN;
import static org.ewn.api.alert.HandlingMarking.RED;
import static org.ewn.api.alert.Precedence.FLASH;
import static org.ewn.api.alert.Precedence.IMMEDIATE;
import static org.ewn.api.alert.Precedence.PRIORITY;
import static org.ewn.api.alert.Precedence.ROUTINE;
import static org.ewn.api.inbox.InboxState.ACKNOWLEDGED;
import static org.ewn.api.inbox.InboxState.EXPIRED;
import static org.ewn.api.inbox.InboxState.OVERDUE;
import static org.ewn.api.inbox.InboxState.UNACKNOWLEDGED;
import static org.ewn.api.inbox.InboxState.WITHDRAWN;
import static org.ewn.query.inbox.AlertScenario.EARLY;
import static org.ewn.query.inbox.AlertScenario.KG;
import static org.ewn.query.inbox.AlertScenario.KZ;
import static org.ewn.query.inbox.AlertScenario.LATER;
import static org.ewn.query.inbox.AlertScenario.TJ;
import static org.ewn.query.inbox.AlertScenario.UZ;
import static org.ewn.query.inbox.AlertScenario.at;
import static org.ewn.query.inbox.Where.where;

/** What each member finds in its inbox and in an alert's history, after {@link AlertScenario}. */
class InboxQueriesTest {

    private static final EmbeddedMongo MONGO = new EmbeddedMongo();
    private static final AlertScenario SCENARIO = new AlertScenario();
    private static final MongoDatabase PROJECTED = project();

    private final AlertId bombThreat = SCENARIO.bombThreat;
    private final AlertId phishing = SCENARIO.phishing;
    private final AlertId missingChild = SCENARIO.missingChild;

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Test
    void anInboxIsNewestFirstInPagesThatSayHowManyAlertsMatch() {
        InboxPage first = inbox(KZ, LATER, InboxFilter.ALL, 0, 2);
        assertThat(ids(first)).containsExactly(missingChild, phishing);
        assertThat(first.total()).isEqualTo(3);
        assertThat(ids(inbox(KZ, LATER, InboxFilter.ALL, 1, 2))).containsExactly(bombThreat);
        InboxPage beyond = inbox(KZ, LATER, InboxFilter.ALL, 5, 2);
        assertThat(beyond.alerts()).isEmpty();
        assertThat(beyond.total()).isEqualTo(3);
        assertThat(ids(inbox(UZ, LATER, InboxFilter.ALL, 0, 50))).containsExactly(phishing, bombThreat);
        assertThat(ids(inbox(KG, LATER, InboxFilter.ALL, 0, 50))).containsExactly(bombThreat);
        assertThat(inbox(TJ, LATER, InboxFilter.ALL, 0, 50).total()).isZero();
    }

    @Test
    void acknowledgementStatesAreTheViewingMembersOwn() {
        assertThat(ids(KZ, LATER, where().state(UNACKNOWLEDGED))).containsExactly(phishing);
        assertThat(ids(KZ, LATER, where().state(ACKNOWLEDGED))).containsExactly(missingChild, bombThreat);
        assertThat(ids(UZ, LATER, where().state(ACKNOWLEDGED))).containsExactly(bombThreat);
        assertThat(ids(KG, LATER, where().state(UNACKNOWLEDGED))).containsExactly(bombThreat);
        assertThat(ids(KZ, LATER, where().state(UNACKNOWLEDGED, ACKNOWLEDGED)))
                .containsExactly(missingChild, phishing, bombThreat);
    }

    @Test
    void overdueIsTheViewersOwnLatenessButAnyAddresseesForTheOriginatorsMember() {
        assertThat(ids(KG, LATER, where().state(OVERDUE))).as("KG never acknowledged").containsExactly(bombThreat);
        assertThat(ids(UZ, LATER, where().state(OVERDUE))).as("UZ acknowledged in time").isEmpty();
        assertThat(ids(KZ, LATER, where().state(OVERDUE))).as("KZ acknowledged, but raised it and KG is late")
                .containsExactly(bombThreat);
        assertThat(ids(KZ, EARLY, where().state(OVERDUE))).as("before the deadline").isEmpty();
        assertThat(ids(KG, EARLY, where().state(OVERDUE))).isEmpty();
    }

    @Test
    void withdrawnAndExpiredAlertsAreFoundByTheirState() {
        assertThat(ids(UZ, LATER, where().state(WITHDRAWN))).containsExactly(phishing);
        assertThat(ids(KZ, LATER, where().state(EXPIRED))).containsExactly(phishing);
        assertThat(ids(KZ, EARLY, where().state(EXPIRED))).as("valid for ten minutes").isEmpty();
        assertThat(ids(KG, LATER, where().state(WITHDRAWN, EXPIRED))).isEmpty();
    }

    @Test
    void precedenceCategoryStatusAndMarkingFilterEachAdmittingAnyOfTheirValues() {
        assertThat(ids(KZ, LATER, where().precedence(FLASH))).containsExactly(bombThreat);
        assertThat(ids(KZ, LATER, where().precedence(FLASH, PRIORITY))).containsExactly(missingChild, bombThreat);
        assertThat(ids(KZ, LATER, where().precedence(IMMEDIATE))).isEmpty();
        assertThat(ids(KZ, LATER, where().category(CYBER_INCIDENT, MISSING_OR_AT_RISK_CHILD)))
                .containsExactly(missingChild, phishing);
        assertThat(ids(KZ, LATER, where().category(WANTED_PERSON))).isEmpty();
        assertThat(ids(KZ, LATER, where().status(EXERCISE))).containsExactly(phishing);
        assertThat(ids(KZ, LATER, where().status(ACTUAL, TEST))).containsExactly(missingChild, bombThreat);
        assertThat(ids(KZ, LATER, where().marking(RED))).containsExactly(bombThreat);
        assertThat(ids(KZ, LATER, where().marking(GREEN, AMBER))).containsExactly(missingChild, phishing);
        assertThat(ids(KZ, LATER, where().marking(CLEAR))).isEmpty();
    }

    @Test
    void timeFiltersTakeAlertsRaisedFromInclusiveToExclusive() {
        assertThat(ids(KZ, LATER, where().from(at(1)))).containsExactly(missingChild, phishing);
        assertThat(ids(KZ, LATER, where().to(at(1)))).containsExactly(bombThreat);
        assertThat(ids(KZ, LATER, where().from(at(1)).to(at(2)))).containsExactly(phishing);
        assertThat(ids(KZ, LATER, where().from(at(3)))).isEmpty();
    }

    @Test
    void searchIgnoresCaseAndCoversTitleTextAndEveryFollowUp() {
        assertThat(ids(KZ, LATER, where().text("PHISHING"))).as("title").containsExactly(phishing);
        assertThat(ids(KZ, LATER, where().text("termez"))).as("text").containsExactly(missingChild);
        assertThat(ids(KZ, LATER, where().text("platform 2"))).as("text since superseded").containsExactly(bombThreat);
        assertThat(ids(KZ, LATER, where().text("Held Documents"))).as("superseded follow-up")
                .containsExactly(bombThreat);
        assertThat(ids(KG, LATER, where().text("all clear"))).as("latest follow-up").containsExactly(bombThreat);
        assertThat(ids(KZ, LATER, where().text("ministry"))).containsExactly(phishing);
        assertThat(ids(KZ, LATER, where().text("evacuation"))).as("sharing requests are not searched").isEmpty();
        assertThat(inbox(KZ, LATER, where().text("nowhere").filter(), 0, 50).total()).isZero();
    }

    @Test
    void criteriaCombineAndTheTotalCountsOnlyMatches() {
        InboxPage page = inbox(KZ, LATER, where().state(UNACKNOWLEDGED, ACKNOWLEDGED).precedence(ROUTINE, FLASH)
                .text("a").filter(), 0, 1);
        assertThat(ids(page)).containsExactly(phishing);
        assertThat(page.total()).isEqualTo(2);
        assertThat(ids(KZ, LATER, where().state(ACKNOWLEDGED).status(TEST).marking(AMBER).from(at(2))))
                .containsExactly(missingChild);
        assertThat(ids(KZ, LATER, where().state(WITHDRAWN).precedence(FLASH))).isEmpty();
        assertThat(ids(UZ, LATER, where().state(UNACKNOWLEDGED).text("bomb"))).isEmpty();
    }

    @Test
    void theInboxShowsTheLatestFollowUpsTextAndWhatTheViewerMaySeeOfAcknowledgements() {
        InboxAlert asOriginator = alert(KZ, bombThreat);
        assertThat(asOriginator.text()).isEqualTo("All clear at the station");
        assertThat(asOriginator.title()).isEqualTo("Bomb threat at Almaty station");
        assertThat(asOriginator.acknowledgements()).extracting(InboxAcknowledgement::member).containsExactly(UZ, KZ);
        assertThat(asOriginator.board()).extracting(AddresseeState::member, AddresseeState::state).containsExactly(
                tuple(KG, AddresseeState.State.OVERDUE), tuple(KZ, AddresseeState.State.ACKNOWLEDGED),
                tuple(UZ, AddresseeState.State.ACKNOWLEDGED));
        assertThat(alert(UZ, bombThreat).acknowledgements()).extracting(InboxAcknowledgement::member)
                .containsExactly(UZ);
        assertThat(alert(UZ, bombThreat).board()).isEmpty();
        assertThat(alert(KG, bombThreat).acknowledgements()).isEmpty();
        assertThat(alert(KG, bombThreat).text()).isEqualTo("All clear at the station");
    }

    @Test
    void theOriginatorsMemberSeesTheWholeHistoryInTheOrderOfTheLog() {
        InboxAlertDetail detail = detail(KZ, bombThreat).orElseThrow();
        assertThat(detail.alert().text()).isEqualTo("All clear at the station");
        assertThat(detail.history()).extracting(InboxStep::kind, InboxStep::member, InboxStep::number, InboxStep::text)
                .containsExactly(
                        tuple(Kind.RAISED, null, null, "A suspicious bag on platform 2"),
                        tuple(Kind.ACKNOWLEDGED, UZ, null, null),
                        tuple(Kind.FOLLOWED_UP, null, 1, "The bag held documents"),
                        tuple(Kind.FOLLOWED_UP, null, 2, "All clear at the station"),
                        tuple(Kind.SHARING_REQUESTED, UZ, null, null),
                        tuple(Kind.SHARING_DECIDED, UZ, null, null),
                        tuple(Kind.SHARING_REQUESTED, KG, null, null),
                        tuple(Kind.ACKNOWLEDGED, KZ, null, null),
                        tuple(Kind.ESCALATED, KG, null, null));
        assertThat(detail.history()).extracting(InboxStep::position).isSorted().doesNotHaveDuplicates();
        assertThat(detail.history()).extracting(InboxStep::at).containsExactly(at(0), at(3), at(4), at(5), at(6),
                at(7), at(8), at(11), at(16));
        InboxStep decided = detail.history().get(5);
        assertThat(decided.requestId()).isEqualTo(SCENARIO.uzbekRequest);
        assertThat(decided.granted()).isTrue();
        assertThat(decided.reason()).isEqualTo("For the evacuation only");
        assertThat(decided.agency().value()).isEqualTo("KZ-MVD");
        InboxStep requested = detail.history().get(6);
        assertThat(requested.requestId()).isEqualTo(SCENARIO.kyrgyzRequest);
        assertThat(requested.recipients()).isEqualTo("the press");
        assertThat(requested.purpose()).isEqualTo("a public warning");
        assertThat(requested.agency().value()).isEqualTo("KG-GKNB");
        assertThat(detail.history().get(8).agency()).as("the hub escalates, no agency").isNull();
    }

    @Test
    void anAddresseeSeesItsOwnAcknowledgementEscalationAndSharingRequestsOnly() {
        assertThat(kinds(UZ, bombThreat)).containsExactly(tuple(Kind.RAISED, null), tuple(Kind.ACKNOWLEDGED, UZ),
                tuple(Kind.FOLLOWED_UP, null), tuple(Kind.FOLLOWED_UP, null), tuple(Kind.SHARING_REQUESTED, UZ),
                tuple(Kind.SHARING_DECIDED, UZ));
        assertThat(kinds(KG, bombThreat)).containsExactly(tuple(Kind.RAISED, null), tuple(Kind.FOLLOWED_UP, null),
                tuple(Kind.FOLLOWED_UP, null), tuple(Kind.SHARING_REQUESTED, KG), tuple(Kind.ESCALATED, KG));
    }

    @Test
    void aWithdrawalIsInEveryAddresseesHistoryAndOthersLearnNothing() {
        for (MemberCode member : List.of(KZ, UZ, KG)) {
            assertThat(detail(member, phishing)).as(member.value()).isPresent().get()
                    .extracting(d -> d.history().get(d.history().size() - 1))
                    .extracting(InboxStep::kind, InboxStep::reason, InboxStep::at)
                    .containsExactly(Kind.WITHDRAWN, "Sent in error", at(9));
        }
        assertThat(detail(UZ, phishing).orElseThrow().alert().withdrawal().reason()).isEqualTo("Sent in error");
        assertThat(detail(TJ, bombThreat)).isEmpty();
        assertThat(detail(UZ, missingChild)).as("the originator's member, not addressed").isPresent();
        assertThat(detail(KG, missingChild)).isEmpty();
        assertThat(detail(KZ, new AlertId(java.util.UUID.randomUUID()))).isEmpty();
    }

    @Test
    void filtersRefuseEmptyTimeRangesAndBlankOrLongSearches() {
        assertThatThrownBy(() -> where().from(at(2)).to(at(2)).filter()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> where().text("  ").filter()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> where().text("x".repeat(201)).filter()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FindInbox(KZ, InboxFilter.ALL, 0, 201))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FindInbox(KZ, InboxFilter.ALL, -1, 50))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<org.assertj.core.groups.Tuple> kinds(MemberCode viewer, AlertId alertId) {
        return detail(viewer, alertId).orElseThrow().history().stream()
                .map(step -> tuple(step.kind(), step.member())).toList();
    }

    private InboxAlert alert(MemberCode viewer, AlertId alertId) {
        return inbox(viewer, LATER, InboxFilter.ALL, 0, 50).alerts().stream()
                .filter(a -> a.alertId().equals(alertId)).findFirst().orElseThrow();
    }

    private static List<AlertId> ids(MemberCode viewer, Instant now, Where where) {
        return ids(inbox(viewer, now, where.filter(), 0, 50));
    }

    private static List<AlertId> ids(InboxPage page) {
        return page.alerts().stream().map(InboxAlert::alertId).toList();
    }

    static InboxPage inbox(MemberCode viewer, Instant now, InboxFilter filter, int page, int size) {
        return queries(now).handle(new FindInbox(viewer, filter, page, size));
    }

    private static Optional<InboxAlertDetail> detail(MemberCode viewer, AlertId alertId) {
        return queries(LATER).handle(new FindInboxAlert(viewer, alertId));
    }

    private static InboxQueries queries(Instant now) {
        return new InboxQueries(PROJECTED, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static MongoDatabase project() {
        MongoDatabase database = MONGO.freshDatabase();
        SCENARIO.log.projectInto(new InboxProjection(database));
        return database;
    }
}
