package com.instainstru.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class QueryParserTest {

    private static final QueryParser PARSER = new QueryParser(NycAreas.load());
    /** A Thursday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private static ParsedQuery parse(String q) {
        return PARSER.parse(q, TODAY);
    }

    @Test
    void theHeadlineQuery() {
        ParsedQuery p = parse("piano lessons under $50 tomorrow evening");
        assertThat(p.serviceText()).isEqualTo("piano");
        assertThat(p.maxPrice()).isEqualByComparingTo("50");
        assertThat(p.minPrice()).isNull();
        assertThat(p.date().keyword()).isEqualTo("tomorrow");
        assertThat(p.date().from()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(p.timeOfDay()).isEqualTo("evening");
    }

    @Test
    void pricesInTheirManyForms() {
        assertThat(parse("guitar below 40 dollars").maxPrice()).isEqualByComparingTo("40");
        assertThat(parse("tutor at least $80/hr").minPrice()).isEqualByComparingTo("80");
        assertThat(parse("between $20 and $45").minPrice()).isEqualByComparingTo("20");
        assertThat(parse("between 20 and 45 dollars").maxPrice()).isEqualByComparingTo("45");
        assertThat(parse("$30-$50 lessons").maxPrice()).isEqualByComparingTo("50");
        assertThat(parse("around $60 violin").minPrice()).isEqualByComparingTo("48");
        // A vague word asks for low prices; it is not a cap nobody said.
        assertThat(parse("cheap drum lessons").maxPrice()).isNull();
        assertThat(parse("cheap drum lessons").budget()).isEqualTo("low");
        assertThat(parse("piano $1,200 per hour").maxPrice()).isEqualByComparingTo("1200");
        assertThat(parse("under $99999999999999999999").maxPrice()).isEqualByComparingTo(new BigDecimal("99999999999999999999"));
    }

    @Test
    void aNumberIsAPriceOnlyWhenTheWordsSaySo() {
        ParsedQuery ages = parse("swimming for kids ages 5-12");
        assertThat(ages.minPrice()).isNull();
        assertThat(ages.maxPrice()).isNull();
        assertThat(ages.ageGroup()).isEqualTo("kids");
        assertThat(ages.serviceText()).isEqualTo("swimming");
        ParsedQuery minutes = parse("30 minute piano lesson");
        assertThat(minutes.maxPrice()).isNull();
        assertThat(minutes.durationMinutes()).isEqualTo(30);
        assertThat(parse("grade 5 math").maxPrice()).isNull();
        assertThat(parse("piano for a 15 year old").ageGroup()).isEqualTo("teens");
    }

    @Test
    void datesResolveInNewYork() {
        assertThat(parse("yoga this weekend").date().from()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(parse("yoga this weekend").date().to()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(parse("yoga next weekend").date().from()).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(parse("tennis saturday morning").date().keyword()).isEqualTo("saturday");
        assertThat(parse("tennis thursday").date().from()).isEqualTo(TODAY);
        assertThat(parse("tennis on sat").date().keyword()).isEqualTo("saturday");
        assertThat(parse("SAT prep").date()).isNull();
        assertThat(parse("SAT prep").serviceText()).isEqualTo("sat prep");
        assertThat(parse("tennis next thursday").date().from()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(parse("drums this week").date().to()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(parse("chess on dec 5th").date().from()).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(parse("chess on 1/15").date().from()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(parse("chess 2027-02-30").date()).isNull();
        ParsedQuery tonight = parse("math help tonight");
        assertThat(tonight.date().keyword()).isEqualTo("today");
        assertThat(tonight.timeOfDay()).isEqualTo("evening");
    }

    @Test
    void clockTimes() {
        ParsedQuery after = parse("math tutor after 5pm today");
        assertThat(after.timeAfter()).isEqualTo(LocalTime.of(17, 0));
        assertThat(after.timeOfDay()).isEqualTo("evening");
        assertThat(parse("piano before 10am").timeBefore()).isEqualTo(LocalTime.of(10, 0));
        assertThat(parse("piano after 6").timeAfter()).isEqualTo(LocalTime.of(18, 0));
        assertThat(parse("piano between 3 and 5pm").timeBefore()).isEqualTo(LocalTime.of(17, 0));
    }

    @Test
    void lengthsLevelsPlacesAndModes() {
        assertThat(parse("1.5 hours cello").durationMinutes()).isEqualTo(90);
        assertThat(parse("an hour of chess").durationMinutes()).isEqualTo(60);
        assertThat(parse("45 min yoga session tomorrow morning").durationMinutes()).isEqualTo(45);
        assertThat(parse("advanced violin").level()).isEqualTo("advanced");
        assertThat(parse("SAT prep for high school juniors").ageGroup()).isEqualTo("high_school");
        assertThat(parse("middle school math").ageGroup()).isNull();
        assertThat(parse("middle school math").serviceText()).isEqualTo("middle school math");
        assertThat(parse("yoga upper west side").location().text()).isEqualTo("upper west side");
        assertThat(parse("yoga upper west side").location().borough()).isEqualTo("manhattan");
        assertThat(parse("guitar teacher in the bronx").location().text()).isEqualTo("bronx");
        assertThat(parse("yoga near me").location().nearMe()).isTrue();
        assertThat(parse("zoom piano lessons for kids").online()).isTrue();
        assertThat(parse("face to face french lessons").online()).isFalse();
        assertThat(parse("face to face french lessons").serviceText()).isEqualTo("french");
    }

    @Test
    void whatRemainsIsTheServiceText() {
        assertThat(parse("I want to learn piano").serviceText()).isEqualTo("piano");
        assertThat(parse("piano or guitar").serviceText()).isEqualTo("piano or guitar");
        assertThat(parse("lessons under $70").serviceText()).isEmpty();
        assertThat(parse("vocal coaching").serviceText()).isEqualTo("vocal coaching");
        assertThat(parse("english as a second language").serviceText()).isEqualTo("english as second language");
    }

    @Test
    void aComparativeWithAPlausibleRateIsAPriceButAgesStayAges() {
        assertThat(parse("cello lessons for adults on weekends under 80").maxPrice()).isEqualByComparingTo("80");
        assertThat(parse("gmat tutoring under 150").maxPrice()).isEqualByComparingTo("150");
        assertThat(parse("gmat tutoring under 150").serviceText()).isEqualTo("gmat tutoring");
        assertThat(parse("piano over 60").minPrice()).isEqualByComparingTo("60");
        assertThat(parse("swimming for kids under 10").maxPrice()).isNull();
        assertThat(parse("yoga for adults over 50").minPrice()).isNull();
        assertThat(parse("piano under 30 minutes").maxPrice()).isNull();
    }

    @Test
    void clockTimesWithoutAmOrPmAndGrades() {
        ParsedQuery at7 = parse("bass guitar lesson tomorrow at 7");
        assertThat(at7.timeAfter()).isEqualTo(LocalTime.of(19, 0));
        assertThat(at7.serviceText()).isEqualTo("bass guitar");
        assertThat(parse("math for 5th grader").ageGroup()).isEqualTo("kids");
        assertThat(parse("math for 5th grader").serviceText()).isEqualTo("elementary math");
        assertThat(parse("chemistry for grade 10").ageGroup()).isEqualTo("teens");
        assertThat(parse("tennis coach for intermediate players").serviceText()).isEqualTo("tennis");
    }

    @Property(tries = 500)
    void anyTextParsesWithoutFailing(@ForAll String anything) {
        assertThatCode(() -> PARSER.parse(anything, TODAY)).doesNotThrowAnyException();
    }
}
