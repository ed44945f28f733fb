package com.instainstru.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.instainstru.platform.problem.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The platform's page cursors and entity tags that catalog's lists and reads use, as plain logic (platform has no tests of its own). */
class CursorsAndTagsTest {

    @Test
    void aCursorGivesBackItsSortKeyAndOnlyToItsOwnKindOfList() {
        String cursor = Cursors.encode("bookings", "2026-12-01T14:00:00Z", "a name, with; separators: and é");
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(Cursors.decode("bookings", 2, cursor)).containsExactly("2026-12-01T14:00:00Z",
                "a name, with; separators: and é");
        assertThat(Cursors.decode("bookings", 2, null)).isNull();
        assertThat(Cursors.decode("bookings", 2, " ")).isNull();
        for (String bad : List.of("x", "%%%", cursor.substring(1), "a".repeat(2_000),
                Cursors.encode("instructors", "1", "2"), Cursors.encode("bookings", "only one"))) {
            assertThatThrownBy(() -> Cursors.decode("bookings", 2, bad)).as(bad).isInstanceOf(ApiException.class)
                    .hasMessageStartingWith("cursor:");
        }
    }

    @Test
    void aTagNamesTheContentAndIfNoneMatchComparesWeakly() {
        String tag = ConditionalGets.etag("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(tag).matches("W/\"[A-Za-z0-9_-]{22}\"");
        assertThat(ConditionalGets.etag("{\"a\":1}".getBytes(StandardCharsets.UTF_8))).isEqualTo(tag);
        assertThat(ConditionalGets.etag("{\"a\":2}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(tag);

        assertThat(ConditionalGets.matches(tag, tag)).isTrue();
        assertThat(ConditionalGets.matches(tag.substring(2), tag)).isTrue(); // the strong form of the same tag
        assertThat(ConditionalGets.matches("\"other\", " + tag, tag)).isTrue();
        assertThat(ConditionalGets.matches(" * ", tag)).isTrue();
        assertThat(ConditionalGets.matches("W/\"other\"", tag)).isFalse();
        assertThat(ConditionalGets.matches(null, tag)).isFalse();
        assertThat(ConditionalGets.matches("", tag)).isFalse();
    }
}
