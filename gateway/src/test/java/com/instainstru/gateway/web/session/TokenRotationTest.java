package com.instainstru.gateway.web.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.instainstru.gateway.identity.AuthResponses.TokenResponse;
import org.junit.jupiter.api.Test;

class TokenRotationTest {

    private static final TokenResponse PAIR = new TokenResponse("access.jwt.value", "new-refresh", 900, "Bearer");

    @Test
    void theRotatedPairIsReadableOnlyWithTheSpentRefreshToken() {
        String sealed = TokenRotation.encrypt("spent-refresh", PAIR);

        assertThat(sealed).doesNotContain("access").doesNotContain("new-refresh");
        assertThat(TokenRotation.decrypt("spent-refresh", sealed)).isEqualTo(PAIR);
        assertThatThrownBy(() -> TokenRotation.decrypt("another-refresh", sealed)).isInstanceOf(IllegalStateException.class);
    }
}
