package org.ewn.command.subject;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.subject.EraseSubject;
import org.ewn.api.subject.SubjectErased;
import org.ewn.api.subject.SubjectId;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person the network holds personal data about, as far as erasure goes: it comes into the log with its first
 * erasure. A complete erasure is final; retention erasures destroy only keys not destroyed before, so that several
 * nodes or a restart asking again change nothing.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
                isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class DataSubject {

    @AggregateIdentifier
    private SubjectId subjectId;
    private Instant erasedAt;
    private Set<String> destroyedKeys = new HashSet<>();

    DataSubject() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EraseSubject command) {
        if (erasedAt != null) {
            throw new ProblemException(ProblemTypes.SUBJECT_ERASED, 409, "Subject " + command.subjectId().value()
                    + " was erased at " + erasedAt + "; there is nothing left to erase");
        }
        List<String> keys = command.keyIds().stream().filter(k -> !destroyedKeys.contains(k)).toList();
        if (!command.complete() && keys.isEmpty()) {
            return;
        }
        apply(new SubjectErased(command.subjectId(), command.erasedBy(), command.legalBasis(), command.complete(),
                command.kind(), keys, command.erasedAt(), command.submission()));
    }

    @EventSourcingHandler
    void on(SubjectErased event) {
        subjectId = event.subjectId();
        destroyedKeys.addAll(event.keyIds());
        if (event.complete()) {
            erasedAt = event.erasedAt();
        }
    }
}
