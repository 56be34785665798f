package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.ewn.api.submission.SubmissionTypes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriTemplate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Where the hub takes each type of submission; path variables come from the signed body. */
final class Endpoints {

    private static final Map<String, String> PATHS = new LinkedHashMap<>();

    static {
        PATHS.put(SubmissionTypes.NETWORK_FOUND, "/api/v1/network");
        PATHS.put(SubmissionTypes.MEMBER_ADMIT, "/api/v1/members");
        PATHS.put(SubmissionTypes.MEMBER_SUSPEND, "/api/v1/members/{member}/suspension");
        PATHS.put(SubmissionTypes.MEMBER_REINSTATE, "/api/v1/members/{member}/reinstatement");
        PATHS.put(SubmissionTypes.AGENCY_REGISTER, "/api/v1/agencies");
        PATHS.put(SubmissionTypes.AGENCY_CALLBACK, "/api/v1/agencies/{agency}/callback");
        PATHS.put(SubmissionTypes.KEY_ENROL, "/api/v1/agencies/{agency}/keys");
        PATHS.put(SubmissionTypes.KEY_REVOKE, "/api/v1/agencies/{agency}/keys/{keyId}/revocation");
        PATHS.put(SubmissionTypes.GROUP_DEFINE, "/api/v1/groups");
        PATHS.put(SubmissionTypes.GROUP_DISSOLVE, "/api/v1/groups/{group}/dissolution");
        PATHS.put(SubmissionTypes.ALERT_RAISE, "/api/v1/alerts");
        PATHS.put(SubmissionTypes.SUBJECT_ERASE, "/api/v1/subjects/{subject}/erasure");
        PATHS.put(SubmissionTypes.ALERT_ACKNOWLEDGE, "/api/v1/alerts/{alertId}/acknowledgements");
        PATHS.put(SubmissionTypes.ALERT_WITHDRAW, "/api/v1/alerts/{alertId}/withdrawal");
        PATHS.put(SubmissionTypes.ALERT_FOLLOW_UP, "/api/v1/alerts/{alertId}/follow-ups");
        PATHS.put(SubmissionTypes.ALERT_SHARING_REQUEST, "/api/v1/alerts/{alertId}/sharing-requests");
        PATHS.put(SubmissionTypes.ALERT_SHARING_DECISION,
                  "/api/v1/alerts/{alertId}/sharing-requests/{requestId}/decision");
        PATHS.put(SubmissionTypes.TRANSFER_REQUEST, "/api/v1/transfers");
        PATHS.put(SubmissionTypes.TRANSFER_ASK, "/api/v1/transfers/requests");
        PATHS.put(SubmissionTypes.TRANSFER_ACCEPT, "/api/v1/transfers/{transferId}/acceptance");
        PATHS.put(SubmissionTypes.TRANSFER_REJECT, "/api/v1/transfers/{transferId}/rejection");
        PATHS.put(SubmissionTypes.TRANSFER_GRANT, "/api/v1/transfers/{transferId}/grant");
        PATHS.put(SubmissionTypes.TRANSFER_REFUSE, "/api/v1/transfers/{transferId}/refusal");
        PATHS.put(SubmissionTypes.REFERRAL_SUBMIT, "/api/v1/referrals");
        PATHS.put(SubmissionTypes.REFERRAL_ACCEPT, "/api/v1/referrals/{referralId}/acceptance");
        PATHS.put(SubmissionTypes.REFERRAL_DECLINE, "/api/v1/referrals/{referralId}/decline");
        PATHS.put(SubmissionTypes.REFERRAL_PROGRESS, "/api/v1/referrals/{referralId}/progress");
        PATHS.put(SubmissionTypes.REFERRAL_CLOSE, "/api/v1/referrals/{referralId}/closure");
        PATHS.put(SubmissionTypes.REFERRAL_REVOKE, "/api/v1/referrals/{referralId}/revocation");
        PATHS.put(SubmissionTypes.REFERRAL_CONSENT_WITHDRAWAL, "/api/v1/referrals/{referralId}/consent-withdrawal");
    }

    private Endpoints() {
    }

    static Set<String> types() {
        return PATHS.keySet();
    }

    static void requireKnown(String type) {
        if (!PATHS.containsKey(type)) {
            throw CliFailure.usage("unknown submission type \"" + type + "\"; the network takes " + types());
        }
    }

    /** The path to post a submission to, each variable taken from the body's field of that name and encoded. */
    static String path(String type, JsonNode body) {
        requireKnown(type);
        String template = PATHS.get(type);
        Map<String, String> values = new LinkedHashMap<>();
        for (String variable : new UriTemplate(template).getVariableNames()) {
            String value = Json.text(body, variable);
            if (value == null || value.isBlank()) {
                throw new CliFailure("body." + variable + " is missing: a " + type + " is posted to " + template);
            }
            values.put(variable, value);
        }
        return UriComponentsBuilder.fromPath(template).encode().buildAndExpand(values).toUriString();
    }
}
