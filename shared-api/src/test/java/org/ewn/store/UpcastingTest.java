package org.ewn.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ewn.store.StoreFixture.event;
import static org.ewn.store.StoreFixture.readAll;

/** Revision 1 of {@link CaseOpened} called the member state {@code state}; revision 2 calls it {@code country}. */
class UpcastingTest {

    @RegisterExtension
    static final StoreFixture fixture = StoreFixture.inMemory();

    @Revision("2")
    record CaseOpened(String caseId, String country) {
    }

    /** Renames {@code state} to {@code country}. */
    static final class CaseOpenedUpcaster extends SingleEventUpcaster {

        private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(CaseOpened.class.getName(), "1");
        private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(CaseOpened.class.getName(), "2");

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().equals(REVISION_1);
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
                ObjectNode fields = (ObjectNode) payload;
                fields.set("country", fields.remove("state"));
                return fields;
            });
        }
    }

    @Test
    void anEventStoredAtRevisionOneIsReadInTheRevisionTwoShape() {
        LogStorageEngine engine = fixture.engine(fixture.freshDatabase(),
                                                 options -> options.upcasterChain(new CaseOpenedUpcaster()));
        engine.append(List.of(revisionOne("case-1", "{\"caseId\":\"case-1\",\"state\":\"KZ\"}")));
        engine.appendEvents(event("case-2", 0, new CaseOpened("case-2", "UZ")));

        assertThat(engine.readEvents("case-1").next().getPayload()).isEqualTo(new CaseOpened("case-1", "KZ"));
        assertThat(engine.readEvents("case-2").next().getPayload()).isEqualTo(new CaseOpened("case-2", "UZ"));
        assertThat(readAll(engine, null)).extracting(event -> (Object) event.getPayload())
                                         .containsExactly(new CaseOpened("case-1", "KZ"),
                                                          new CaseOpened("case-2", "UZ"));
    }

    private static SerializedEvent revisionOne(String caseId, String json) {
        return new SerializedEvent(UUID.randomUUID().toString(), "Case", caseId, 0, Instant.now(),
                                   CaseOpened.class.getName(), "1", json.getBytes(StandardCharsets.UTF_8),
                                   "{}".getBytes(StandardCharsets.UTF_8));
    }
}
