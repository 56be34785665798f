package org.ewn.command.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.ewn.access.NetworkUser;
import org.ewn.access.Role;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Every submission passes here before any command is sent, so this is where the signed envelope is
 * verified: today the caller is the authenticated agency account; with signatures, the gate checks
 * the envelope, the key and its chain, and answers with the same {@link Submission}.
 */
@Component
public class SubmissionGate {

    private final ObjectMapper canonical = JsonMapper.builder()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .findAndAddModules()
            .build();
    private final Clock clock;

    public SubmissionGate(Clock clock) {
        this.clock = clock;
    }

    public Submission admit(NetworkUser caller, UUID submissionId, Object content) {
        onlyAgenciesSubmit(caller);
        return new Submission(submissionId, caller.agency(), clock.instant(), sha256(content));
    }

    private static void onlyAgenciesSubmit(NetworkUser caller) {
        if (!caller.hasRole(Role.AGENCY)) {
            throw new ProblemException(ProblemTypes.FORBIDDEN, 403, "Only agency accounts submit; officers read");
        }
    }

    private String sha256(Object content) {
        try {
            byte[] bytes = canonical.writeValueAsBytes(content);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash submission content", e);
        }
    }
}
