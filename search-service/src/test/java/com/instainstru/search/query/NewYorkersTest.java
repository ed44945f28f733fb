package com.instainstru.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * What New Yorkers type, class by class (issue 11): places as locals name them, prices in every
 * wording, days and times, lessons at home, whole sentences, ages and grades, other languages. Asked
 * on Thursday 2026-11-26 at 10:30 in New York.
 */
class NewYorkersTest {

    private static final QueryParser PARSER = new QueryParser(NycAreas.load());
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 26, 10, 30, 0, 0, ZoneId.of("America/New_York"));
    private static final LocalDate TODAY = NOW.toLocalDate();

    private static ParsedQuery parse(String q) {
        return PARSER.parse(q, NOW);
    }

    private static String place(String q) {
        ParsedQuery.Location l = parse(q).location();
        return l == null ? null : l.text();
    }

    // ---- places ----

    @Test
    void neighbourhoodShortFormsAndNicknames() {
        assertThat(place("guitar in the UWS")).isEqualTo("upper west side");
        assertThat(place("ues piano teacher")).isEqualTo("upper east side");
        assertThat(place("yoga in the LES")).isEqualTo("lower east side");
        assertThat(place("chess near FiDi")).isEqualTo("financial district");
        assertThat(place("drums in LIC")).isEqualTo("long island city");
        assertThat(place("tennis billyburg")).isEqualTo("williamsburg");
        assertThat(place("swim in wburg")).isEqualTo("williamsburg");
        assertThat(place("violin in wash heights")).isEqualTo("washington heights");
        assertThat(place("art classes in BK")).isEqualTo("brooklyn");
        assertThat(place("boxing in the bx")).isEqualTo("bronx");
        assertThat(place("piano in SI")).isEqualTo("staten island");
        assertThat(place("piano lessons si")).isNull(); // "si" alone is a word, not Staten Island
        assertThat(place("french in la ciudad")).isNull();
        ParsedQuery harlem = parse("spanish lessons in spanish harlem");
        assertThat(harlem.location().text()).isEqualTo("east harlem");
        assertThat(harlem.serviceText()).isEqualTo("spanish");
    }

    @Test
    void multiWordNamesWithOrWithoutPunctuation() {
        for (String q : List.of("yoga in Bed-Stuy", "yoga in bed stuy", "yoga in bedstuy", "yoga in Bedford Stuyvesant")) {
            assertThat(place(q)).as(q).isEqualTo("bedford-stuyvesant");
        }
        for (String q : List.of("piano in Hell's Kitchen", "piano in hells kitchen", "piano in Hell’s Kitchen")) {
            assertThat(place(q)).as(q).isEqualTo("hell's kitchen");
        }
        assertThat(place("math near St. George")).isEqualTo("st. george");
        assertThat(place("math near st george")).isEqualTo("st. george");
        assertThat(place("karate in co op city")).isEqualTo("co-op city");
        assertThat(place("karate in Coop City")).isEqualTo("co-op city");
        assertThat(parse("karate in Co-op City").location().borough()).isEqualTo("bronx");
    }

    @Test
    void landmarksParksAndCampusesMeanTheAreasAroundThem() {
        ParsedQuery park = parse("swim lessons by central park");
        assertThat(park.location().text()).isEqualTo("central park");
        assertThat(park.location().areas()).contains("upper west side", "upper east side");
        assertThat(park.serviceText()).isEqualTo("swim");
        assertThat(parse("tutor near Columbia").location().areas()).containsExactly("morningside heights");
        assertThat(parse("guitar close to prospect park").location().areas()).contains("park slope");
        assertThat(parse("piano near NYU").location().areas()).containsExactly("greenwich village");
        assertThat(parse("boxing by yankee stadium").location().areas()).containsExactly("concourse");
    }

    @Test
    void zipCodesMeanTheirNeighbourhoods() {
        assertThat(parse("math tutor 10027").location().areas()).contains("harlem");
        assertThat(place("piano in 11215")).isEqualTo("park slope");
        assertThat(place("cello zip 10001")).isEqualTo("chelsea");
        assertThat(place("chess near 11101")).isEqualTo("long island city");
        assertThat(place("chess zip 10099")).isEqualTo("manhattan");
        assertThat(parse("piano zip 07030").location().outside()).isTrue();
        // A five-digit number nothing marks as a place is not one: a price, or nothing.
        assertThat(parse("piano under $10027").location()).isNull();
    }

    @Test
    void severalAreasAreOneLocation() {
        ParsedQuery two = parse("drums in Astoria or LIC");
        assertThat(two.location().areas()).containsExactly("astoria", "long island city");
        assertThat(two.location().text()).isEqualTo("astoria or long island city");
        assertThat(two.location().borough()).isEqualTo("queens");
        assertThat(two.serviceText()).isEqualTo("drums");
        ParsedQuery three = parse("yoga in williamsburg, greenpoint or bushwick");
        assertThat(three.location().areas()).containsExactly("williamsburg", "greenpoint", "bushwick");
        ParsedQuery boroughs = parse("piano manhattan or brooklyn");
        assertThat(boroughs.location().areas()).containsExactly("manhattan", "brooklyn");
        assertThat(boroughs.location().borough()).isNull();
    }

    @Test
    void aPlaceOutsideNewYorkIsSaidToBeOutsideAndTheCityItselfIsNoConstraint() {
        for (String q : List.of("piano in hoboken", "violin lessons in jersey city", "tennis on long island",
                "swim in westchester", "guitar in Boston")) {
            assertThat(parse(q).location().outside()).as(q).isTrue();
            assertThat(parse(q).location().areas()).as(q).isEmpty();
        }
        assertThat(parse("chess in NYC").location()).isNull();
        assertThat(parse("chess anywhere in new york city").location()).isNull();
        assertThat(parse("chess in NYC").serviceText()).isEqualTo("chess");
    }

    // ---- prices ----

    @Test
    void rangesInEveryWording() {
        for (String q : List.of("piano from 35 to 55", "piano 35–55", "piano 35-55 an hour", "piano $35 to $55",
                "piano between 35 and 55", "piano 35 to 55 dollars", "piano $35-55/hr")) {
            ParsedQuery p = parse(q);
            assertThat(p.minPrice()).as(q).isEqualByComparingTo("35");
            assertThat(p.maxPrice()).as(q).isEqualByComparingTo("55");
            assertThat(p.serviceText()).as(q).isEqualTo("piano");
        }
    }

    @Test
    void openBoundsInEveryWording() {
        for (String q : List.of("yoga 70 or more", "yoga over 70", "yoga $70+", "yoga 70 and up", "yoga at least $70/hr",
                "yoga no less than 70")) {
            assertThat(parse(q).minPrice()).as(q).isEqualByComparingTo("70");
            assertThat(parse(q).maxPrice()).as(q).isNull();
        }
        for (String q : List.of("spanish tops 45", "spanish 45 tops", "spanish 45 max", "spanish no more than $45",
                "spanish $45 or less", "spanish up to 45/hr", "spanish nothing over $45", "spanish under 45",
                "spanish, I can pay 45")) {
            assertThat(parse(q).maxPrice()).as(q).isEqualByComparingTo("45");
            assertThat(parse(q).minPrice()).as(q).isNull();
        }
    }

    @Test
    void aPricePerLessonIsTheHourlyRateItImplies() {
        ParsedQuery p = parse("french $40 per 45-minute lesson");
        assertThat(p.maxPrice()).isEqualByComparingTo("53.33");
        assertThat(p.durationMinutes()).isEqualTo(45);
        assertThat(p.serviceText()).isEqualTo("french");
        assertThat(parse("tutor $30 for half an hour").maxPrice()).isEqualByComparingTo("60");
        assertThat(parse("tutor $30 for half an hour").durationMinutes()).isEqualTo(30);
        assertThat(parse("cello $90 for 90 minutes").maxPrice()).isEqualByComparingTo("60");
        assertThat(parse("golf $100 for 2 hours").maxPrice()).isEqualByComparingTo("50");
        assertThat(parse("golf $100 for 2 hours").durationMinutes()).isEqualTo(120);
        assertThat(parse("chess under $25 per 30 min session").maxPrice()).isEqualByComparingTo("50");
        assertThat(parse("piano $60 a lesson").maxPrice()).isEqualByComparingTo("60");
    }

    @Test
    void aVagueWordIsNotAnInventedCap() {
        for (String q : List.of("reasonably priced piano teacher", "affordable guitar", "cheap drum lessons",
                "spanish tutor that's not too expensive", "yoga on a budget", "budget-friendly chess")) {
            ParsedQuery p = parse(q);
            assertThat(p.maxPrice()).as(q).isNull();
            assertThat(p.budget()).as(q).isEqualTo("low");
        }
        assertThat(parse("around $60 violin").minPrice()).isEqualByComparingTo("48");
        assertThat(parse("around $60 violin").maxPrice()).isEqualByComparingTo("72");
    }

    @Test
    void numbersThatAreNotPrices() {
        for (String q : List.of("swimming for kids ages 5-12", "chess from 1 to 3", "coding for 13-17 year olds",
                "yoga 30-45 minutes", "soccer for kids 10 and up", "swimming for kids under 10", "top 20 guitar teachers")) {
            assertThat(parse(q).maxPrice()).as(q).isNull();
            assertThat(parse(q).minPrice()).as(q).isNull();
        }
    }

    // ---- days and times ----

    @Test
    void weekdayAndWeekendAbbreviations() {
        assertThat(parse("guitar thurs evening").date().from()).isEqualTo(TODAY);
        assertThat(parse("violin tues").date().keyword()).isEqualTo("tuesday");
        assertThat(parse("violin tues").date().from()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(parse("tennis sat morning").date().keyword()).isEqualTo("saturday");
        assertThat(parse("swim sun afternoon").date().keyword()).isEqualTo("sunday");
        assertThat(parse("piano fri at 5").date().keyword()).isEqualTo("friday");
        assertThat(parse("piano fri at 5").timeAfter()).isEqualTo(LocalTime.of(17, 0));
        assertThat(parse("guitar lessons wed").date().keyword()).isEqualTo("wednesday");
        ParsedQuery sat = parse("SAT prep sat morning");
        assertThat(sat.serviceText()).isEqualTo("sat prep");
        assertThat(sat.date().keyword()).isEqualTo("saturday");
        assertThat(parse("SAT prep").date()).isNull();
        assertThat(parse("sat math tutor").date()).isNull();
    }

    @Test
    void relativeAndNumericDates() {
        assertThat(parse("piano in three days").date().from()).isEqualTo(TODAY.plusDays(3));
        assertThat(parse("piano in 2 days").date().from()).isEqualTo(TODAY.plusDays(2));
        assertThat(parse("piano in a couple of days").date().from()).isEqualTo(TODAY.plusDays(2));
        assertThat(parse("piano a week from today").date().from()).isEqualTo(TODAY.plusWeeks(1));
        assertThat(parse("piano in 2 weeks").date().from()).isEqualTo(TODAY.plusWeeks(2));
        assertThat(parse("violin on 3/14").date().from()).isEqualTo(LocalDate.of(2027, 3, 14));
        assertThat(parse("violin 12/5").date().from()).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(parse("violin on the 14th").date().from()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(parse("violin on the 28th").date().from()).isEqualTo(LocalDate.of(2026, 11, 28));
    }

    @Test
    void spansOfTheDay() {
        assertThat(span("chess from 1 to 3")).containsExactly(LocalTime.of(13, 0), LocalTime.of(15, 0));
        assertThat(span("chess 1-3pm")).containsExactly(LocalTime.of(13, 0), LocalTime.of(15, 0));
        assertThat(span("chess between 4 and 6")).containsExactly(LocalTime.of(16, 0), LocalTime.of(18, 0));
        assertThat(span("chess 10am-noon")).containsExactly(LocalTime.of(10, 0), LocalTime.NOON);
        assertThat(span("chess from 9 to 11 am")).containsExactly(LocalTime.of(9, 0), LocalTime.of(11, 0));
        assertThat(span("chess from 11 to 1")).containsExactly(LocalTime.of(11, 0), LocalTime.of(13, 0));
        assertThat(parse("chess from 1 to 3").timeOfDay()).isEqualTo("afternoon");
    }

    private static List<LocalTime> span(String q) {
        ParsedQuery p = parse(q);
        return List.of(p.timeAfter(), p.timeBefore());
    }

    @Test
    void exclusions() {
        ParsedQuery weekdays = parse("piano weekdays except monday");
        assertThat(weekdays.date().weekdays()).containsExactly("tuesday", "wednesday", "thursday", "friday");
        assertThat(weekdays.serviceText()).isEqualTo("piano");
        assertThat(parse("yoga any day but friday").date().weekdays()).hasSize(6).doesNotContain("friday");
        assertThat(parse("swim weekends but not sunday").date().weekdays()).containsExactly("saturday");
        assertThat(parse("tennis mon-fri except wednesday").date().weekdays())
                .containsExactly("monday", "tuesday", "thursday", "friday");
        ParsedQuery list = parse("spanish tuesdays and thursdays after 6pm");
        assertThat(list.date().weekdays()).containsExactly("tuesday", "thursday");
        assertThat(list.timeAfter()).isEqualTo(LocalTime.of(18, 0));
        assertThat(parse("yoga mon/wed/fri mornings").date().weekdays()).containsExactly("monday", "wednesday", "friday");
        ParsedQuery nights = parse("guitar weeknights");
        assertThat(nights.date().weekdays()).hasSize(5);
        assertThat(nights.timeOfDay()).isEqualTo("evening");
    }

    @Test
    void namedMomentsOfTheDay() {
        assertThat(moment("swim right after school")).containsExactly("afternoon", "15:00", "17:00");
        assertThat(moment("swim after school")).containsExactly("afternoon", "15:00", "18:00");
        assertThat(moment("running early morning")).containsExactly("morning", "06:00", "09:00");
        assertThat(moment("piano late afternoon")).containsExactly("afternoon", "15:00", "17:00");
        assertThat(moment("yoga at lunchtime")).containsExactly("afternoon", "11:30", "14:00");
        assertThat(moment("spanish after work")).containsExactly("evening", "17:30", "22:00");
        assertThat(moment("pilates before work")).containsExactly("morning", "06:00", "09:00");
        assertThat(parse("swim right after school").serviceText()).isEqualTo("swim");
    }

    private static List<String> moment(String q) {
        ParsedQuery p = parse(q);
        return List.of(String.valueOf(p.timeOfDay()), String.valueOf(p.timeAfter()), String.valueOf(p.timeBefore()));
    }

    @Test
    void aBareHourIsWhatAPersonMeans() {
        assertThat(parse("yoga after 7").timeAfter()).isEqualTo(LocalTime.of(19, 0));
        assertThat(parse("yoga after 7").timeOfDay()).isEqualTo("evening");
        // At 10:30 the morning's 8 o'clock is gone: after 8 today is the evening.
        assertThat(parse("guitar after 8").timeAfter()).isEqualTo(LocalTime.of(20, 0));
        assertThat(parse("guitar today after 9").timeAfter()).isEqualTo(LocalTime.of(21, 0));
        assertThat(parse("guitar tomorrow after 8").timeAfter()).isEqualTo(LocalTime.of(8, 0));
        assertThat(parse("guitar after 8 tonight").timeAfter()).isEqualTo(LocalTime.of(20, 0));
        assertThat(parse("guitar after 8am").timeAfter()).isEqualTo(LocalTime.of(8, 0));
    }

    // ---- lessons at home ----

    @Test
    void atTheStudentsHomeOrAtAStudio() {
        for (String q : List.of("piano at our house", "guitar teacher who can come to us", "math tutor at my apartment",
                "violin home visits", "a tutor who travels to me", "in-home piano lessons", "drum lessons at home")) {
            ParsedQuery p = parse(q);
            assertThat(p.locationType()).as(q).isEqualTo("student_home");
            assertThat(p.online()).as(q).isFalse();
        }
        assertThat(parse("piano at your studio").locationType()).isEqualTo("studio");
        assertThat(parse("in person spanish").locationType()).isNull();
        assertThat(parse("in person spanish").online()).isFalse();
        assertThat(parse("piano at our house").serviceText()).isEqualTo("piano");
    }

    // ---- whole sentences ----

    @Test
    void everyConstraintOfASentenceIsKeptAndTheRestIgnored() {
        ParsedQuery p = parse("Hi! My daughter is 9 and she wants to learn piano, ideally on weekends in Brooklyn, "
                + "budget around $60/hr. Thanks!");
        assertThat(p.serviceText()).isEqualTo("piano");
        assertThat(p.ageGroup()).isEqualTo("kids");
        assertThat(p.date().keyword()).isEqualTo("weekend");
        assertThat(p.location().text()).isEqualTo("brooklyn");
        assertThat(p.maxPrice()).isEqualByComparingTo("60");

        ParsedQuery q = parse("Hello, I'm looking for someone who can teach my son guitar after school on tuesdays near "
                + "Astoria, nothing over $50 please");
        assertThat(q.serviceText()).isEqualTo("guitar");
        assertThat(q.ageGroup()).isEqualTo("kids");
        assertThat(q.maxPrice()).isEqualByComparingTo("50");
        assertThat(q.minPrice()).isNull();
        assertThat(q.date().weekdays()).containsExactly("tuesday");
        assertThat(q.timeAfter()).isEqualTo(LocalTime.of(15, 0));
        assertThat(q.location().text()).isEqualTo("astoria");

        ParsedQuery greeting = parse("good morning! need a yoga teacher tomorrow evening");
        assertThat(greeting.timeOfDay()).isEqualTo("evening");
        assertThat(greeting.serviceText()).isEqualTo("yoga");

        ParsedQuery chat = parse("can you recommend an affordable spanish tutor for a beginner? online is fine");
        assertThat(chat.serviceText()).isEqualTo("spanish");
        assertThat(chat.level()).isEqualTo("beginner");
        assertThat(chat.online()).isTrue();
        assertThat(chat.budget()).isEqualTo("low");
    }

    @Test
    void fillerAndVagueWordsAreNotServices() {
        for (String q : List.of("whatever is available tomorrow evening in williamsburg", "a class for my kid this weekend",
                "anything fun for teens on saturday", "something this weekend under $40", "lessons near me",
                "any class tomorrow")) {
            assertThat(parse(q).serviceText()).as(q).isEmpty();
        }
        assertThat(parse("anything fun for teens on saturday").ageGroup()).isEqualTo("teens");
    }

    // ---- ages and grades ----

    @Test
    void agesAndGradesMapToTheRightAgeGroupAndLevel() {
        assertThat(parse("piano for my 9-year-old").ageGroup()).isEqualTo("kids");
        assertThat(parse("piano for my 9 yo").ageGroup()).isEqualTo("kids");
        assertThat(parse("piano for a nine year old").ageGroup()).isEqualTo("kids");
        assertThat(parse("tennis, my son is 14").ageGroup()).isEqualTo("teens");
        assertThat(parse("reading for a fifth grader").ageGroup()).isEqualTo("kids");
        assertThat(parse("chemistry for grade 10").ageGroup()).isEqualTo("teens");
        assertThat(parse("art for my kindergartener").ageGroup()).isEqualTo("kids");
        assertThat(parse("chess for middle schoolers").ageGroup()).isEqualTo("teens");
        assertThat(parse("sat prep for high schoolers").ageGroup()).isEqualTo("high_school");
        assertThat(parse("spanish for a college student").ageGroup()).isEqualTo("adults");
        ParsedQuery grad = parse("statistics for a grad student");
        assertThat(grad.ageGroup()).isEqualTo("adults");
        assertThat(grad.level()).isEqualTo("advanced");
        assertThat(parse("swimming for my toddler").ageGroup()).isEqualTo("kids");
        assertThat(parse("yoga for seniors").ageGroup()).isEqualTo("adults");
    }

    @Test
    void aGradeSaysWhichSchoolSubjectIsMeant() {
        assertThat(parse("math for my 5th grader").serviceText()).isEqualTo("elementary math");
        assertThat(parse("math help for a 7th grader").serviceText()).isEqualTo("middle school math");
        assertThat(parse("english for my 7th grader").serviceText()).isEqualTo("middle school english");
        assertThat(parse("piano for my 5th grader").serviceText()).isEqualTo("piano");
        assertThat(parse("middle school math").serviceText()).isEqualTo("middle school math");
        assertThat(parse("middle school math").ageGroup()).isNull();
    }

    // ---- other languages ----

    @Test
    void lessonsKidsAndBeginnersInOtherLanguages() {
        ParsedQuery es = parse("clases de guitarra para niños");
        assertThat(es.serviceText()).isEqualTo("guitarra");
        assertThat(es.ageGroup()).isEqualTo("kids");
        assertThat(parse("clases de piano para principiantes").level()).isEqualTo("beginner");
        assertThat(parse("clases de inglés para adultos").ageGroup()).isEqualTo("adults");
        ParsedQuery fr = parse("cours de violon pour enfants");
        assertThat(fr.serviceText()).isEqualTo("violon");
        assertThat(fr.ageGroup()).isEqualTo("kids");
        assertThat(parse("cours de piano pour débutants").level()).isEqualTo("beginner");
        ParsedQuery ru = parse("уроки гитары для детей");
        assertThat(ru.serviceText()).isEqualTo("гитары");
        assertThat(ru.ageGroup()).isEqualTo("kids");
        assertThat(parse("уроки плавания для начинающих").level()).isEqualTo("beginner");
        assertThat(parse("钢琴课 孩子").ageGroup()).isEqualTo("kids");
        assertThat(parse("初学者 吉他").level()).isEqualTo("beginner");
        ParsedQuery ko = parse("피아노 레슨 초보");
        assertThat(ko.serviceText()).isEqualTo("피아노");
        assertThat(ko.level()).isEqualTo("beginner");
        assertThat(parse("아이 수영 레슨").ageGroup()).isEqualTo("kids");
        assertThat(parse("clases de piano mañana por la tarde").date().keyword()).isEqualTo("tomorrow");
        assertThat(parse("clases de piano mañana por la tarde").timeOfDay()).isEqualTo("afternoon");
    }

    // ---- properties ----

    /** A service, a price bound, a place and a day, said in any order: each is read as said. */
    @Property(tries = 300)
    void theConstraintsOfAQueryDoNotDependOnTheirOrder(@ForAll("pieces") List<String> pieces,
            @ForAll @IntRange(min = 20, max = 400) int price) {
        List<String> words = new ArrayList<>(pieces);
        words.add("under $" + price);
        Collections.shuffle(words, new java.util.Random(price));
        ParsedQuery p = parse(String.join(" ", words));
        assertThat(p.maxPrice()).isEqualByComparingTo(BigDecimal.valueOf(price));
        assertThat(p.serviceText()).isEqualTo(pieces.get(0));
        assertThat(p.location().text()).isEqualTo(NAMES.get(pieces.get(1)));
        assertThat(p.date().keyword()).isEqualTo(DAYS.get(pieces.get(2)));
    }

    private static final java.util.Map<String, String> NAMES = java.util.Map.of("in the UWS", "upper west side",
            "near Bed-Stuy", "bedford-stuyvesant", "in LIC", "long island city", "in hells kitchen", "hell's kitchen",
            "by central park", "central park", "in 11215", "park slope", "in the bronx", "bronx");
    private static final java.util.Map<String, String> DAYS = java.util.Map.of("on thurs", "thursday", "tomorrow",
            "tomorrow", "this weekend", "weekend", "on sat", "saturday", "tues", "tuesday", "next friday", "friday");

    @Provide
    Arbitrary<List<String>> pieces() {
        return Combinators.combine(Arbitraries.of("piano", "guitar", "spanish", "chess", "yoga", "swimming"),
                Arbitraries.of(NAMES.keySet()), Arbitraries.of(DAYS.keySet())).as(List::of);
    }

    @Property(tries = 300)
    void boundsAndRangesOfAnyPlausibleRate(@ForAll @IntRange(min = 15, max = 900) int low,
            @ForAll @IntRange(min = 1, max = 300) int more) {
        int high = low + more;
        assertThat(parse("tutor under " + low).maxPrice()).isEqualByComparingTo(BigDecimal.valueOf(low));
        assertThat(parse("tutor " + low + " or more").minPrice()).isEqualByComparingTo(BigDecimal.valueOf(low));
        ParsedQuery range = parse("tutor from " + low + " to " + high);
        assertThat(range.minPrice()).isEqualByComparingTo(BigDecimal.valueOf(low));
        assertThat(range.maxPrice()).isEqualByComparingTo(BigDecimal.valueOf(high));
    }

    @Property(tries = 200)
    void everyAgeFallsInOneAgeGroup(@ForAll @IntRange(min = 3, max = 70) int age) {
        String expected = age <= 12 ? "kids" : age <= 17 ? "teens" : "adults";
        assertThat(parse("swimming for my " + age + "-year-old").ageGroup()).isEqualTo(expected);
        assertThat(parse("swimming for my " + age + " year old").ageGroup()).isEqualTo(expected);
        assertThat(parse("swimming for my " + age + "-year-old").maxPrice()).isNull();
    }
}
