package org.ewn.command.callback;

import org.ewn.api.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallbackUrlsTest {

    @Test
    void acceptsHttpsUrls() {
        assertThat(CallbackUrls.check("https://agency.example/ewn/callback", false))
                .isEqualTo("https://agency.example/ewn/callback");
    }

    @Test
    void acceptsPlainHttpToThisMachineOnlyWhenAllowed() {
        assertThat(CallbackUrls.check("http://127.0.0.1:8081/hook", true)).isEqualTo("http://127.0.0.1:8081/hook");
        assertThat(CallbackUrls.check("http://localhost/hook", true)).isEqualTo("http://localhost/hook");
        assertThatThrownBy(() -> CallbackUrls.check("http://localhost/hook", false))
                .isInstanceOf(ProblemException.class).hasMessageContaining("allow-insecure-localhost");
    }

    @Test
    void refusesPlainHttpElsewhereAndOtherSchemes() {
        for (String url : new String[]{"http://agency.example/hook", "ftp://agency.example/", "file:///etc/passwd",
                                       "https://user:secret@agency.example/", "/relative", "https://a.example/#x",
                                       "not a url", ""}) {
            assertThatThrownBy(() -> CallbackUrls.check(url, true)).as(url).isInstanceOf(ProblemException.class)
                    .extracting(e -> ((ProblemException) e).status()).isEqualTo(400);
        }
    }
}
