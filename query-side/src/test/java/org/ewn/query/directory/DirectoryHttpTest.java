package org.ewn.query.directory;

import org.ewn.query.EmbeddedMongo;
import com.mongodb.client.MongoDatabase;
import org.ewn.config.ProblemAdvice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.time.Clock;
import java.time.ZoneOffset;

import static org.ewn.query.directory.MembershipHistory.NOW;
import static org.ewn.query.directory.MembershipHistory.keyId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The directory as clients see it: JSON field names, RFC 9457 problems, and GET only on paths shared with POST. */
class DirectoryHttpTest {

    private static final EmbeddedMongo MONGO = new EmbeddedMongo();
    private static final MembershipHistory HISTORY = new MembershipHistory();
    private static final MockMvc HTTP = http(HISTORY);

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Test
    void agencyIsJsonWithItsKeysAndTheirStatus() throws Exception {
        HTTP.perform(get("/api/v1/agencies/KZ-MVD"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.code").value("KZ-MVD"))
                .andExpect(jsonPath("$.member").value("KZ"))
                .andExpect(jsonPath("$.administrator").value(false))
                .andExpect(jsonPath("$.registeredAt").value("2025-02-05T09:00:00Z"))
                .andExpect(jsonPath("$.keys", hasSize(4)))
                .andExpect(jsonPath("$.keys[*].status").value(contains("ACTIVE", "ACTIVE", "REVOKED", "EXPIRED")))
                .andExpect(jsonPath("$.keys[2].keyId").value(keyId(HISTORY.compromisedKey)))
                .andExpect(jsonPath("$.keys[2].purpose").value("SIGNING"))
                .andExpect(jsonPath("$.keys[2].subject").value("CN=KZ-MVD,OU=KZ,O=EWN"))
                .andExpect(jsonPath("$.keys[2].revokedFrom").value("2026-03-01T00:00:00Z"))
                .andExpect(jsonPath("$.keys[2].revocationReason").value("private key compromised"))
                .andExpect(jsonPath("$.keys[0].purpose").value("ENCRYPTION"));
    }

    @Test
    void networkAndMembersAreJson() throws Exception {
        HTTP.perform(get("/api/v1/network"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("EWN"))
                .andExpect(jsonPath("$.root.certificate").value(MembershipHistory.base64(HISTORY.root)))
                .andExpect(jsonPath("$.root.fingerprint").isString())
                .andExpect(jsonPath("$.foundedAt").value("2025-02-01T09:00:00Z"));
        HTTP.perform(get("/api/v1/members"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code").value(contains("KZ", "UNOCT")))
                .andExpect(jsonPath("$[0].agencies").value(contains("KZ-ADMIN", "KZ-MVD")))
                .andExpect(jsonPath("$[1].kind").value("PARTNER_ORGANISATION"))
                .andExpect(jsonPath("$[1].suspended").value(true));
        HTTP.perform(get("/api/v1/members/KZ"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ca.subject").value("CN=Kazakhstan CA,OU=KZ,O=EWN"))
                .andExpect(jsonPath("$.agencies[*].code").value(contains("KZ-ADMIN", "KZ-MVD")));
        HTTP.perform(get("/api/v1/agencies").param("member", "EWN"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code").value(contains("EWN-ADMIN")));
    }

    @Test
    void unknownCodesAreNotFoundAndMalformedOnesInvalid() throws Exception {
        HTTP.perform(get("/api/v1/members/UZ"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:ewn:problem:not-found"));
        HTTP.perform(get("/api/v1/agencies/KZ-KNB"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:ewn:problem:not-found"));
        HTTP.perform(get("/api/v1/agencies/kz-mvd"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:ewn:problem:invalid-request"));
        HTTP.perform(get("/api/v1/agencies").param("member", "k"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:ewn:problem:invalid-request"));
    }

    @Test
    void postsOnTheSamePathsAreLeftToTheCommandSide() throws Exception {
        for (String path : new String[] {"/api/v1/network", "/api/v1/members", "/api/v1/agencies"}) {
            HTTP.perform(post(path).contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isMethodNotAllowed());
        }
    }

    private static MockMvc http(MembershipHistory history) {
        MongoDatabase database = MONGO.freshDatabase();
        DirectoryProjection projection = new DirectoryProjection(database);
        history.all().forEach(projection::on);
        DirectoryController controller = new DirectoryController(database, Clock.fixed(NOW, ZoneOffset.UTC));
        return MockMvcBuilders.standaloneSetup(controller).setControllerAdvice(new ProblemAdvice()).build();
    }
}
