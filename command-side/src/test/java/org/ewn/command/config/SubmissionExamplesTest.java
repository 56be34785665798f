package org.ewn.command.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ewn.api.submission.SubmissionTypes;
import org.ewn.trust.CanonicalJson;
import org.ewn.trust.SignedEnvelope;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionExamplesTest {

    private static final List<String> PATHS = List.of("/api/v1/network", "/api/v1/members",
            "/api/v1/members/{code}/suspension", "/api/v1/members/{code}/reinstatement", "/api/v1/agencies",
            "/api/v1/agencies/{agency}/keys", "/api/v1/agencies/{agency}/keys/{keyId}/revocation",
            "/api/v1/agencies/{agency}/callback", "/api/v1/groups", "/api/v1/groups/{group}/dissolution",
            "/api/v1/alerts", "/api/v1/alerts/{id}/acknowledgements", "/api/v1/alerts/{id}/withdrawal",
            "/api/v1/alerts/{id}/follow-ups", "/api/v1/alerts/{id}/sharing-requests",
            "/api/v1/alerts/{id}/sharing-requests/{requestId}/decision", "/api/v1/subjects/{subject}/erasure",
            "/api/v1/referrals", "/api/v1/referrals/{id}/acceptance", "/api/v1/referrals/{id}/decline",
            "/api/v1/referrals/{id}/progress", "/api/v1/referrals/{id}/closure", "/api/v1/referrals/{id}/revocation",
            "/api/v1/referrals/{id}/consent-withdrawal", "/api/v1/transfers", "/api/v1/transfers/requests",
            "/api/v1/transfers/{id}/acceptance", "/api/v1/transfers/{id}/rejection", "/api/v1/transfers/{id}/grant",
            "/api/v1/transfers/{id}/refusal");

    @Test
    void everyTypeOfSubmissionHasAWorkedExampleThatIsSignedAsTheNetworkExpects() throws Exception {
        Set<String> covered = new TreeSet<>();
        for (String path : PATHS) {
            SubmissionExamples.Example example = SubmissionExamples.of(path);
            assertThat(example).as(path).isNotNull();
            SignedEnvelope envelope = SignedEnvelope.parse(example.envelope());
            assertThat(new String(envelope.payload(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(example.payload());
            assertThat(CanonicalJson.isCanonical(envelope.payload())).isTrue();
            JsonNode content = new ObjectMapper().readTree(envelope.payload());
            assertThat(content.get("type").asText()).isEqualTo(example.type());
            assertThat(content.get("body").isObject()).isTrue();
            assertThat(envelope.keyId()).contains("BuP9j9opu2CrWVV95h7bCuzbIxE0vjDnW0Vfjht5L6k");
            covered.add(example.type());
        }
        assertThat(covered).containsExactlyInAnyOrderElementsOf(submissionTypes());
        assertThat(SubmissionExamples.of("/api/v1/inbox")).isNull();
    }

    private static Set<String> submissionTypes() throws IllegalAccessException {
        Set<String> types = new TreeSet<>();
        for (Field field : SubmissionTypes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                types.add((String) field.get(null));
            }
        }
        return types;
    }
}
