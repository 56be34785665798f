package org.ewn.command.subject;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * The signed body of a {@code subject.erase} submission.
 *
 * @param legalBasis why the person is erased, such as "GDPR Art. 17(1)(a), request of 2026-11-20, ref. 123"; it is
 *                   recorded for auditors, so it must not itself hold personal data
 */
record ErasureBody(@NotNull UUID subject, @NotBlank @Size(max = 500) String legalBasis) {
}
