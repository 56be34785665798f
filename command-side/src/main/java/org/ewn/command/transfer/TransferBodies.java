package org.ewn.command.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ewn.command.subject.ProtectedDataBody;

import java.util.UUID;

/**
 * The signed bodies of the steps of a case transfer. {@code sealedSummary} is the case summary sealed to the
 * encryption keys of the two parties' agencies (JWE JSON serialization, ECDH-ES+A256KW with A256GCM), so that only
 * they open it; {@code subject} is the person the case is about, encrypted under a key sent beside the signature.
 */
final class TransferBodies {

    private TransferBodies() {
    }

    /** {@code transfer.request}: the sender asks {@code receiver}, an agency of another member, to take the case. */
    record Request(@NotBlank @Size(max = 32) String receiver, @NotNull JsonNode sealedSummary,
                   @Valid ProtectedDataBody subject) {
    }

    /** {@code transfer.ask}: the asking agency asks {@code holder}, the agency holding the case, to transfer it. */
    record Ask(@NotBlank @Size(max = 32) String holder, @NotNull JsonNode sealedSummary,
               @Valid ProtectedDataBody subject) {
    }

    /** {@code transfer.accept} and {@code transfer.grant}. */
    record Answer(@NotNull UUID transferId) {
    }

    /** {@code transfer.reject} and {@code transfer.refuse}. */
    record Refusal(@NotNull UUID transferId, @NotBlank @Size(max = 2000) String reason) {
    }
}
