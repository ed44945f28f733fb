package com.instainstru.gateway.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.instainstru.gateway.web.client.SearchViews.DateRange;
import com.instainstru.gateway.web.client.SearchViews.Location;
import com.instainstru.gateway.web.client.SearchViews.Match;
import com.instainstru.gateway.web.client.SearchViews.MatchedService;
import com.instainstru.gateway.web.client.SearchViews.Parsed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    private static final Parsed EVERYTHING = new Parsed("piano", new BigDecimal("30"), new BigDecimal("49.50"),
            new DateRange("date", LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 5)), "evening",
            LocalTime.of(17, 30), null, 45, "beginner", "high_school", new Location("park slope", "brooklyn", false), false);

    @Test
    void everyConstraintIsWrittenInTheWordsTheSearchReads() {
        assertThat(SearchQuery.compose(EVERYTHING, Set.of())).isEqualTo("piano beginner high school 45 minutes "
                + "between $30 and $49.5 in person in park slope 2026-12-05 after 5:30pm evening");
    }

    @Test
    void eachChipIsTheQueryWithoutItsConstraint() {
        Match piano = new Match("service", null, List.of(new MatchedService(UUID.randomUUID(), "piano", "Piano")));
        List<SearchQuery.Chip> chips = SearchQuery.chips(EVERYTHING, piano);

        assertThat(chips).extracting(SearchQuery.Chip::label).containsExactly("Piano", "Beginner", "High school",
                "45 min", "$30–$49.5 an hour", "In person", "Park Slope", "Sat, Dec 5", "After 5:30 pm");
        for (SearchQuery.Chip chip : chips) {
            assertThat(chip.without()).isEqualTo(SearchQuery.compose(EVERYTHING, Set.of(chip.key())));
        }
        assertThat(chips.get(4).without()).doesNotContain("$");
    }

    @Test
    void wordsOfOtherKindsAreWrittenBack() {
        Parsed p = new Parsed("spanish", null, new BigDecimal("50"), new DateRange("weekend", null, null), "morning",
                null, LocalTime.of(12, 0), null, null, "kids", new Location("near_me", null, true), true);
        assertThat(SearchQuery.compose(p, Set.of())).isEqualTo("spanish for kids under $50 online near me this weekend "
                + "before 12pm morning");
        assertThat(SearchQuery.chips(p, null)).extracting(SearchQuery.Chip::label).containsExactly("Spanish", "Kids",
                "Under $50 an hour", "Online", "Near me", "This weekend", "Before 12 pm");
    }

    @Test
    void theFiltersReplaceTheirConstraintsAndKeepTheRest() {
        String kept = SearchQuery.compose(EVERYTHING, SearchQuery.FILTERED);
        assertThat(kept).isEqualTo("piano beginner high school 45 minutes in park slope");
        assertThat(SearchQuery.withFilters(kept, "", "40", "tomorrow", "evening", "online"))
                .isEqualTo("piano beginner high school 45 minutes in park slope under $40 online tomorrow evening");
        assertThat(SearchQuery.withFilters("yoga", "60", "20", "", "", "")).isEqualTo("yoga between $20 and $60");
        assertThat(SearchQuery.withFilters("yoga", "25", "", "2026-12-05", "after 5pm before 8pm", "in_person"))
                .isEqualTo("yoga over $25 in person 2026-12-05 after 5pm before 8pm");
    }

    @Test
    void filterValuesThePageDoesNotOfferAreRefused() {
        assertThatThrownBy(() -> SearchQuery.withFilters("yoga", "cheap", "", "", "", ""))
                .hasMessageContaining("minimum price must be a number");
        assertThatThrownBy(() -> SearchQuery.withFilters("yoga", "", "0", "", "", ""))
                .hasMessageContaining("between $1 and $10,000");
        assertThatThrownBy(() -> SearchQuery.withFilters("yoga", "", "", "someday soon", "", ""))
                .hasMessageContaining("day filter");
        assertThatThrownBy(() -> SearchQuery.withFilters("yoga", "", "", "", "midnight snack", ""))
                .hasMessageContaining("time filter");
        assertThatThrownBy(() -> SearchQuery.withFilters("yoga", "", "", "", "", "moon"))
                .hasMessageContaining("where must be");
    }

    @Test
    void clockTimesAreWrittenAsThePaserReadsThem() {
        assertThat(SearchQuery.clock(LocalTime.of(0, 0))).isEqualTo("12am");
        assertThat(SearchQuery.clock(LocalTime.of(12, 0))).isEqualTo("12pm");
        assertThat(SearchQuery.clock(LocalTime.of(9, 5))).isEqualTo("9:05am");
        assertThat(SearchQuery.clock(LocalTime.of(23, 45))).isEqualTo("11:45pm");
    }
}
