package org.ewn.command.callback;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.callback.CallbackId;
import org.ewn.api.callback.SetCallback;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;
import org.ewn.api.submission.SubmissionTypes;
import org.ewn.command.submission.Admitted;
import org.ewn.command.submission.Conflicts;
import org.ewn.command.submission.Receipts;
import org.ewn.command.submission.SubmissionGate;
import org.ewn.command.submission.TrustRegistry;
import org.ewn.trust.NetworkMembership;
import org.ewn.trust.TrustException;
import org.ewn.trust.TrustFailure;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Registers or removes an agency's callback on a signed {@code agency.callback}: by the agency itself, or by an
 * administrator of its member (or of the network). Answers with the hub's receipt, the same for a repeat.
 */
@Service
@EnableConfigurationProperties(CallbackProperties.class)
class CallbackSubmissions {

    private final SubmissionGate gate;
    private final CommandGateway commands;
    private final TrustRegistry registry;
    private final Receipts receipts;
    private final CallbackProperties properties;

    CallbackSubmissions(SubmissionGate gate, CommandGateway commands, TrustRegistry registry, Receipts receipts,
                        CallbackProperties properties) {
        this.gate = gate;
        this.commands = commands;
        this.registry = registry;
        this.receipts = receipts;
        this.properties = properties;
    }

    Outcome set(String envelope, AgencyCode agency) {
        Admitted admitted = gate.admit(envelope, SubmissionTypes.AGENCY_CALLBACK);
        CallbackBody body = gate.body(admitted, CallbackBody.class);
        if (!body.agency().equals(agency)) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "The path names agency " + agency
                    + " but the signed body names " + body.agency());
        }
        String url = url(body);
        SignedSubmission submission = admitted.submission();
        onlyTheAgencyOrItsAdministrators(registry.current(), submission.agency(), agency);
        CallbackId id = new CallbackId(agency);
        AgencyCallback.Recorded recorded = Conflicts.retried(
                () -> commands.sendAndWait(new SetCallback(id, url, submission)));
        String receipt = receipts.issue(submission.submissionId(), recorded.contentHash(), recorded.receivedAt(),
                                        id.toString(), recorded.sequence());
        return new Outcome(new CallbackAccepted(submission.submissionId(), agency, recorded.url(), receipt),
                           recorded.created());
    }

    private String url(CallbackBody body) {
        if (body.removes()) {
            if (body.url() != null) {
                throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "Either url or remove: true, not both");
            }
            return null;
        }
        if (body.url() == null) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "url is missing: the https URL to call "
                    + "back, or remove: true to stop the callbacks");
        }
        return CallbackUrls.check(body.url(), properties.allowInsecureLocalhost());
    }

    private static void onlyTheAgencyOrItsAdministrators(NetworkMembership membership, AgencyCode signer,
                                                         AgencyCode agency) {
        if (membership.agency(agency).isEmpty()) {
            throw new ProblemException(ProblemTypes.NOT_FOUND, 404, "Agency " + agency + " is not registered");
        }
        if (!signer.equals(agency) && !membership.administers(signer, agency.member())) {
            throw new TrustException(TrustFailure.NOT_ENTITLED, "Only " + agency + " itself or an administrator of "
                    + agency.member() + " may set its callback, not " + signer);
        }
    }

    /** @param created false when the submission had been accepted before */
    record Outcome(CallbackAccepted accepted, boolean created) {
    }
}
