package org.ewn.command.submission;

import org.ewn.trust.SignedEnvelope;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SignedMediaTest {

    /** The API description's example is the README's worked example, which a shared-api test keeps exact. */
    @Test
    void theApiExampleIsTheReadmesWorkedExample() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains(SignedMedia.EXAMPLE);
        assertThat(SignedEnvelope.parse(SignedMedia.EXAMPLE).keyId()).isPresent();
    }
}
