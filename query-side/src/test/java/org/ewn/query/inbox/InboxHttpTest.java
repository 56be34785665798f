package org.ewn.query.inbox;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.ewn.query.EmbeddedMongo;
import org.ewn.query.directory.SigningKeys;
import com.mongodb.client.MongoDatabase;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.ewn.access.Account;
import org.ewn.access.NetworkUser;
import org.ewn.access.Role;
import org.ewn.api.audit.RecordViewed;
import org.ewn.api.member.AgencyCode;
import org.ewn.config.ProblemAdvice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.method.annotation.AuthenticationPrincipalArgumentResolver;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ewn.query.inbox.AlertScenario.LATER;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The inbox as clients see it: parameters, JSON field names and RFC 9457 problems for bad values. */
class InboxHttpTest {

    private static final EmbeddedMongo MONGO = new EmbeddedMongo();
    private static final AlertScenario SCENARIO = new AlertScenario();
    /** The log the controller records its reads in; it holds none of the scenario's events. */
    private static final EventStore READS = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private static final MockMvc HTTP = http();

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void filtersArePassedAsRepeatableParametersAndThePageSaysTheTotal() throws Exception {
        as("kz-officer", "KZ-MVD", get("/api/v1/inbox").param("state", "UNACKNOWLEDGED", "ACKNOWLEDGED")
                .param("precedence", "ROUTINE,FLASH").param("q", "A").param("size", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.alerts", hasSize(1)))
                .andExpect(jsonPath("$.alerts[0].alertId").value(SCENARIO.phishing.toString()))
                .andExpect(jsonPath("$.alerts[0].withdrawal.reason").value("Sent in error"));
        as("kz-officer", "KZ-MVD", get("/api/v1/inbox").param("state", "OVERDUE")
                .param("from", "2026-11-26T10:00:00Z").param("to", "2026-11-26T10:01:00Z")
                .param("category", "TERRORIST_THREAT").param("status", "ACTUAL").param("marking", "RED"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.alerts[0].text").value("All clear at the station"))
                .andExpect(jsonPath("$.alerts[0].board[0].state").value("OVERDUE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"state=LATE", "precedence=URGENT", "category=weather", "status=REAL",
            "marking=WHITE", "marking=RED,TLP", "from=yesterday", "to=2026-13-01T00:00:00Z",
            "from=2026-11-26T10:00:00Z&to=2026-11-26T10:00:00Z", "size=0", "size=201", "page=-1",
            "page=first", "box=outbox"})
    void badValuesAreInvalidRequestProblems(String query) throws Exception {
        as("kz-officer", "KZ-MVD", get("/api/v1/inbox?" + query))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:ewn:problem:invalid-request"))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    @Test
    void theSentBoxListsTheAlertsTheMembersAgenciesRaised() throws Exception {
        as("kg-officer", "KG-GKNB", get("/api/v1/inbox").param("box", "sent"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.alerts[0].alertId").value(SCENARIO.phishing.toString()));
        as("kg-officer", "KG-GKNB", get("/api/v1/inbox"))
                .andExpect(jsonPath("$.alerts[*].alertId").value(not(hasItem(SCENARIO.phishing.toString()))));
    }

    @Test
    void openingAnAlertIsRecordedInTheLogShownOrNot() throws Exception {
        as("kg-officer", "KG-GKNB", get("/api/v1/inbox/alerts/" + SCENARIO.phishing)).andExpect(status().isOk());
        as("tj-officer", "TJ-KNB", get("/api/v1/inbox/alerts/" + SCENARIO.phishing)).andExpect(status().isNotFound());

        List<RecordViewed> viewed;
        try (var stream = READS.openStream(null)) {
            viewed = new ArrayList<>();
            while (stream.hasNextAvailable()) {
                if (stream.nextAvailable().getPayload() instanceof RecordViewed record
                    && record.recordId().equals(SCENARIO.phishing.toString())) {
                    viewed.add(record);
                }
            }
        }
        assertThat(viewed).extracting(RecordViewed::username, RecordViewed::kind, RecordViewed::shown)
                .containsSubsequence(tuple("kg-officer", "alert", true), tuple("tj-officer", "alert", false));
        assertThat(viewed).allSatisfy(record -> assertThat(record.viewedAt()).isNotNull());
    }

    @Test
    void emptyParametersAsAFormSendsThemFilterNothing() throws Exception {
        as("kz-officer", "KZ-MVD", get("/api/v1/inbox").param("state", "").param("precedence", "")
                .param("from", "").param("to", " ").param("q", "  "))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3));
    }

    @Test
    void aBadValueIsNamedWithWhatTheParameterTakes() throws Exception {
        as("kz-officer", "KZ-MVD", get("/api/v1/inbox").param("precedence", "URGENT"))
                .andExpect(jsonPath("$.detail").value(containsString("'precedence' takes [FLASH, IMMEDIATE")));
        as("kz-officer", "KZ-MVD", get("/api/v1/inbox").param("q", "x".repeat(201)))
                .andExpect(jsonPath("$.detail").value(containsString("1 to 200 characters")));
    }

    @Test
    void theDetailHasTheAlertsFieldsAtTheTopAndItsHistory() throws Exception {
        as("uz-officer", "UZ-SNB", get("/api/v1/inbox/alerts/" + SCENARIO.bombThreat))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.alertId").value(SCENARIO.bombThreat.toString()))
                .andExpect(jsonPath("$.title").value("Bomb threat at Almaty station"))
                .andExpect(jsonPath("$.text").value("All clear at the station"))
                .andExpect(jsonPath("$.acknowledgements[*].member").value(contains("UZ")))
                .andExpect(jsonPath("$.alert").doesNotExist())
                .andExpect(jsonPath("$.history[*].kind").value(contains("RAISED", "ACKNOWLEDGED", "FOLLOWED_UP",
                        "FOLLOWED_UP", "SHARING_REQUESTED", "SHARING_DECIDED")))
                .andExpect(jsonPath("$.history[0].text").value("A suspicious bag on platform 2"))
                .andExpect(jsonPath("$.history[0].at").value("2026-11-26T10:00:00Z"))
                .andExpect(jsonPath("$.history[0].number").doesNotExist())
                .andExpect(jsonPath("$.history[3].number").value(2))
                .andExpect(jsonPath("$.history[4].recipients").value("the city police"))
                .andExpect(jsonPath("$.history[5].granted").value(true))
                .andExpect(jsonPath("$.history[5].requestId").value(SCENARIO.uzbekRequest.toString()));
    }

    @Test
    void eachStepSaysWhetherItsSignatureHoldsAndTheHubsEscalationIsTheHubs() throws Exception {
        as("kg-officer", "KG-KNB", get("/api/v1/inbox/alerts/" + SCENARIO.bombThreat))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.history[0].kind").value("RAISED"))
                .andExpect(jsonPath("$.history[0].signature.status").value("FAILED"))
                .andExpect(jsonPath("$.history[0].signature.reason").value(
                        "The log holds no signed submission for this step"))
                .andExpect(jsonPath("$.history[?(@.kind == 'ESCALATED')].signature.status").value(contains("HUB")))
                .andExpect(jsonPath("$.history[?(@.kind == 'ESCALATED')].signature.agency").isEmpty());
    }

    @Test
    void statisticsCoverFourteenDaysUnlessAskedForUpToNinety() throws Exception {
        as("kg-officer", "KG-KNB", get("/api/v1/inbox/statistics"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-11-13T00:00:00Z"))
                .andExpect(jsonPath("$.byDay", hasSize(14)))
                .andExpect(jsonPath("$.byDay[13].day").value("2026-11-26"))
                .andExpect(jsonPath("$.byDay[13].byPrecedence.FLASH").value(1))
                .andExpect(jsonPath("$.byDay[13].byCategory.TERRORIST_THREAT").value(1))
                .andExpect(jsonPath("$.acknowledgement.FLASH.count").value(0))
                .andExpect(jsonPath("$.unacknowledged").value(1))
                .andExpect(jsonPath("$.overdue").value(1));
        as("kg-officer", "KG-KNB", get("/api/v1/inbox/statistics").param("days", "90"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.byDay", hasSize(90)));
        for (String days : List.of("0", "91", "two")) {
            as("kg-officer", "KG-KNB", get("/api/v1/inbox/statistics").param("days", days))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("urn:ewn:problem:invalid-request"));
        }
    }

    @Test
    void anAlertNotForTheCallersMemberIsNotFound() throws Exception {
        as("tj-officer", "TJ-DEMO", get("/api/v1/inbox/alerts/" + SCENARIO.bombThreat))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:ewn:problem:not-found"));
    }

    private static ResultActions as(String username, String agency,
                                    org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        NetworkUser user = new NetworkUser(new Account(username, "{noop}secret", new AgencyCode(agency),
                                                       Set.of(Role.OFFICER), false));
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        return HTTP.perform(request);
    }

    private static MockMvc http() {
        MongoDatabase database = MONGO.freshDatabase();
        SCENARIO.log.projectInto(new InboxProjection(database));
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new InboxQueries(database, Clock.fixed(LATER, ZoneOffset.UTC)))
                .subscribe(bus);
        // a log without the scenario's envelopes: every signed step fails its check, the hub's are the hub's
        InboxController controller = new InboxController(DefaultQueryGateway.builder().queryBus(bus).build(),
                new StepSignatures(READS, new SigningKeys(database)), new ReadsLog(READS));
        return MockMvcBuilders.standaloneSetup(controller).setControllerAdvice(new ProblemAdvice())
                .setCustomArgumentResolvers(new AuthenticationPrincipalArgumentResolver()).build();
    }
}
